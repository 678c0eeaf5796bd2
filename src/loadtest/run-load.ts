// One load run: a temporary copy of the corpus, the emulator on loopback, the real bot (a child process running
// src/cli/start.ts, or in-process), many users asking while an admin adds and removes notes; then the figures.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config.js";
import { listDocumentIds, sha256 } from "../corpus/documents.js";
import { RETRY_LINE } from "../bot/network-retry.js";
import { createEmbeddings } from "../embeddings/providers.js";
import { embeddingsInfo, PassageIndex } from "../index/passage-index.js";
import { createLogger } from "../logger.js";
import { startBotProcess } from "./bot-process.js";
import { BotApiEmulator } from "./emulator.js";
import { type LoadReport, latencySummary } from "./report.js";
import { ReplyTracker } from "./replies.js";
import { adminSession, type Traffic, type UserPlan, userSession } from "./traffic.js";

export interface LoadOptions {
  users: number;
  chats: number;
  questions: number;
  bot: "child" | "inline";
  /** Each user waits up to this long (uniformly random) between an answer and the next question. */
  thinkMs: number;
  /** The admin waits this long after each add and each remove. */
  adminPauseMs: number;
  /** A question unanswered after this long is lost. */
  timeoutMs: number;
  /** After the last answer, how long to keep watching for late duplicates. */
  graceMs: number;
  /** Copied into a temporary CORPUS_DIR: the run never writes here. */
  corpusDir: string;
  seed: number;
  progress?: (line: string) => void;
}

const TOKEN = "424242:LOADTEST-token_abcdefghijklmnopqrstu";
const ADMIN = 4242;

interface RunningBot {
  stop(): Promise<void>;
  /** The ERROR lines logged so far. */
  errors(): string[];
  /** The Bot API calls tried again after a transport failure (src/bot/network-retry.ts), as logged. */
  retries(): string[];
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  if (options.users < options.chats) throw new Error("--users must be at least --chats (users share chats)");
  const say = options.progress ?? (() => undefined);
  const root = await mkdtemp(path.join(os.tmpdir(), "loadtest-"));
  const emulator = await BotApiEmulator.launch();
  try {
    await cp(options.corpusDir, path.join(root, "corpus"), {
      recursive: true,
      filter: (src) => !path.basename(src).startsWith(".") || src === options.corpusDir,
    });
    const env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      CORPUS_DIR: path.join(root, "corpus"),
      INDEX_DIR: path.join(root, "index"),
      DATA_DIR: path.join(root, "data"),
      ADMIN_IDS: String(ADMIN),
      // The users ask as fast as they are answered: the per-user limit would turn answers into refusals.
      RATE_LIMIT_PER_MINUTE: "1000000",
      LOG_LEVEL: "info",
    };
    say(`starting the bot (${options.bot})…`);
    const bot = options.bot === "child" ? await childBot(env, root) : await inlineBot(env);
    const tracker = new ReplyTracker(emulator);
    let report: LoadReport;
    try {
      report = await drive(options, emulator, tracker, bot, say);
    } finally {
      tracker.detach();
      await bot.stop();
    }
    report.consistent = await consistent(env);
    return report;
  } finally {
    await emulator.stop();
    await rm(root, { recursive: true, force: true });
  }
}

