// Decides whether a text message is a question for the bot: always in private chats; in groups only when the bot is
// mentioned or replied to (/ask is handled as a command).
import type { MessageEntity } from "grammy/types";
import type { BotContext } from "./context.js";

/** The question in a message addressed to the bot, without the mention; undefined when not addressed to it. */
export function questionFor(ctx: BotContext): string | undefined {
  const msg = ctx.message;
  const text = msg?.text;
  if (!msg || text === undefined) return undefined;
  const mention = mentionOfBot(ctx, msg.entities ?? []);
  if (mention) return (text.slice(0, mention.offset) + text.slice(mention.offset + mention.length)).trim();
  if (ctx.chat?.type === "private" || msg.reply_to_message?.from?.id === ctx.me.id) return text.trim();
  return undefined;
}

function mentionOfBot(ctx: BotContext, entities: readonly MessageEntity[]): MessageEntity | undefined {
  const text = ctx.message?.text ?? "";
  const handle = `@${ctx.me.username}`.toLowerCase();
  return entities.find(
    (e) =>
      (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === "text_mention" && e.user.id === ctx.me.id),
  );
}

/** True for a message that starts with a command (for any bot). */
export function isCommand(ctx: BotContext): boolean {
  return (ctx.message?.entities ?? []).some((e) => e.type === "bot_command" && e.offset === 0);
}
