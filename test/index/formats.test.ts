// On-disk layout of passages and postings: exact round trip, older layouts still load, damaged bulk files are refused.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Passage } from "../../src/corpus/types.js";
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";
import { IndexCorruptError } from "../../src/errors.js";
import { ingest } from "../../src/index/ingest.js";
import { PassageIndex } from "../../src/index/passage-index.js";
import { currentGeneration } from "../../src/index/storage.js";
import { HnswVectorIndex } from "../../src/index/vector-index.js";
import { VectorStore } from "../../src/index/vector-store.js";
import { contentTerms } from "../../src/text/tokenize.js";
import { writeDocs } from "../helpers/corpus.js";
import { localEmbeddings } from "../helpers/embeddings.js";
import { tempDir } from "../helpers/temp.js";

const DOCS = {
  "en.md":
    "# Congress\n\nThe congress opened in Warsaw on Wednesday. Deputies voted twice.\n\nA second paragraph, “quoted”.",
  "ru/session.md": "---\ntitle: Сессия\n---\nСессия конгресса открылась в Варшаве. Ёлка и ёж — 🎄 emoji.\n",
  "tabs.txt": "Line one\twith a tab\r\nand CRLF line endings.\r\n\r\nNext paragraph.",
};
const INFO = { provider: "local", model: "hash-64", revision: LocalHashEmbeddings.REVISION };

async function built() {
  const corpusDir = await tempDir();
  const indexDir = await tempDir();
  await writeDocs(corpusDir, DOCS);
  const { index } = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(64) });
  return { index, indexDir, generation: (await currentGeneration(indexDir))! };
}

function passagesOf(index: PassageIndex): Passage[] {
  return index.documentIds().flatMap((id) => index.document(id)!.labels.map((l) => index.passage(l)!));
}

describe("index files", () => {
  it("load back exactly what was saved: texts, offsets, sentences, titles, postings", async () => {
    const { index, indexDir } = await built();
    const loaded = (await PassageIndex.load(indexDir, INFO))!;
    expect(passagesOf(loaded)).toEqual(passagesOf(index));
    for (const q of ["congress Warsaw", "сессия Варшаве", "tab paragraph"]) {
      expect(loaded.lexicalSearch(q, 10)).toEqual(index.lexicalSearch(q, 10));
    }
  });

  it("still load a generation written in the older layout (rows of passages, postings in bm25.json)", async () => {
    const { index, indexDir, generation } = await built();
    const rows = index
      .documentIds()
      .flatMap((id) => index.document(id)!.labels.map((l) => [l, index.passage(l)!] as const));
    await writeFile(path.join(generation, "passages.json"), JSON.stringify(rows));
    // bm25.json as it was: passage lengths, and each term's flat [label, tf, …] list.
    const lengths: [number, number][] = [];
    const postings: Record<string, number[]> = {};
    for (const [label, p] of rows) {
      const terms = contentTerms(p.text);
      lengths.push([label, terms.length]);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) (postings[t] ??= []).push(label, n);
    }
    await writeFile(path.join(generation, "bm25.json"), JSON.stringify({ lengths, postings }));
    // Generations of that layout were written before the manifest recorded checksums.
    const manifestFile = path.join(generation, "manifest.json");
    const { checksums: _, ...manifest } = JSON.parse(await readFile(manifestFile, "utf8"));
    await writeFile(manifestFile, JSON.stringify(manifest));
    const loaded = (await PassageIndex.load(indexDir, INFO))!;
    expect(loaded.checksummed).toBe(false);
    expect(passagesOf(loaded)).toEqual(passagesOf(index));
    expect(loaded.lexicalSearch("congress", 5)).toEqual(index.lexicalSearch("congress", 5));
  });

  for (const file of ["passages.txt", "bm25.bin"]) {
    it(`refuse a garbled or cut ${file} as corrupt`, async () => {
      const { indexDir, generation } = await built();
      const target = path.join(generation, file);
      const bytes = await readFile(target);
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(bytes.length / 2)]! ^= 0x20;
      await writeFile(target, flipped);
      await expect(PassageIndex.load(indexDir, INFO)).rejects.toBeInstanceOf(IndexCorruptError);
      await writeFile(target, bytes.subarray(0, bytes.length - 4));
      await expect(PassageIndex.load(indexDir, INFO)).rejects.toBeInstanceOf(IndexCorruptError);
    });
  }

  it("still load a generation of issue 22's layout: one graph of full vectors (vectors.hnsw), passages format 2", async () => {
    const { index, indexDir, generation } = await built();
    const manifestFile = path.join(generation, "manifest.json");
    const {
      checksums: _,
      vectorShards: __,
      vectorFold: ___,
      ...manifest
    } = JSON.parse(await readFile(manifestFile, "utf8"));
    await writeFile(manifestFile, JSON.stringify(manifest));
    const store = await VectorStore.load(path.join(generation, "vectors.f32"), 64);
    const graph = HnswVectorIndex.create(64);
    for (const label of store.labelList()) graph.add(label, store.vector(label)!);
    await graph.save(path.join(generation, "vectors.hnsw"));
    for (const f of ["vectors.f32", "vectors.0.hnsw", "vectors.1.hnsw", "passages.bin"])
      await rm(path.join(generation, f));
    const passages = passagesOf(index);
    const labels = index.documentIds().flatMap((id) => index.document(id)!.labels);
    await writeFile(
      path.join(generation, "passages.json"),
      JSON.stringify(format2(labels, passages, await readFile(path.join(generation, "passages.txt")))),
    );
    const loaded = (await PassageIndex.load(indexDir, INFO))!;
    expect(passagesOf(loaded)).toEqual(passages);
    const q = await localEmbeddings(64).embeddings.embedQuery("congress Warsaw");
    expect(loaded.vectorSearch(q, 3).map((h) => h.label)).toEqual(
      index.vectorSearch(q, 3).map((h) => h.label),
    );
  });
});

/** passages.json as issue 22 wrote it: every column in JSON, texts in passages.txt. */
function format2(labels: number[], passages: Passage[], texts: Buffer) {
  const docs = [...new Set(passages.map((p) => `${p.docId}\0${p.title}`))];
  return {
    format: 2,
    labels,
    passageIds: passages.map((p) => p.passageId),
    docIds: docs.map((d) => d.split("\0")[0]),
    titles: docs.map((d) => d.split("\0")[1]),
    doc: passages.map((p) => docs.indexOf(`${p.docId}\0${p.title}`)),
    start: passages.map((p) => p.start),
    end: passages.map((p) => p.end),
    line: passages.map((p) => p.line),
    heading: passages.map((p) => p.heading),
    sentenceCounts: passages.map((p) => p.sentences.length),
    sentences: passages.flatMap((p) => p.sentences.flatMap((s) => [s.start, s.end])),
    textBytes: passages.map((p) => Buffer.byteLength(p.text)),
    textCrc: zlib.crc32(texts),
  };
}
