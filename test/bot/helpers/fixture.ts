// A real bot on a fixture corpus: temp CORPUS_DIR (the seed article plus fixture-docs.ts), temp INDEX_DIR and
// DATA_DIR, the real buildApp, and the emulator as the Bot API. Nothing is written inside the project.
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Bot } from "grammy";
import type { AnswerPipeline } from "../../../src/answer/pipeline.js";
import { type App, buildApp } from "../../../src/app.js";
import { type Config, loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/logger.js";
import type { BotContext, BotDeps } from "../../../src/bot/context.js";
import { adminFeature } from "../../../src/bot/admin/admin-feature.js";
import { createBot } from "../../../src/bot/create-bot.js";
import { type RunningBot, startBot } from "../../../src/bot/start-bot.js";
import { SEED_CORPUS, SEED_DOC } from "../../helpers/corpus.js";
import { BotApiEmulator } from "./emulator.js";
import { FIXTURE_DOCS } from "./fixture-docs.js";

export const TOKEN = "123456789:AAHtest-token_abcdefghijklmnopqrstuv";

export interface BotFixture {
  root: string;
  config: Config;
  app: App;
  bot: Bot<BotContext>;
  running: RunningBot;
  emulator: BotApiEmulator;
  /** Every log line, token masked by the logger. */
  logs: string[];
  close(): Promise<void>;
}

export interface FixtureOptions {
  env?: Record<string, string>;
  /** Wraps the real pipeline (e.g. to make one question throw). */
  pipeline?: (real: AnswerPipeline, app: App) => AnswerPipeline;
  emulator?: BotApiEmulator;
  /** Mount the admin commands (issue 6), as `npm start` does. */
  admin?: boolean;
  /** Extra bot dependencies (a shorter rate window, conversation state of the test's own). */
  deps?: Partial<Pick<BotDeps, "rateWindowMs" | "conversations">>;
  /** Keep this root (and so DATA_DIR) instead of a new one: a restart of the same bot. */
  root?: string;
  /** Webhook mode: call setWebhook on the emulator (default: no, tests POST updates themselves). */
  registerWebhook?: boolean;
}

export async function startFixture(options: FixtureOptions = {}): Promise<BotFixture> {
  const root = options.root ?? (await mkdtemp(path.join(os.tmpdir(), "bot-e2e-")));
  const corpus = path.join(root, "corpus");
  await mkdir(corpus, { recursive: true });
  await cp(path.join(SEED_CORPUS, SEED_DOC), path.join(corpus, SEED_DOC));
  for (const doc of FIXTURE_DOCS) await writeFile(path.join(corpus, doc.id), doc.text);
  const emulator = options.emulator ?? (await BotApiEmulator.launch());
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.config.apiURL,
    CORPUS_DIR: corpus,
    INDEX_DIR: path.join(root, "index"),
    DATA_DIR: path.join(root, "data"),
    RATE_LIMIT_PER_MINUTE: "1000",
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const logs: string[] = [];
  const log = createLogger("debug", [TOKEN], (line) => logs.push(line) > 0);
  const app = await buildApp(config, log);
  const pipeline = options.pipeline ? options.pipeline(app.pipeline, app) : app.pipeline;
  const admin = options.admin
    ? adminFeature({ config, kb: app.kb, files: { apiRoot: config.TELEGRAM_API_ROOT, token: TOKEN }, log })
    : undefined;
  const bot = createBot(config, { pipeline, kb: app.kb, log, adminFeature: admin, ...options.deps });
  const running = await startBot(bot, config, log, {
    port: 0,
    host: "127.0.0.1",
    registerWebhook: options.registerWebhook ?? false,
  });
  const close = async () => {
    await running.stop();
    if (!options.emulator) await emulator.stop();
    if (!options.root) await rm(root, { recursive: true, force: true });
  };
  return { root, config, app, bot, running, emulator, logs, close };
}
