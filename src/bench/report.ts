// The benchmark report: its JSON shape, the issue's targets checked against it, and the console table.
import type { IngestResult } from "./ingest-phase.js";
import type { ServeResult } from "./serve-phase.js";
import type { Latency } from "./stats.js";
import type { VectorResult } from "./vector-phase.js";

export interface SizeResult {
  /** Passages asked of the generator; `passages` is what the splitter made (the same, or one or two more). */
  size: number;
  documents: number;
  passages: number;
  corpusBytes: number;
  generateMs: number;
  ingest: IngestResult;
  serve: ServeResult;
  vectors: VectorResult;
  /**
   * The larger of the ingest and serve processes' peaks (the vector phase holds extra copies, so it is left out). The
   * target is the serve process's own (serve.peakRssMb).
   */
  peakRssMb: number;
}

export interface TargetCheck {
  size: number;
  name: string;
  /** e.g. "<= 10 ms" */
  target: string;
  value: number;
  unit: string;
  met: boolean;
}

export interface BenchReport {
  benchmark: string;
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryMb: number;
    node: string;
    platform: string;
    loadAverage: number[];
  };
  options: { sizes: number[]; seed: number; queries: number; rounds: number; warmup: number };
  results: SizeResult[];
  /** The issue's targets (set for 100,000 passages), checked on the largest size run. */
  targets: TargetCheck[];
}

export function checkTargets(r: SizeResult): TargetCheck[] {
  const at = (name: string, value: number, unit: string, op: "<=" | ">=", limit: number): TargetCheck => ({
    size: r.size,
    name,
    target: `${op} ${limit} ${unit}`.trim(),
    value,
    unit,
    met: op === "<=" ? value <= limit : value >= limit,
  });
  // Issue 23's targets. (The graph's own recall against exact search is in the table: with near-tied hashed
  // vectors it understates what the hybrid finds, which is what the source-passage recall measures.)
  return [
    at("ingest throughput", r.ingest.passagesPerSec, "passages/s", ">=", 2000),
    at("cold load", r.serve.coldLoadMs, "ms", "<=", 1000),
    at("full extractive answer p95", r.serve.latency.answer.p95Ms, "ms", "<=", 25),
    at("hybrid retrieval p95", r.serve.latency.hybrid.p95Ms, "ms", "<=", 3),
    at("peak RSS (serve)", r.serve.peakRssMb, "MB", "<=", 1024),
  ];
}

const n0 = (x: number) => Math.round(x).toLocaleString("en-US");
const n1 = (x: number) => x.toFixed(1);
const n2 = (x: number) => x.toFixed(2);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const stage = (r: SizeResult, ms: number) =>
  `${n1(ms / 1000)} (${Math.round((100 * ms) / r.ingest.totalMs)}%)`;
const pct = (l: Latency) => `${n2(l.p50Ms)} / ${n2(l.p95Ms)} / ${n2(l.p99Ms)}`;

