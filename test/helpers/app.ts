// Builds the real app over a temporary corpus and index, for tests. Never touches the project's corpus/ or index/.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type App, type AppOverrides, buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { evalCorpus } from "./corpus.js";

export const SEED = path.resolve(import.meta.dirname, "../../corpus/congress-fifth-session-warsaw.md");

export interface TempApp extends App {
  root: string;
  cleanup(): Promise<void>;
}

/** A temp folder with corpus/, index/ and data/; `docs` maps docId → text; `seed` copies the project's seed document. */
export async function tempApp(
  options: {
    docs?: Record<string, string>;
    seed?: boolean;
    env?: Record<string, string>;
    overrides?: AppOverrides;
  } = {},
): Promise<TempApp> {
  const root = await mkdtemp(path.join(os.tmpdir(), "rag-test-"));
  const corpus = path.join(root, "corpus");
  await mkdir(corpus, { recursive: true });
  if (options.seed ?? true) await copyFile(SEED, path.join(corpus, path.basename(SEED)));
  for (const [docId, text] of Object.entries(options.docs ?? {})) {
    await mkdir(path.dirname(path.join(corpus, docId)), { recursive: true });
    await writeFile(path.join(corpus, docId), text);
  }
  const config = loadConfig(
    { CORPUS_DIR: "corpus", INDEX_DIR: "index", DATA_DIR: "data", LOG_LEVEL: "silent", ...options.env },
    root,
  );
  const app = await buildApp(config, createLogger("silent"), options.overrides);
  return { ...app, root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/**
 * A temp app for the tests of the describe block this is called in: built before them, removed after them. The
 * tests read it through the returned function.
 */
export function suiteApp(options?: Parameters<typeof tempApp>[0]): () => TempApp {
  let app: TempApp | undefined;
  beforeAll(async () => {
    app = await tempApp(options);
  });
  afterAll(async () => {
    await app?.cleanup();
  });
  return () => {
    if (!app) throw new Error("suiteApp: read before the describe block's beforeAll ran");
    return app;
  };
}

/**
 * Temp apps over the evaluation corpora, shared by a file's describe blocks: `evalApp("d10")` in a describe block
 * gives that block the one app of d10, built before the first block that asks for it; all are removed after the file.
 * Call it at the file's top level once, and the function it returns in each describe block.
 */
export function sharedEvalApps(): (set: string, kind?: "dev" | "held-out") => () => TempApp {
  const built = new Map<string, Promise<TempApp>>();
  afterAll(async () => {
    await Promise.all([...built.values()].map(async (app) => (await app).cleanup()));
  });
  return (set, kind = "dev") => {
    const key = `${kind}/${set}`;
    let app: TempApp | undefined;
    beforeAll(async () => {
      let building = built.get(key);
      if (!building) built.set(key, (building = tempApp({ seed: false, docs: evalCorpus(set, kind) })));
      app = await building;
    });
    return () => {
      if (!app) throw new Error("sharedEvalApps: read before the describe block's beforeAll ran");
      return app;
    };
  };
}
