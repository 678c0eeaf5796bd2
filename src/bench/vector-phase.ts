// Benchmark phase 3, in its own process: HNSW against exact cosine and LangChain's MemoryVectorStore, same vectors.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Document } from "@langchain/core/documents";
import hnswlib from "hnswlib-node";
import { loadConfig } from "../config.js";
import { createEmbeddings } from "../embeddings/providers.js";
import type { Manifest } from "../index/passage-index.js";
import { currentGeneration } from "../index/storage.js";
import { ExactVectorIndex, HNSW_DEFAULTS, HnswVectorIndex } from "../index/vector-index.js";
import type { BenchQuery } from "./questions.js";
import { type Latency, measureLatency, round3 } from "./stats.js";

export interface VectorArgs {
  indexDir: string;
  queries: BenchQuery[];
  warmup: BenchQuery[];
}

export interface VectorResult {
  vectors: number;
  dimension: number;
  queries: number;
  k: number;
  hnsw: { m: number; efConstruction: number; efSearch: number; latency: Latency; recallAtK: number };
  /** The same graph searched with wider beams: what recall costs in speed. */
  efSweep: { efSearch: number; recallAtK: number; p50Ms: number; speedupP50: number }[];
  exact: { latency: Latency };
  /** Exact p50 over HNSW p50 (and the same for means). */
  speedupP50: number;
  speedupMean: number;
  memoryVectorStore: { latency: Latency; recallAtK: number };
}

const K = 10;
/** Search beams tried beside the default one. */
const EF_SWEEP = [128, 256, 512, 1024, 2048];

/** Share of the exact top k that another search also found, averaged over queries. */
function recall(found: number[][], truth: number[][]): number {
  let sum = 0;
  truth.forEach((t, i) => {
    const f = new Set(found[i]);
    sum += t.length === 0 ? 1 : t.filter((l) => f.has(l)).length / t.length;
  });
  return round3(sum / Math.max(1, truth.length));
}

/** The vectors exactly as HNSW stores them (hnswlib keeps cosine-space vectors normalized). */
async function storedVectors(
  file: string,
  dimension: number,
): Promise<{ labels: number[]; vectors: number[][] }> {
  const raw = new hnswlib.HierarchicalNSW("cosine", dimension);
  await raw.readIndex(file, true);
  const labels = raw.getIdsList().sort((a, b) => a - b);
  return { labels, vectors: labels.map((l) => raw.getPoint(l)) };
}

/** LangChain's in-memory store, a transitive dependency of @langchain/community: loaded only here. */
async function memoryVectorStore() {
  const { MemoryVectorStore } = await import("@langchain/classic/vectorstores/memory");
  return MemoryVectorStore;
}

export async function runVectorPhase(args: VectorArgs): Promise<VectorResult> {
  const dir = await currentGeneration(args.indexDir);
  if (!dir) throw new Error(`no index in ${args.indexDir}`);
  const manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  const dimension = manifest.embeddings.dimension!;
  const file = path.join(dir, "vectors.hnsw");
  const { labels, vectors } = await storedVectors(file, dimension);
  const hnsw = await HnswVectorIndex.load(file, dimension, labels);
  const exact = new ExactVectorIndex(dimension);
  labels.forEach((l, i) => {
    exact.add(l, vectors[i]!);
  });

  const { embeddings } = await createEmbeddings(loadConfig({ LOG_LEVEL: "silent" }));
  const MemoryVectorStore = await memoryVectorStore();
  const store = new MemoryVectorStore(embeddings);
  await store.addVectors(
    vectors,
    labels.map((label) => new Document({ pageContent: "", metadata: { label } })),
  );

  const embed = (qs: BenchQuery[]) => embeddings.embedDocuments(qs.map((q) => q.text));
  const queries = await embed(args.queries);
  const warmup = await embed(args.warmup);
  const found = { hnsw: [] as number[][], exact: [] as number[][], store: [] as number[][] };
  const hnswLatency = await measureLatency([queries], warmup, (q) => hnsw.search(q, K));
  const exactLatency = await measureLatency([queries], warmup, (q) => exact.search(q, K));
  const storeLatency = await measureLatency([queries], warmup, (q) =>
    store.similaritySearchVectorWithScore(q, K),
  );
  for (const q of queries) {
    found.hnsw.push(hnsw.search(q, K).map((h) => h.label));
    found.exact.push(exact.search(q, K).map((h) => h.label));
    const hits = await store.similaritySearchVectorWithScore(q, K);
    found.store.push(hits.map(([doc]) => doc.metadata.label as number));
  }
  const efSweep: VectorResult["efSweep"] = [];
  for (const efSearch of EF_SWEEP) {
    const wide = await HnswVectorIndex.load(file, dimension, labels, { efSearch });
    const latency = await measureLatency([queries], warmup, (q) => wide.search(q, K));
    const hits = queries.map((q) => wide.search(q, K).map((h) => h.label));
    efSweep.push({
      efSearch,
      recallAtK: recall(hits, found.exact),
      p50Ms: latency.p50Ms,
      speedupP50: round3(exactLatency.p50Ms / latency.p50Ms),
    });
  }
  return {
    vectors: labels.length,
    dimension,
    queries: queries.length,
    k: K,
    hnsw: { ...HNSW_DEFAULTS, latency: hnswLatency, recallAtK: recall(found.hnsw, found.exact) },
    exact: { latency: exactLatency },
    speedupP50: round3(exactLatency.p50Ms / hnswLatency.p50Ms),
    speedupMean: round3(exactLatency.meanMs / hnswLatency.meanMs),
    memoryVectorStore: { latency: storeLatency, recallAtK: recall(found.store, found.exact) },
    efSweep,
  };
}
