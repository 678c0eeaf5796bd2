// Benchmark phase 3, in its own process: HNSW against exact cosine and LangChain's MemoryVectorStore, same vectors.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Document } from "@langchain/core/documents";
import { loadConfig } from "../config.js";
import { createEmbeddings } from "../embeddings/providers.js";
import type { Manifest } from "../index/passage-index.js";
import { currentGeneration } from "../index/storage.js";
import { FOLDED_GRAPH, RESCORED_EF_SEARCH, RescoredVectorIndex } from "../index/rescored-vectors.js";
import { shardFiles } from "../index/sharded-vectors.js";
import { ExactVectorIndex } from "../index/vector-index.js";
import { VectorStore } from "../index/vector-store.js";
import type { BenchQuery } from "./questions.js";
import { type Latency, measureLatency, round3 } from "./stats.js";

export interface VectorArgs {
  indexDir: string;
  queries: BenchQuery[];
  warmup: BenchQuery[];
  /** Graphs to build anew from the same vectors, with other degrees and build beams (`--build-sweep`). */
  buildSweep?: { m: number; efConstruction: number }[];
}

/** One search beam on one graph: the share of the exact top k it finds, and how much faster than exact it is. */
export interface BeamResult {
  efSearch: number;
  recallAtK: number;
  p50Ms: number;
  speedupP50: number;
}

/** A graph built with other parameters: its build rate, and every beam of BEAMS searched on it. */
export interface BuildResult {
  m: number;
  efConstruction: number;
  buildMs: number;
  /** Vectors added per second: what the ingest rate would be if building were all it did. */
  vectorsPerSec: number;
  beams: BeamResult[];
}

export interface VectorResult {
  vectors: number;
  dimension: number;
  queries: number;
  k: number;
  hnsw: { m: number; efConstruction: number; efSearch: number; latency: Latency; recallAtK: number };
  /** The same graph searched with wider beams: what recall costs in speed. */
  efSweep: BeamResult[];
  /** Graphs of other degrees and build beams (only with `--build-sweep`): what build speed costs in recall. */
  buildSweep: BuildResult[];
  exact: { latency: Latency };
  /**
   * Median cosine of the exact search's neighbour at each rank: how far the 10th stands from the 11th and beyond.
   * When they nearly tie, which ten are "the" top ten is decided by tiny differences an approximate search misses.
   */
  exactScores: { rank: number; medianCosine: number }[];
  /** Exact p50 over HNSW p50 (and the same for means). */
  speedupP50: number;
  speedupMean: number;
  memoryVectorStore: { latency: Latency; recallAtK: number };
}

const K = 10;
/** Search beams tried beside the default one. */
const EF_SWEEP = [128, 256, 512, 1024, 2048];
/** Beams searched on each graph of the build sweep. */
const BEAMS = [RESCORED_EF_SEARCH, ...EF_SWEEP];
/** Ranks of the exact neighbours whose cosines are reported. */
const SCORE_RANKS = [1, 2, 10, 11, 20, 50, 100];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

/** Share of the exact top k that another search also found, averaged over queries. */
function recall(found: number[][], truth: number[][]): number {
  let sum = 0;
  truth.forEach((t, i) => {
    const f = new Set(found[i]);
    sum += t.length === 0 ? 1 : t.filter((l) => f.has(l)).length / t.length;
  });
  return round3(sum / Math.max(1, truth.length));
}

/** The full unit vectors the index rescores with (vectors.f32), by label. */
async function storedVectors(
  file: string,
  dimension: number,
): Promise<{ labels: number[]; vectors: number[][] }> {
  const store = await VectorStore.load(file, dimension);
  const labels = store.labelList().sort((a, b) => a - b);
  return { labels, vectors: labels.map((l) => store.vector(l)!) };
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
  const storeFile = path.join(dir, "vectors.f32");
  const graphFiles = shardFiles(path.join(dir, "vectors.hnsw"), manifest.vectorShards ?? 1);
  // The graph's own recall is measured here, so no search takes the exact path small indexes take.
  const load = async () => {
    const index = await RescoredVectorIndex.load(storeFile, graphFiles, dimension);
    index.exactBelow = 0;
    return index;
  };
  const { labels, vectors } = await storedVectors(storeFile, dimension);
  const hnsw = await load();
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
  const scores: number[][] = SCORE_RANKS.map(() => []);
  for (const q of queries) {
    found.hnsw.push(hnsw.search(q, K).map((h) => h.label));
    const deep = exact.search(q, SCORE_RANKS.at(-1)!);
    found.exact.push(deep.slice(0, K).map((h) => h.label));
    SCORE_RANKS.forEach((rank, i) => {
      if (deep[rank - 1]) scores[i]!.push(deep[rank - 1]!.score);
    });
    const hits = await store.similaritySearchVectorWithScore(q, K);
    found.store.push(hits.map(([doc]) => doc.metadata.label as number));
  }

  /** Each beam of `beams` on `index`: its recall against the exact top k, and its speed-up over exact search. */
  const searchBeams = async (index: RescoredVectorIndex, beams: number[]): Promise<BeamResult[]> => {
    const out: BeamResult[] = [];
    for (const efSearch of beams) {
      index.setEfSearch(efSearch);
      const latency = await measureLatency([queries], warmup, (q) => index.search(q, K));
      const hits = queries.map((q) => index.search(q, K).map((h) => h.label));
      out.push({
        efSearch,
        recallAtK: recall(hits, found.exact),
        p50Ms: latency.p50Ms,
        speedupP50: round3(exactLatency.p50Ms / latency.p50Ms),
      });
    }
    return out;
  };
  const efSweep = await searchBeams(await load(), EF_SWEEP);
  const buildSweep: BuildResult[] = [];
  for (const { m, efConstruction } of args.buildSweep ?? []) {
    // Built here as the ingest builds it: the shards in worker threads.
    const tmp = await mkdtemp(path.join(os.tmpdir(), "rag-build-sweep-"));
    const graph = RescoredVectorIndex.create(dimension, manifest.vectorShards ?? 1, { m, efConstruction });
    graph.exactBelow = 0;
    const started = performance.now();
    await graph.startParallelBuild(tmp);
    labels.forEach((l, i) => {
      graph.add(l, vectors[i]!);
    });
    await graph.finishParallelBuild();
    const buildMs = performance.now() - started;
    await rm(tmp, { recursive: true, force: true });
    buildSweep.push({
      m,
      efConstruction,
      buildMs: Math.round(buildMs),
      vectorsPerSec: Math.round(labels.length / (buildMs / 1000)),
      beams: await searchBeams(graph, BEAMS),
    });
  }
  return {
    vectors: labels.length,
    dimension,
    queries: queries.length,
    k: K,
    hnsw: {
      ...FOLDED_GRAPH,
      efSearch: RESCORED_EF_SEARCH,
      latency: hnswLatency,
      recallAtK: recall(found.hnsw, found.exact),
    },
    exact: { latency: exactLatency },
    speedupP50: round3(exactLatency.p50Ms / hnswLatency.p50Ms),
    speedupMean: round3(exactLatency.meanMs / hnswLatency.meanMs),
    memoryVectorStore: { latency: storeLatency, recallAtK: recall(found.store, found.exact) },
    efSweep,
    buildSweep,
    exactScores: SCORE_RANKS.map((rank, i) => ({ rank, medianCosine: round3(median(scores[i]!)) })),
  };
}
