// /new and /reset: forget the chat's conversation, so the next question is read on its own.
import { Composer } from "grammy";
import type { ConversationState } from "../conversation-state.js";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send-html.js";

export function conversationFeature(state: ConversationState): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(["new", "reset"], async (ctx) => {
    (await state.ready()).forget(ctx.chat.id);
    await state.save();
    await sendHtml(ctx, [ctx.t.newConversation], { replyToMessageId: ctx.msg.message_id });
  });
  return feature;
}
