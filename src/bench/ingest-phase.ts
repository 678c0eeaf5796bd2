// Benchmark phase 1, in its own process: the real ingest of the generated corpus, timed by stage, and the index on disk.
import { readdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config.js";
import { createEmbeddings } from "../embeddings/providers.js";
import { ingest } from "../index/ingest.js";
import { currentGeneration } from "../index/storage.js";
import { peakRssMb, round3 } from "./stats.js";

export interface IngestArgs {
  corpusDir: string;
  indexDir: string;
}

export interface IngestResult {
  documents: number;
  passages: number;
  totalMs: number;
  passagesPerSec: number;
  /** CPU time of the ingest (all threads of the process, GC helpers included), and throughput by it. */
  cpuMs: number;
  passagesPerCpuSec: number;
  /** CPU time over wall time and cores: 1 when every core worked all along. */
  cpuUtilisation: number;
  cores: number;
  /** Each stage's share of the total wall time. */
  shares: { read: number; split: number; embed: number; index: number; save: number };
  /** Milliseconds by stage (read and split are part of the total but not of the three the issue names). */
  readMs: number;
  splitMs: number;
  embedMs: number;
  indexMs: number;
  saveMs: number;
  embedPassagesPerSec: number;
  /** Bytes of each file of the saved generation, and their sum. */
  indexFiles: Record<string, number>;
  indexBytes: number;
  peakRssMb: number;
}

async function generationSizes(indexDir: string): Promise<Record<string, number>> {
  const dir = await currentGeneration(indexDir);
  if (!dir) throw new Error(`no index generation was saved in ${indexDir}`);
  const out: Record<string, number> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = (await stat(path.join(dir, f))).size;
  return out;
}

export async function runIngestPhase(args: IngestArgs): Promise<IngestResult> {
  const config = loadConfig({ LOG_LEVEL: "silent" });
  const embeddings = await createEmbeddings(config);
  const cpu = process.cpuUsage();
  const { report } = await ingest({
    corpusDir: args.corpusDir,
    indexDir: args.indexDir,
    embeddings,
    rebuild: true,
  });
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const t = report.timings;
  const indexFiles = await generationSizes(args.indexDir);
  return {
    documents: report.added.length,
    passages: report.passages,
    totalMs: round3(report.ms),
    passagesPerSec: Math.round(report.passages / (report.ms / 1000)),
    cpuMs: round3(cpuMs),
    passagesPerCpuSec: Math.round(report.passages / (cpuMs / 1000)),
    cpuUtilisation: round3(cpuMs / report.ms / os.availableParallelism()),
    cores: os.availableParallelism(),
    shares: {
      read: round3(t.readMs / report.ms),
      split: round3(t.splitMs / report.ms),
      embed: round3(t.embedMs / report.ms),
      index: round3(t.indexMs / report.ms),
      save: round3(t.saveMs / report.ms),
    },
    readMs: round3(t.readMs),
    splitMs: round3(t.splitMs),
    embedMs: round3(t.embedMs),
    indexMs: round3(t.indexMs),
    saveMs: round3(t.saveMs),
    embedPassagesPerSec: Math.round(report.embedded / (t.embedMs / 1000)),
    indexFiles,
    indexBytes: Object.values(indexFiles).reduce((a, b) => a + b, 0),
    peakRssMb: peakRssMb(),
  };
}
