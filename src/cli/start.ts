// `npm start`: the Telegram bot. Long polling by default, a webhook server when WEBHOOK_URL is set; stops cleanly on
// SIGINT/SIGTERM after finishing the answers under way.
import { missingTokenError } from "../bot/missing-token.js";
import { runCli } from "./run.js";
import { warmUp } from "./warm-up.js";

runCli(async ({ config, log }) => {
  if (!config.TELEGRAM_BOT_TOKEN) throw missingTokenError();
  // Loaded after the check: the app's dependencies take seconds to load, and a missing token should be said at once.
  const { buildApp } = await import("../app.js");
  const { createBot } = await import("../bot/create-bot.js");
  const { startBot } = await import("../bot/start-bot.js");
  const { removeOrphanedUploads } = await import("../intake/orphans.js");
  const orphans = await removeOrphanedUploads(config.dataDir, config.corpusDir);
  if (orphans.length) log.info(`removed what an interrupted /add left behind: ${orphans.join(", ")}`);
  const app = await buildApp(config, log);
  // Now, not while the first user waits.
  const { preloadWordNet } = await import("../text/wordnet.js");
  preloadWordNet();
  // One question answered now loads what the first real one would otherwise wait for (word lists, the tagger's
  // lazy parts): about 0.3 s here, measured after WordNet is loaded.
  await warmUp(app.pipeline, log);
  const { adminFeature } = await import("../bot/admin/admin-feature.js");
  const { Suggestions } = await import("../bot/suggestions.js");
  const files = { apiRoot: config.TELEGRAM_API_ROOT, token: config.TELEGRAM_BOT_TOKEN };
  const admin = adminFeature({ config, kb: app.kb, files, log });
  const suggestions = new Suggestions(app.pipeline, app.kb);
  const bot = createBot(config, {
    pipeline: app.pipeline,
    kb: app.kb,
    log,
    adminFeature: admin,
    suggestions,
  });
  // Before polling, not in the background: the first abstention then offers its questions at once, and no
  // answering holds the event loop when a stop signal comes (tsx, which runs `npm start`, kills a bot that does not
  // take a signal within 30 ms). About 0.3 s.
  await suggestions.warm(log);
  const running = await startBot(bot, config, log);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  log.info(`${signal}: finishing the answers under way, then stopping (again to force)`);
  for (const again of ["SIGINT", "SIGTERM"] as const) process.once(again, () => process.exit(130));
  await running.stop();
  log.info("bot stopped");
  return 0;
});
