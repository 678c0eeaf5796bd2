// A folder for a bot process of its own: corpus/ with the seed article and the fixture documents; index/ and data/
// are created by the bot. Removed when the test ends (tempDir).
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BotProcess, startBotProcess } from "../../../src/loadtest/bot-process.js";
import { SEED_CORPUS, SEED_DOC } from "../../helpers/corpus.js";
import { tempDir } from "../../helpers/temp.js";
import { FIXTURE_DOCS } from "./fixture-docs.js";
import { TOKEN } from "./fixture.js";

export interface BotRoot {
  root: string;
  corpusDir: string;
  indexDir: string;
  dataDir: string;
}

export async function botRoot(prefix = "bot-root-"): Promise<BotRoot> {
  const root = await tempDir(prefix);
  const corpusDir = path.join(root, "corpus");
  await mkdir(corpusDir);
  await cp(path.join(SEED_CORPUS, SEED_DOC), path.join(corpusDir, SEED_DOC));
  for (const doc of FIXTURE_DOCS) await writeFile(path.join(corpusDir, doc.id), doc.text);
  return { root, corpusDir, indexDir: path.join(root, "index"), dataDir: path.join(root, "data") };
}

/** Polls `condition` every 20 ms until it holds; throws with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The environment of a bot child process polling `apiRoot`: the folders of a BotRoot, one admin, no rate limit to speak of. */
export function childBotEnv(
  apiRoot: string,
  admin: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    CORPUS_DIR: "corpus",
    INDEX_DIR: "index",
    DATA_DIR: "data",
    ADMIN_IDS: String(admin),
    RATE_LIMIT_PER_MINUTE: "1000",
    LOG_LEVEL: "debug",
    ...extra,
  };
}

/** Starts a bot child process in `root`, records it in `started` (to kill at the end), and waits until it polls. */
export async function startPolling(
  env: Record<string, string>,
  root: string,
  started: BotProcess[],
): Promise<BotProcess> {
  const bot = startBotProcess(env, root);
  started.push(bot);
  await bot.waitFor(/is polling for updates/);
  return bot;
}