async function drive(
  options: LoadOptions,
  emulator: BotApiEmulator,
  tracker: ReplyTracker,
  bot: RunningBot,
  say: (line: string) => void,
): Promise<LoadReport> {
  const traffic: Traffic = {
    emulator,
    tracker,
    token: TOKEN,
    budget: { left: 1 },
    timeoutMs: options.timeoutMs,
    thinkMs: options.thinkMs,
    random: mulberry32(options.seed),
  };
  // One question first, so the run measures a warm bot.
  const warm = await userSession(traffic, { userId: 99, chatId: 99, group: false }, () => []);
  if (warm[0]?.firstReplyAt === undefined) throw new Error("the bot did not answer the warm-up question");
  tracker.asked.clear();

  traffic.budget.left = options.questions;
  const group = options.users > options.chats;
  const plans: UserPlan[] = Array.from({ length: options.users }, (_, u) => ({
    userId: 100_000 + u,
    chatId: group ? -(1_000_000 + (u % options.chats)) : 100_000 + u,
    group,
  }));
  const notes = new Set<number>();
  let running = true;
  say(`${options.users} users in ${options.chats} chats asking ${options.questions} questions…`);
  const began = performance.now();
  const admin = adminSession(traffic, ADMIN, options.adminPauseMs, () => running, notes);
  await Promise.all(plans.map((p) => userSession(traffic, p, () => [...notes])));
  const seconds = (performance.now() - began) / 1000;
  running = false;
  const adminStats = await admin;
  await new Promise((r) => setTimeout(r, options.graceMs));

  const asked = [...tracker.asked.values()].filter((a) => a.chatId !== ADMIN);
  const answered = asked.filter((a) => a.firstReplyAt !== undefined);
  return {
    bot: options.bot,
    cores: os.availableParallelism(),
    users: options.users,
    chats: options.chats,
    questions: asked.length,
    answered: answered.length,
    lost: asked.length - answered.length,
    duplicated: asked.filter((a) => a.replies > 1).length,
    apologies: answered.filter((a) => a.firstReplyText?.startsWith("Sorry, something went wrong")).length,
    seconds,
    answersPerSecond: answered.length / seconds,
    latencyMs: latencySummary(answered.map((a) => a.firstReplyAt! - a.sentAt)),
    admin: adminStats,
    botErrors: bot.errors(),
    networkRetries: bot.retries().length,
    consistent: false,
  };
}

async function childBot(env: Record<string, string>, root: string): Promise<RunningBot> {
  const child = startBotProcess(env, root);
  await child.waitFor(/is polling for updates/).catch(async (e: unknown) => {
    await child.kill("SIGKILL");
    throw e;
  });
  return {
    stop: () => child.kill("SIGTERM"),
    errors: () => child.lines.filter((l) => / ERROR /.test(l)),
    retries: () => child.lines.filter((l) => RETRY_LINE.test(l)),
  };
}

async function inlineBot(env: Record<string, string>): Promise<RunningBot> {
  const { buildApp } = await import("../app.js");
  const { adminFeature } = await import("../bot/admin/admin-feature.js");
  const { createBot } = await import("../bot/create-bot.js");
  const { startBot } = await import("../bot/start-bot.js");
  const config = loadConfig(env);
  const errors: string[] = [];
  const retries: string[] = [];
  const log = createLogger("warn", [TOKEN], (line) => {
    if (/ ERROR /.test(line)) errors.push(line);
    if (RETRY_LINE.test(line)) retries.push(line);
    return true;
  });
  const app = await buildApp(config, log);
  const files = { apiRoot: config.TELEGRAM_API_ROOT, token: TOKEN };
  const admin = adminFeature({ config, kb: app.kb, files, log });
  const bot = createBot(config, { pipeline: app.pipeline, kb: app.kb, log, adminFeature: admin });
  const running = await startBot(bot, config, log);
  return { stop: () => running.stop(), errors: () => errors, retries: () => retries };
}

/** The saved index lists exactly the corpus's documents, each at its current content. */
async function consistent(env: Record<string, string>): Promise<boolean> {
  const config = loadConfig(env);
  const index = await PassageIndex.load(config.indexDir, embeddingsInfo(await createEmbeddings(config)));
  const ids = await listDocumentIds(config.corpusDir);
  if (!index || JSON.stringify(index.documentIds()) !== JSON.stringify(ids)) return false;
  for (const id of ids) {
    if (index.document(id)!.hash !== sha256(await readFile(path.join(config.corpusDir, id)))) return false;
  }
  return true;
}

/** A small seeded generator, so that a run can be repeated. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
