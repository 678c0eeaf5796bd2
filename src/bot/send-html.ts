// Sends a list of HTML messages in order: the first replies to the question, the keyboard goes under the last.
import type { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext } from "./context.js";
import { replyTo } from "./error-boundary.js";

export interface SendOptions {
  replyToMessageId?: number;
  keyboard?: InlineKeyboard;
}

export async function sendHtml(
  ctx: BotContext,
  messages: readonly string[],
  options: SendOptions = {},
): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [i, html] of messages.entries()) {
    const last = i === messages.length - 1;
    sent.push(
      await ctx.reply(html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        reply_parameters: i === 0 && options.replyToMessageId ? replyTo(options.replyToMessageId) : undefined,
        reply_markup: last ? options.keyboard : undefined,
      }),
    );
  }
  return sent;
}
