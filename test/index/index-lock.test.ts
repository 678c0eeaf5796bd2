// Issue 22: two writers of INDEX_DIR (the bot adding a document while `npm run ingest -- --rebuild` runs) lost the
// new document from the saved index. Ingests now hold a lock naming the holder: a second writer waits or refuses.
import { spawnSync } from "node:child_process";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IndexLockedError } from "../../src/errors.js";
import { LOCK_FILE } from "../../src/index/index-lock.js";
import { ingest } from "../../src/index/ingest.js";
import { PassageIndex } from "../../src/index/passage-index.js";
import { generatedCorpus, writeDocs } from "../helpers/corpus.js";
import { localEmbeddings } from "../helpers/embeddings.js";
import { tempDir } from "../helpers/temp.js";

const NEW_DOC = {
  "late-addition.md": "# Late addition\n\nThe lighthouse keeper was elected by the congress.\n",
};

async function dirs() {
  const corpusDir = await tempDir();
  const indexDir = path.join(await tempDir(), "index");
  return { corpusDir, indexDir };
}

/** A lock file as another process would leave it (taken now, unless said otherwise). */
const lockOf = async (
  indexDir: string,
  pid: number,
  command: string,
  startedAt = new Date().toISOString(),
) => {
  await mkdir(indexDir, { recursive: true });
  await writeFile(path.join(indexDir, LOCK_FILE), JSON.stringify({ pid, startedAt, command }));
};

describe("the INDEX_DIR writer lock", { timeout: 60_000 }, () => {
  it("keeps an add made while a rebuild runs: the second writer waits and saves on top", async () => {
    const { corpusDir, indexDir } = await dirs();
    await writeDocs(corpusDir, generatedCorpus("race", 40, 12));
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64) });
    // The rebuild (as `npm run ingest -- --rebuild`) has listed the corpus when the add (as the bot's /add) begins.
    let listed!: () => void;
    const rebuildListed = new Promise<void>((r) => (listed = r));
    const rebuild = ingest({
      corpusDir,
      indexDir,
      embeddings: localEmbeddings(64),
      rebuild: true,
      onProgress: () => listed(),
    });
    await rebuildListed;
    await writeDocs(corpusDir, NEW_DOC);
    const add = ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64) });
    await Promise.all([rebuild, add]);
    const saved = await PassageIndex.load(indexDir, localEmbeddings(64));
    expect(saved!.documentIds()).toContain("late-addition.md");
    expect(await readdir(indexDir)).not.toContain(LOCK_FILE);
  });

  it("refuses, naming the holder, when another live process holds the lock past the wait", async () => {
    const { corpusDir, indexDir } = await dirs();
    await writeDocs(corpusDir, NEW_DOC);
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64) });
    await lockOf(indexDir, process.ppid, "tsx src/cli/start.ts");
    const e = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64), lockWaitMs: 0 }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(IndexLockedError);
    expect((e as Error).message).toContain(`pid ${process.ppid} (tsx src/cli/start.ts)`);
    expect((e as Error).message).toMatch(/Wait for it to finish/);
  });

  it("waits for a live holder and goes on once it lets go", async () => {
    const { corpusDir, indexDir } = await dirs();
    await writeDocs(corpusDir, NEW_DOC);
    await lockOf(indexDir, process.ppid, "tsx src/cli/start.ts");
    const waits: string[] = [];
    const { report } = await ingest({
      corpusDir,
      indexDir,
      embeddings: localEmbeddings(64),
      log: {
        warn: () => undefined,
        // The holder finishes as soon as this writer says it waits.
        info: (m) => {
          waits.push(m);
          void rm(path.join(indexDir, LOCK_FILE));
        },
      },
    });
    expect(waits).toEqual([expect.stringMatching(new RegExp(`waiting for pid ${process.ppid} \\(tsx`))]);
    expect(report.added).toEqual(["late-addition.md"]);
  });

  it("takes over a lock whose process is dead", async () => {
    const { corpusDir, indexDir } = await dirs();
    await writeDocs(corpusDir, NEW_DOC);
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64) });
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    await lockOf(indexDir, dead, "node src/cli/ingest.ts");
    const { report } = await ingest({
      corpusDir,
      indexDir,
      embeddings: localEmbeddings(64),
      lockWaitMs: 0,
      rebuild: true,
    });
    expect(report.added).toEqual(["late-addition.md"]);
    expect(await readdir(indexDir)).not.toContain(LOCK_FILE);
  });

  it("takes over a lock whose pid now belongs to a process started after the lock was taken (pid reused)", async () => {
    const { corpusDir, indexDir } = await dirs();
    await writeDocs(corpusDir, NEW_DOC);
    await lockOf(indexDir, process.ppid, "node src/cli/ingest.ts", "2001-01-01T00:00:00.000Z");
    const { report } = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64), lockWaitMs: 0 });
    expect(report.added).toEqual(["late-addition.md"]);
  });
});
