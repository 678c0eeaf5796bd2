// Runs the benchmark: per size, generate a corpus, then ingest, serve and vector phases each in a fresh child process.
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./corpus-generator.js";
import type { IngestArgs, IngestResult } from "./ingest-phase.js";
import { type BenchReport, checkTargets, type SizeResult } from "./report.js";
import type { ServeArgs, ServeResult } from "./serve-phase.js";
import type { VectorArgs, VectorResult } from "./vector-phase.js";
import type { Phase, PhaseReply } from "./worker.js";

export interface BenchOptions {
  sizes: number[];
  seed?: number;
  /** Timed questions per round, and rounds (each of different questions). */
  queries?: number;
  rounds?: number;
  warmup?: number;
  /** Keep each size's temporary corpus and index folder (its path is logged). */
  keep?: boolean;
  /** Write CPU profiles of every child process into this folder: one folder per size and phase, a file per thread. */
  profileDir?: string;
  /** HNSW graphs to build anew from each size's vectors, with these degrees and build beams. */
  buildSweep?: { m: number; efConstruction: number }[];
  log?: (line: string) => void;
}

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));

/** Exact search and MemoryVectorStore scan every vector per query: fewer queries on big corpora keep runs short. */
export function vectorQueries(size: number, queries: number): number {
  return Math.min(queries, Math.max(200, Math.round(1e7 / size)));
}

/** Runs one phase in a fresh Node process (with this process's loader flags, e.g. tsx) and returns its result. */
function inChild<R>(phase: Phase, args: unknown, profile?: { dir: string; name: string }): Promise<R> {
  // A folder per size and phase, Node's own file names in it: one name for all would let the loader's thread (tsx
  // hooks run in one) overwrite the main thread's profile. The main thread's file has thread id 0 in its name.
  const flags = profile
    ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profile.dir, `${profile.name}-${phase}`)}`]
    : [];
  // The worker is TypeScript: keep this process's loader (tsx) or add it when there is none.
  const loader = process.execArgv.some((a) => a.includes("tsx")) ? [] : ["--import", "tsx"];
  const child = fork(WORKER, [], { execArgv: [...process.execArgv, ...loader, ...flags], stdio: "inherit" });
  return new Promise<R>((resolve, reject) => {
    let reply: PhaseReply | undefined;
    child.once("message", (m: PhaseReply) => {
      reply = m;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (reply && "result" in reply) resolve(reply.result as R);
      else if (reply) reject(new Error(`benchmark phase ${phase} failed:\n${reply.error}`));
      else reject(new Error(`benchmark phase ${phase} exited (${signal ?? code}) without a result`));
    });
    child.send({ phase, args });
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function runSize(
  size: number,
  options: Required<Omit<BenchOptions, "profileDir" | "buildSweep">> & BenchOptions,
) {
  const { log, queries, rounds } = options;
  const root = await mkdtemp(path.join(os.tmpdir(), `rag-bench-${size}-`));
  const corpusDir = path.join(root, "corpus");
  const indexDir = path.join(root, "index");
  const profile = options.profileDir ? { dir: options.profileDir, name: String(size) } : undefined;
  try {
    log(`[${size}] generating the corpus in ${root}`);
    const t = performance.now();
    const corpus = await generateCorpus({
      corpusDir,
      passages: size,
      seed: options.seed,
      queries: queries * rounds,
      warmup: options.warmup,
    });
    const generateMs = Math.round(performance.now() - t);
    log(`[${size}] ${corpus.documents} documents, ${corpus.passages} passages (${generateMs} ms); ingesting`);
    const ingest = await inChild<IngestResult>(
      "ingest",
      { corpusDir, indexDir } satisfies IngestArgs,
      profile,
    );
    log(`[${size}] ${ingest.passagesPerSec} passages/s; serving ${queries} questions x ${rounds} rounds`);
    const queryRounds = chunks(corpus.queries, queries);
    const serveArgs: ServeArgs = {
      root,
      corpusDir,
      indexDir,
      queries: { warmup: corpus.warmup, rounds: queryRounds },
    };
    const serve = await inChild<ServeResult>("serve", serveArgs, profile);
    const nVector = vectorQueries(size, queries);
    log(`[${size}] hybrid p95 ${serve.latency.hybrid.p95Ms} ms; HNSW against exact on ${nVector} questions`);
    const vectorArgs: VectorArgs = {
      indexDir,
      queries: corpus.queries.slice(0, nVector),
      warmup: corpus.warmup.slice(0, 20),
      buildSweep: options.buildSweep ?? [],
    };
    if (options.buildSweep?.length) log(`[${size}] then ${options.buildSweep.length} graph(s) built anew`);
    const vectors = await inChild<VectorResult>("vectors", vectorArgs, profile);
    const result: SizeResult = {
      size,
      documents: corpus.documents,
      passages: corpus.passages,
      corpusBytes: corpus.bytes,
      generateMs,
      ingest,
      serve,
      vectors,
      peakRssMb: Math.max(ingest.peakRssMb, serve.peakRssMb),
    };
    return result;
  } finally {
    if (options.keep) log(`[${size}] kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

export async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  const full = {
    seed: 1,
    queries: 1000,
    rounds: 3,
    warmup: 200,
    keep: false,
    log: () => undefined,
    ...options,
  };
  const startedAt = new Date().toISOString();
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await runSize(size, full));
  const cpus = os.cpus();
  return {
    benchmark: "npm run bench",
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    },
    options: {
      sizes: options.sizes,
      seed: full.seed,
      queries: full.queries,
      rounds: full.rounds,
      warmup: full.warmup,
    },
    results,
    targets: results.length > 0 ? checkTargets(results[results.length - 1]!) : [],
  };
}
