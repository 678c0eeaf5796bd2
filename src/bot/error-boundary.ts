// Where handler errors end: the user gets a short apology, the log gets the update id and the error, never the token.
import { type BotError, GrammyError, HttpError } from "grammy";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { stringsFor } from "./i18n.js";

/**
 * A loggable description without the error's cause chain: a network error's cause can carry the request URL,
 * and Telegram's request URLs contain the token.
 */
export function describeError(e: unknown): string {
  if (e instanceof GrammyError)
    return `${e.method}: ${e.error_code ?? "?"} ${e.description ?? "(no description)"}`;
  // The cause's message names the request URL (and so the token); its code (ECONNRESET…) is safe and telling.
  if (e instanceof HttpError) {
    const code = (e.error as { code?: unknown } | undefined)?.code;
    return typeof code === "string" ? `${e.message} (${code})` : e.message;
  }
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

/** The error boundary's handler: log, then apologize (an apology that fails is only logged). */
export function apologize(log: Logger) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const { ctx } = err;
    log.error(`update ${ctx.update.update_id} failed: ${describeError(err.error)}`);
    if (!ctx.chat) return;
    const t = ctx.t ?? stringsFor(ctx.from?.language_code);
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      await ctx.reply(
        t.apology,
        ctx.msg?.message_id ? { reply_parameters: replyTo(ctx.msg.message_id) } : {},
      );
    } catch (e) {
      log.warn(`update ${ctx.update.update_id}: the apology could not be sent: ${describeError(e)}`);
    }
  };
}

/** bot.catch: errors outside the boundary (e.g. in the middleware in front of it). */
export function logUnhandled(log: Logger) {
  return (err: BotError<BotContext>): void => {
    log.error(
      `update ${err.ctx.update.update_id} failed outside the error boundary: ${describeError(err.error)}`,
    );
  };
}

/** Reply parameters that still send when the question was deleted meanwhile. */
export function replyTo(messageId: number) {
  return { message_id: messageId, allow_sending_without_reply: true };
}
