// Latency measurement that stands up on a busy machine: warm-up first, then several rounds, keeping the quietest.

export interface Latency {
  /** Timed operations in the reported round. */
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** p95 of every round, in order: how much the machine's load moved the figures. */
  roundsP95Ms: number[];
  /**
   * The same percentiles of this process's CPU time per operation (all its threads: GC helpers and file reads
   * count too), in the reported round: the work done, beside the wall time, which also counts waiting for a core.
   */
  cpu: { meanMs: number; p50Ms: number; p95Ms: number; p99Ms: number };
}

/** Wall-clock and CPU milliseconds of each timed call. */
export interface Samples {
  wall: number[];
  cpu: number[];
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function spread(samples: number[]) {
  const sorted = Float64Array.from(samples).sort();
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    meanMs: round3(sum / Math.max(1, samples.length)),
    p50Ms: round3(percentile(sorted, 50)),
    p95Ms: round3(percentile(sorted, 95)),
    p99Ms: round3(percentile(sorted, 99)),
    maxMs: round3(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

export function summarize(samples: Samples, roundsP95Ms: number[] = []): Latency {
  const { maxMs: _max, ...cpu } = spread(samples.cpu);
  return { n: samples.wall.length, ...spread(samples.wall), roundsP95Ms: roundsP95Ms.map(round3), cpu };
}

type Operation<T> = (item: T) => unknown;

function isPromise(x: unknown): x is Promise<unknown> {
  return typeof (x as Promise<unknown> | undefined)?.then === "function";
}

/** Milliseconds of each call; a synchronous operation is not awaited, so no microtask lands in its figure. */
export async function timeEach<T>(items: readonly T[], op: Operation<T>): Promise<Samples> {
  const wall = new Array<number>(items.length);
  const cpu = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    const r = op(items[i]!);
    if (isPromise(r)) await r;
    wall[i] = performance.now() - t;
    const used = process.cpuUsage(c);
    cpu[i] = (used.user + used.system) / 1000;
  }
  return { wall, cpu };
}

/**
 * Runs `op` over the warm-up items (untimed, for the JIT and caches), then one timed pass per round. Rounds use
 * different items, so that caches (the tagger's, the stemmer's) do not turn a later round into a replay.
 * Other processes share the machine, and a burst of their work inflates the tail of one pass; the pass with the
 * lowest p95 is reported, and every pass's p95 is kept beside it.
 */
export async function measureLatency<T>(
  rounds: readonly (readonly T[])[],
  warmup: readonly T[],
  op: Operation<T>,
): Promise<Latency> {
  await timeEach(warmup, op);
  let best: Samples | undefined;
  let bestP95 = Number.POSITIVE_INFINITY;
  const p95s: number[] = [];
  for (const items of rounds) {
    const samples = await timeEach(items, op);
    const p95 = percentile(Float64Array.from(samples.wall).sort(), 95);
    p95s.push(p95);
    if (p95 < bestP95) [best, bestP95] = [samples, p95];
  }
  return summarize(best ?? { wall: [], cpu: [] }, p95s);
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
