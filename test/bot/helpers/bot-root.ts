// A folder for a bot process of its own: corpus/ with the seed article and the fixture documents; index/ and data/
// are created by the bot. Removed when the test ends (tempDir).
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SEED_CORPUS, SEED_DOC } from "../../helpers/corpus.js";
import { tempDir } from "../../helpers/temp.js";
import { FIXTURE_DOCS } from "./fixture-docs.js";

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
