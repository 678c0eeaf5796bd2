// The console view of a report: one row per question, then the summary, the per-tag summary and the thresholds.
import { METRIC_NAMES, type Metrics, type QuestionResult } from "./metrics.js";
import { formatMetric, verdicts } from "./format.js";
import type { FullReport } from "./report.js";
import type { ThresholdCheck } from "./thresholds.js";

/** Left-aligned columns separated by two spaces. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function questionRow(r: QuestionResult): string[] {
  const v = verdicts(r);
  return [
    r.id,
    r.tags.join(","),
    v.hit,
    v.facts,
    v.cite,
    v.abstain,
    v.ms,
    clip(v.error ? `ERROR ${v.error}` : r.question, 60),
  ];
}

export const QUESTION_HEADER = ["id", "tag", "hit", "facts", "citation", "abstention", "ms", "question"];

/** Metrics down, "all" and each tag across: narrow enough for a terminal. */
export function summaryTable(columns: [string, Metrics][]): string {
  const rows = METRIC_NAMES.map((name) => [name, ...columns.map(([, m]) => formatMetric(name, m[name]))]);
  rows.push(["n", ...columns.map(([, m]) => String(m.n))]);
  return table(["metric", ...columns.map(([label]) => label)], rows);
}

export function formatThresholds(checks: ThresholdCheck[]): string {
  if (checks.length === 0) return "Thresholds: none set.";
  const missed = checks.filter((c) => !c.passed);
  const lines = checks.map((c) => `  ${c.skipped ? "skip  " : c.passed ? "ok    " : "MISSED"} ${c.message}`);
  return [`Thresholds: ${checks.length} checked, ${missed.length} missed`, ...lines].join("\n");
}

export function formatConsoleReport(report: FullReport): string {
  const { summary, results } = report;
  const parts = [
    table(QUESTION_HEADER, results.map(questionRow)),
    "",
    `Summary: ${summary.n} questions (${summary.nAnswerable} answerable, ${summary.nUnanswerable} unanswerable), k=${summary.k}, mode=${summary.mode}` +
      (summary.excludedTags.length ? `, excluded tags: ${summary.excludedTags.join(", ")}` : "") +
      (summary.errors ? `, ${summary.errors} FAILED with an error` : ""),
    summaryTable([
      ["all", summary],
      ...Object.entries(summary.byTag).map(([tag, m]): [string, Metrics] => [`tag ${tag}`, m]),
    ]),
    ...(summary.reliability?.length
      ? [
          "",
          "Reliability (by the answerer's confidence):",
          table(
            ["confidence", "questions", "answered", "right"],
            summary.reliability.map((b) => [
              b.band,
              String(b.questions),
              String(b.answered),
              String(b.right),
            ]),
          ),
        ]
      : []),
    "",
    formatThresholds(report.thresholds),
  ];
  return `${parts.join("\n")}\n`;
}
