// On the seed article, the question the issue names finds the passage that answers it, first.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createEmbeddings } from "../../src/embeddings/providers.js";
import { KnowledgeBase } from "../../src/knowledge-base.js";
import { createLogger } from "../../src/logger.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import { SEED_CORPUS, SEED_DOC } from "../helpers/corpus.js";
import { tempDir } from "../helpers/temp.js";

const QUESTION = "Who spearheads the congress?";
const ANSWER = "Spearheaded by Ilya Ponomarev";

describe("the seed corpus", () => {
  let retriever: HybridRetriever;
  let seedText: string;
  let corpusBefore: string[];

  beforeAll(async () => {
    corpusBefore = await listing(SEED_CORPUS);
    seedText = await readFile(path.join(SEED_CORPUS, SEED_DOC), "utf8");
  });

  async function listing(dir: string): Promise<string[]> {
    const names = await readdir(dir, { recursive: true });
    return Promise.all(names.sort().map(async (n) => `${n} ${(await stat(path.join(dir, n))).mtimeMs}`));
  }

  async function open() {
    // The project's corpus is read; the index goes to a temporary folder.
    const config = loadConfig({ CORPUS_DIR: SEED_CORPUS, INDEX_DIR: await tempDir() });
    const embeddings = await createEmbeddings(config);
    const kb = new KnowledgeBase({ ...config, embeddings, log: createLogger("silent") });
    const report = await kb.open();
    expect(report?.added).toContain(SEED_DOC);
    retriever = new HybridRetriever(() => kb.index(), embeddings.embeddings);
  }

  it(`answers "${QUESTION}" by vector search with the Ponomarev passage first`, async () => {
    await open();
    const hits = await retriever.vectorSearch(QUESTION, 5);
    expect(hits[0]?.passage.text).toContain(ANSWER);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it(`answers "${QUESTION}" by hybrid search with the Ponomarev passage first`, async () => {
    await open();
    const hits = await retriever.search(QUESTION, 5);
    const top = hits[0]!.passage;
    expect(top.text).toContain(ANSWER);
    expect(top.docId).toBe(SEED_DOC);
    expect(seedText.slice(top.start, top.end)).toBe(top.text);
    expect(seedText.slice(0, top.start).split("\n").length).toBe(top.line);
    expect(hits[0]!.lexicalScore).toBeGreaterThan(0);
    expect(hits[0]!.vectorScore).toBeGreaterThan(0);
  });

  it("finds a section by its words, with its heading", async () => {
    await open();
    const [top] = await retriever.search("When was the inaugural session held?", 3);
    expect(top?.passage.text).toContain("inaugural session in November 2022");
    expect(top?.passage.heading).toBe("Formation and Objectives");
  });

  it("leaves the project's corpus folder as it was", async () => {
    await open();
    expect(await listing(SEED_CORPUS)).toEqual(corpusBefore);
  });
});
