// A damaged index on start (torn by a crash, a full disk, a bad copy) is detected, logged, and rebuilt from the corpus:
// every file of a generation, truncated, emptied or garbled, a dangling CURRENT pointer, and files that parse but
// disagree. (A truncated passages.json alone: ingest.test.ts.)
import { readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/index/ingest.js";
import { currentGeneration } from "../../src/index/storage.js";
import { KnowledgeBase } from "../../src/knowledge-base.js";
import { createLogger } from "../../src/logger.js";
import { generatedCorpus, writeDocs } from "../helpers/corpus.js";
import { localEmbeddings } from "../helpers/embeddings.js";
import { tempDir } from "../helpers/temp.js";

const DOCS = { ...generatedCorpus("corrupt", 3, 8), "lighthouse.md": "The keeper of the lighthouse votes." };
type Damage = (file: string) => Promise<void>;

const half: Damage = async (file) => truncate(file, Math.floor((await readFile(file)).length / 2));
const empty: Damage = (file) => truncate(file, 0);
const garble: Damage = async (file) => {
  const bytes = await readFile(file);
  for (let i = 0; i < bytes.length; i += 5) bytes[i] = (bytes[i]! * 31 + 7) & 0xff;
  await writeFile(file, bytes);
};
const remove: Damage = (file) => rm(file);

/** The files one generation holds. */
async function generationFiles(): Promise<string[]> {
  const corpusDir = await tempDir();
  const indexDir = await tempDir();
  await writeDocs(corpusDir, DOCS);
  await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64) });
  return (await readdir((await currentGeneration(indexDir))!)).sort();
}

/** Builds an index, damages it, and opens a KnowledgeBase on it as the bot does at start. */
async function openDamaged(damage: (generation: string, indexDir: string) => Promise<void>) {
  const corpusDir = await tempDir();
  const indexDir = await tempDir();
  await writeDocs(corpusDir, DOCS);
  const built = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64) });
  await damage((await currentGeneration(indexDir))!, indexDir);
  const logs: string[] = [];
  const kb = new KnowledgeBase({
    corpusDir,
    indexDir,
    embeddings: localEmbeddings(64),
    log: createLogger("debug", [], (line) => logs.push(line) > 0),
  });
  await kb.open();
  return { kb, logs, built: built.index };
}

async function expectRebuilt({ kb, logs, built }: Awaited<ReturnType<typeof openDamaged>>) {
  expect(logs.join("\n")).toMatch(/WARN index unreadable \(.+\); rebuilding from the corpus/);
  const index = kb.index();
  expect(index.documentIds()).toEqual(built.documentIds());
  expect(index.size).toBe(built.size);
  const hit = index.lexicalSearch("lighthouse keeper", 1)[0]!;
  expect(index.passage(hit.label)!.docId).toBe("lighthouse.md");
  const query = await localEmbeddings(64).embeddings.embedQuery("corruptword1 paragraph");
  expect(index.vectorSearch(query, 3)).toHaveLength(3);
}

describe("a damaged index on start", () => {
  const damages: [string, Damage][] = [
    ["truncated to half", half],
    ["emptied", empty],
    ["garbled", garble],
    ["deleted", remove],
  ];
  // Every file of a generation, whatever the format writes (manifest, passages, postings, vectors…).
  it.each(damages)("is rebuilt when any one of its files is %s", async (_name, damage) => {
    const files = await generationFiles();
    expect(files).toEqual(
      expect.arrayContaining(["manifest.json", "vectors.0.hnsw", "vectors.1.hnsw", "passages.bin"]),
    );
    for (const file of files) {
      const opened = await openDamaged((generation) => damage(path.join(generation, file)));
      await expectRebuilt(opened).catch((e: Error) => {
        throw new Error(`${file}: ${e.message}`);
      });
    }
  });

  it("is rebuilt when CURRENT names a generation that is gone", async () => {
    await expectRebuilt(await openDamaged((generation) => rm(generation, { recursive: true })));
  });

  it("is rebuilt when the files parse but disagree (passages.json from an empty index)", async () => {
    await expectRebuilt(
      await openDamaged((generation) => writeFile(path.join(generation, "passages.json"), "[]")),
    );
  });

  it("is rebuilt when manifest.json is valid JSON of the wrong shape", async () => {
    await expectRebuilt(
      await openDamaged((generation) => writeFile(path.join(generation, "manifest.json"), "null")),
    );
  });
});
