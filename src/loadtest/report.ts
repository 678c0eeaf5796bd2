// The load test's figures: throughput, latency percentiles from the user's side, lost and duplicated replies.
import type { AdminStats } from "./traffic.js";

export interface LoadReport {
  bot: "child" | "inline";
  cores: number;
  users: number;
  chats: number;
  questions: number;
  answered: number;
  /** Questions with no reply within the timeout. */
  lost: number;
  /** Questions that got more than one reply. */
  duplicated: number;
  /** Replies that were the error boundary's apology. */
  apologies: number;
  seconds: number;
  answersPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  admin: AdminStats;
  /** ERROR lines the bot logged. */
  botErrors: string[];
  /** Bot API calls the bot tried again after a transport failure (a reset keep-alive connection…). */
  networkRetries: number;
  /** After the run, the saved index lists exactly the corpus's documents. */
  consistent: boolean;
}

/** Nearest-rank percentile of sorted values (0 when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function latencySummary(latencies: number[]): LoadReport["latencyMs"] {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
  };
}

/** True when nothing was lost, duplicated or left inconsistent. */
export function passed(r: LoadReport): boolean {
  return r.lost === 0 && r.duplicated === 0 && r.consistent && r.admin.failed.length === 0;
}

export function formatReport(r: LoadReport): string {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const rows: [string, string][] = [
    ["bot", r.bot === "child" ? "child process (src/cli/start.ts)" : "in-process"],
    ["cores", String(r.cores)],
    ["users / chats", `${r.users} / ${r.chats}`],
    ["questions", String(r.questions)],
    ["answered", String(r.answered)],
    ["lost", String(r.lost)],
    ["duplicated", String(r.duplicated)],
    ["apologies", String(r.apologies)],
    ["duration", `${r.seconds.toFixed(1)} s`],
    ["answers/s", r.answersPerSecond.toFixed(1)],
    [
      "latency p50/p95/p99",
      `${ms(r.latencyMs.p50)} / ${ms(r.latencyMs.p95)} / ${ms(r.latencyMs.p99)} (max ${ms(r.latencyMs.max)})`,
    ],
    [
      "admin",
      `${r.admin.added} added, ${r.admin.removed} removed${r.admin.failed.length ? `, failed: ${r.admin.failed.join(", ")}` : ""}`,
    ],
    ["bot errors logged", String(r.botErrors.length)],
    ["network retries", String(r.networkRetries)],
    ["corpus and index agree", r.consistent ? "yes" : "NO"],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const errors = r.botErrors.slice(0, 5).map((l) => `  ${l.split("\n")[0]}`);
  return [...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`), ...errors, passed(r) ? "PASS" : "FAIL"].join(
    "\n",
  );
}
