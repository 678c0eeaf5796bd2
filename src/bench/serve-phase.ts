// Benchmark phase 2, in a fresh process: cold start of the real app on the saved index, then query latencies.
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { RESCORED_EF_SEARCH } from "../index/rescored-vectors.js";
import { retrievalDepth } from "../retrieval/retriever.js";
import type { BenchQuery } from "./questions.js";
import { type SourceRecall, sourceRecall } from "./source-recall.js";
import { type Latency, measureLatency, peakRssMb, round3, timeEach } from "./stats.js";

export interface QuerySet {
  warmup: BenchQuery[];
  /** One list per timed round, each of different questions. */
  rounds: BenchQuery[][];
}

export interface ServeArgs {
  root: string;
  corpusDir: string;
  indexDir: string;
  queries: QuerySet;
}

export interface ServeResult {
  /** buildApp() on the saved index: loading it and checking it against the corpus, as the bot does at start. */
  coldLoadMs: number;
  coldLoadCpuMs: number;
  /** Milliseconds from the start of the index load until each of its files (or steps) was done. */
  loadSteps: Record<string, number>;
  passages: number;
  /** Latency per operation; `vector` and `hybrid` include embedding the question. */
  latency: { vector: Latency; bm25: Latency; hybrid: Latency; answer: Latency };
  /** Depths used: vector search k, BM25 k (the hybrid retriever's own depth), hybrid and answer k (TOP_K). */
  k: { vector: number; bm25: number; hybrid: number };
  /** What the answers were, over all timed rounds: a check that the pipeline did real work. */
  answers: {
    questions: number;
    answered: number;
    abstained: number;
    citations: number;
    unanswerableAbstained: number;
  };
  /**
   * Recall@10 of the whole hybrid retriever: the share of answerable questions whose source passage (the one holding
   * the sentence the question was made from) is among its top 10, at each HNSW search beam. The default beam is
   * `efSearch`.
   */
  sourceRecall: SourceRecall[];
  efSearch: number;
  peakRssMb: number;
}

const VECTOR_K = 10;
/** Search beams at which the hybrid's recall of the source passage is measured. */
const RECALL_BEAMS = [16, 32, 64, 128, 256];

export async function runServePhase(args: ServeArgs): Promise<ServeResult> {
  const config = loadConfig(
    { CORPUS_DIR: args.corpusDir, INDEX_DIR: args.indexDir, DATA_DIR: "data", LOG_LEVEL: "silent" },
    args.root,
  );
  const began = performance.now();
  const cpu = process.cpuUsage();
  const app = await buildApp(config, createLogger("silent"));
  const coldLoadMs = performance.now() - began;
  const used = process.cpuUsage(cpu);

  const index = app.kb.index();
  const k = config.TOP_K;
  const bm25K = retrievalDepth(k); // what HybridRetriever asks BM25 and HNSW for
  const { rounds, warmup } = args.queries;
  const vector = await measureLatency(rounds, warmup, (q) => app.retriever.vectorSearch(q.text, VECTOR_K));
  const bm25 = await measureLatency(rounds, warmup, (q) => index.lexicalSearch(q.text, bm25K));
  const hybrid = await measureLatency(rounds, warmup, (q) => app.retriever.search(q.text, k));
  // What the answers were (over every timed round): a check that the pipeline did real work.
  const answers = { questions: 0, answered: 0, abstained: 0, citations: 0, unanswerableAbstained: 0 };
  const ask = async (q: BenchQuery) => {
    const a = await app.pipeline.ask(q.text);
    answers.questions++;
    answers[a.abstained ? "abstained" : "answered"]++;
    answers.citations += a.citations.length;
    if (!q.answerable && a.abstained) answers.unanswerableAbstained++;
  };
  await timeEach(warmup, (q) => app.pipeline.ask(q.text)); // warm-up answers stay out of the counts
  const answer = await measureLatency(rounds, [], ask);
  const recall = await sourceRecall(
    rounds.flat(),
    RECALL_BEAMS,
    (ef) => index.setEfSearch(ef),
    async (text) => (await app.retriever.search(text, VECTOR_K)).map((r) => r.passage),
    RESCORED_EF_SEARCH,
  );
  return {
    coldLoadMs: round3(coldLoadMs),
    coldLoadCpuMs: round3((used.user + used.system) / 1000),
    loadSteps: index.loadSteps,
    passages: index.size,
    latency: { vector, bm25, hybrid, answer },
    k: { vector: VECTOR_K, bm25: bm25K, hybrid: k },
    answers,
    sourceRecall: recall,
    efSearch: RESCORED_EF_SEARCH,
    peakRssMb: peakRssMb(),
  };
}
