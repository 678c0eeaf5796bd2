// Shows "typing…" while an answer is prepared. The action is a nicety: its failure is logged once and ignored.
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { describeError } from "./error-boundary.js";

/** Telegram shows a chat action for about five seconds; repeat a little sooner. */
const REPEAT_MS = 4500;

export async function withTyping<T>(ctx: BotContext, log: Logger, work: () => Promise<T>): Promise<T> {
  let failed = false;
  const send = () => {
    if (failed) return;
    ctx.replyWithChatAction("typing").catch((e: unknown) => {
      failed = true;
      log.debug(`typing action failed (ignored): ${describeError(e)}`);
    });
  };
  send();
  const timer = setInterval(send, REPEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
