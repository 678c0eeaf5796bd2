// A source button: shows the whole passage with the quote in bold, or says the source changed after a reindex.
import { Composer } from "grammy";
import { parseCallbackData } from "../callback-data.js";
import type { BotContext, BotDeps } from "../context.js";
import { renderPassage } from "../render-passage.js";
import { sendHtml } from "../send-html.js";

export function sourceButtonFeature(deps: Pick<BotDeps, "kb">): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^src:/, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    const passage = action?.kind === "source" ? deps.kb.index().passageById(action.passageId) : undefined;
    if (action?.kind !== "source" || !passage) {
      await ctx.answerCallbackQuery({ text: ctx.t.sourceChanged, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const messages = renderPassage(passage, ctx.t, action.start, action.end);
    await sendHtml(ctx, messages, { replyToMessageId: ctx.callbackQuery.message?.message_id });
  });

  return feature;
}
