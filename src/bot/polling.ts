// Long polling through @grammyjs/runner: updates of different chats run concurrently, each chat's in order.
import { run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { describeError } from "./error-boundary.js";
import { inFlightOf } from "./in-flight.js";

export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export interface Stoppable {
  /** Stops taking updates, waits for the ones under way, then resolves. */
  stop(): Promise<void>;
}

export async function startPolling(bot: Bot<BotContext>, log: Logger, concurrency = 50): Promise<Stoppable> {
  // A webhook left set from an earlier run makes getUpdates fail with 409.
  await bot.api.deleteWebhook().catch((e: unknown) => log.warn(`deleteWebhook failed: ${describeError(e)}`));
  // The runner prints getUpdates errors with console.error, cause and URL (token) included: log them here instead.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (e) {
      if (method === "getUpdates" && !signal?.aborted)
        log.warn(`getUpdates failed, retrying: ${describeError(e)}`);
      throw e;
    }
  });
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true },
    sink: { concurrency },
  });
  log.info(`bot @${bot.botInfo.username} is polling for updates`);
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await inFlightOf(bot).drain();
    },
  };
}