/** Rows of the table: a label and how to show one size's value. */
const ROWS: [string, (r: SizeResult) => string][] = [
  ["passages (documents)", (r) => `${n0(r.passages)} (${n0(r.documents)})`],
  ["corpus MB", (r) => mb(r.corpusBytes)],
  [
    "ingest passages/s (by CPU time)",
    (r) => `${n0(r.ingest.passagesPerSec)} (${n0(r.ingest.passagesPerCpuSec)})`,
  ],
  ["  total s (process CPU s)", (r) => `${n1(r.ingest.totalMs / 1000)} (${n1(r.ingest.cpuMs / 1000)})`],
  [
    "  CPU utilisation (cores)",
    (r) =>
      r.ingest.cpuUtilisation === undefined ? "-" : `${n2(r.ingest.cpuUtilisation)} (${r.ingest.cores})`,
  ],
  ["  read + split s (share)", (r) => stage(r, r.ingest.readMs + r.ingest.splitMs)],
  ["  embedding s (share)", (r) => stage(r, r.ingest.embedMs)],
  ["  index build s (share)", (r) => stage(r, r.ingest.indexMs)],
  ["  save s (share)", (r) => stage(r, r.ingest.saveMs)],
  ["index on disk MB", (r) => mb(r.ingest.indexBytes)],
  ["cold load ms", (r) => n0(r.serve.coldLoadMs)],
  [
    "  index files read by ms",
    (r) =>
      Object.entries(r.serve.loadSteps ?? {})
        .map(([name, ms]) => `${name} ${n0(ms)}`)
        .join(", "),
  ],
  ["vector search p50/p95/p99 ms", (r) => pct(r.serve.latency.vector)],
  ["BM25 p50/p95/p99 ms", (r) => pct(r.serve.latency.bm25)],
  ["hybrid p50/p95/p99 ms", (r) => pct(r.serve.latency.hybrid)],
  ["answer p50/p95/p99 ms", (r) => pct(r.serve.latency.answer)],
  ["answered / abstained", (r) => `${r.serve.answers.answered} / ${r.serve.answers.abstained}`],
  [
    "hybrid recall@10 of the source passage",
    (r) =>
      (r.serve.sourceRecall ?? [])
        .map((s) => `${s.efSearch === r.serve.efSearch ? "*" : ""}${s.efSearch}: ${s.recallAtK.toFixed(3)}`)
        .join(", "),
  ],
  ["HNSW recall@10", (r) => r.vectors.hnsw.recallAtK.toFixed(3)],
  ["HNSW search p50/p95/p99 ms", (r) => pct(r.vectors.hnsw.latency)],
  ["exact search p50/p95/p99 ms", (r) => pct(r.vectors.exact.latency)],
  ["HNSW speed-up (p50)", (r) => `${n1(r.vectors.speedupP50)}x`],
  ...[0, 1, 2, 3, 4].map((i): [string, (r: SizeResult) => string] => [
    "  wider beam: efSearch recall speed-up",
    (r) => {
      const e = r.vectors.efSweep[i];
      return e ? `${e.efSearch} ${e.recallAtK.toFixed(3)} ${n1(e.speedupP50)}x` : "";
    },
  ]),
  [
    "exact cosine at rank 1 / 10 / 11 / 100",
    (r) =>
      [1, 10, 11, 100]
        .map((rank) => r.vectors.exactScores.find((s) => s.rank === rank)?.medianCosine.toFixed(3) ?? "-")
        .join(" / "),
  ],
  ...[0, 1, 2, 3, 4, 5].flatMap((i): [string, (r: SizeResult) => string][] => [
    [
      "  graph built anew: M efC vectors/s",
      (r) => {
        const b = r.vectors.buildSweep[i];
        return b ? `${b.m} ${b.efConstruction} ${n0(b.vectorsPerSec)}` : "";
      },
    ],
    [
      "    widest beam >= 30x: efSearch recall",
      (r) => {
        const b = r.vectors.buildSweep[i];
        if (!b) return "";
        const fast = b.beams.filter((e) => e.speedupP50 >= 30).at(-1);
        return fast ? `${fast.efSearch} ${fast.recallAtK.toFixed(3)}` : "none";
      },
    ],
    [
      "    first beam >= 0.95: efSearch speed-up",
      (r) => {
        const b = r.vectors.buildSweep[i];
        if (!b) return "";
        const good = b.beams.find((e) => e.recallAtK >= 0.95);
        return good ? `${good.efSearch} ${n1(good.speedupP50)}x` : "none";
      },
    ],
  ]),
  ["MemoryVectorStore p50/p95/p99", (r) => pct(r.vectors.memoryVectorStore.latency)],
  ["MemoryVectorStore recall@10", (r) => r.vectors.memoryVectorStore.recallAtK.toFixed(3)],
  ["peak RSS MB (ingest / serve)", (r) => `${n0(r.ingest.peakRssMb)} / ${n0(r.serve.peakRssMb)}`],
];

export function formatTable(report: BenchReport): string {
  const { results } = report;
  const header = ["", ...results.map((r) => n0(r.size))];
  // Rows of sweeps not run (fewer graphs built than the table has room for) are left out.
  const body = ROWS.map(([label, show]) => [label, ...results.map(show)]).filter((row) =>
    row.slice(1).some((cell) => cell !== ""),
  );
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const m = report.machine;
  const out = [
    `${m.cpus} × ${m.cpuModel}, Node ${m.node}; load average at the end ${m.loadAverage.join(", ")}`,
    `${report.options.queries} questions × ${report.options.rounds} rounds (quietest round shown), ${report.options.warmup} to warm up`,
    "",
    line(header),
    ...body.map(line),
  ];
  if (report.targets.length > 0) {
    out.push("", `Targets at ${n0(report.targets[0]!.size)} passages:`);
    for (const t of report.targets) {
      out.push(
        `  ${t.met ? "met   " : "MISSED"}  ${t.name} ${t.target}: ${t.value}${t.unit ? ` ${t.unit}` : ""}`,
      );
    }
  }
  return out.join("\n");
}
