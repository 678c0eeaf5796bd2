// Long polling through @grammyjs/runner: updates of different chats run concurrently, each chat's in order. Every
// update fetched is journaled before Telegram can consider it delivered, and replayed on start if a crash cut it short.
import { createConcurrentSink, createRunner, createSource, createUpdateFetcher } from "@grammyjs/runner";
import type { Bot, BotError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { describeError } from "./error-boundary.js";
import { inFlightOf } from "./in-flight.js";
import { reportSetAside } from "./set-aside.js";
import { type SetAside, UpdateJournal } from "./update-journal.js";

export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export interface Stoppable {
  /** Stops taking updates, waits for the ones under way, then resolves. */
  stop(): Promise<void>;
}

export interface PollingOptions {
  concurrency?: number;
  /** Where the journal of received-but-unfinished updates lives; without it a crash can lose them. */
  dataDir?: string;
}

export async function startPolling(
  bot: Bot<BotContext>,
  log: Logger,
  options: PollingOptions = {},
): Promise<Stoppable> {
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
  const { journal, unfinished, setAside } = options.dataDir ? await openJournal(options.dataDir, log) : {};
  if (setAside?.length) await reportSetAside(bot.api, setAside, log);
  const handle = handler(bot, log, journal);
  const fetchUpdates = createUpdateFetcher(bot, {
    fetch: { allowed_updates: ALLOWED_UPDATES },
    silent: true,
  });
  let lastId: number | undefined;
  const source = createSource({
    async supply(batchSize, signal) {
      const updates = await fetchUpdates(batchSize, signal);
      // This call confirmed the previous batch; the next one will confirm this batch, so it is journaled first.
      if (lastId !== undefined) journal?.confirmed(lastId + 1);
      await journal
        ?.received(updates)
        .catch((e: unknown) => log.warn(`update journal not written: ${describeError(e)}`));
      lastId = updates.at(-1)?.update_id ?? lastId;
      return updates;
    },
  });
  const sink = createConcurrentSink<Update>({ consume: handle }, async () => undefined, {
    concurrency: options.concurrency ?? 50,
  });
  // Before polling starts, so that each chat's replayed updates keep their place ahead of newer ones.
  const replays = unfinished?.length ? replay(unfinished, handle, log) : Promise.resolve();
  const runner = createRunner(source, sink);
  runner.start();
  log.info(`bot @${bot.botInfo.username} is polling for updates`);
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await replays;
      await inFlightOf(bot).drain();
      // The runner's last batch is handled but not yet confirmed: confirm it, or Telegram sends it again on start.
      if (lastId !== undefined)
        await bot.api
          .getUpdates({ offset: lastId + 1, limit: 1, timeout: 0 })
          .catch((e: unknown) => log.warn(`could not confirm the last updates: ${describeError(e)}`));
      await journal?.close();
    },
  };
}

async function openJournal(
  dataDir: string,
  log: Logger,
): Promise<{ journal?: UpdateJournal; unfinished?: Update[]; setAside?: SetAside[] }> {
  try {
    return await UpdateJournal.open(dataDir);
  } catch (e) {
    log.warn(`update journal unavailable, a crash may lose questions under way: ${describeError(e)}`);
    return {};
  }
}

/**
 * Handles one update, and journals it finished whatever happens. A re-delivery (Telegram sends again what was never
 * confirmed) of an update handled before a restart, or being replayed now, is skipped.
 */
function handler(bot: Bot<BotContext>, log: Logger, journal: UpdateJournal | undefined) {
  const active = new Set<number>();
  return async (update: Update): Promise<void> => {
    const id = update.update_id;
    if (active.has(id)) return log.info(`update ${id} is already being handled; the re-delivery is skipped`);
    active.add(id);
    try {
      if (journal?.isFinished(id)) log.info(`update ${id} was handled before a restart; skipped`);
      else await bot.handleUpdate(update).catch((e: BotError<BotContext>) => bot.errorHandler(e));
    } catch (e) {
      log.error(`update ${id}: the error handler failed: ${describeError(e)}`);
    } finally {
      active.delete(id);
      await journal
        ?.finish(id)
        .catch((e: unknown) => log.warn(`update journal not written: ${describeError(e)}`));
    }
  };
}

async function replay(updates: Update[], handle: (u: Update) => Promise<void>, log: Logger): Promise<void> {
  log.info(`handling ${updates.length} update(s) received before a stop but never finished`);
  await Promise.all(updates.map(handle));
}
