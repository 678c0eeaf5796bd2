// The Markdown report: summary, per-tag summary, thresholds, a table of questions, then each answer in full.
import { METRIC_NAMES, type Metrics, type QuestionResult } from "./metrics.js";
import { formatMetric, verdicts } from "./format.js";
import type { FullReport } from "./report.js";

/** A table cell: no line breaks, no unescaped pipes. */
const cell = (s: string) => s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");

function mdTable(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
}

function summarySection(report: FullReport): string[] {
  const { summary } = report;
  const columns: [string, Metrics][] = [["all", summary], ...Object.entries(summary.byTag)];
  const limit = (name: string) =>
    report.thresholds
      .filter((t) => t.tag === undefined && t.metric === name)
      .map(
        (t) =>
          `${t.direction === "min" ? "≥" : "≤"} ${formatMetric(t.metric, t.limit)}${t.passed ? "" : " **MISSED**"}`,
      )
      .join(", ");
  const rows = METRIC_NAMES.map((name) => [
    name,
    ...columns.map(([, m]) => formatMetric(name, m[name])),
    limit(name),
  ]);
  rows.push(["n", ...columns.map(([, m]) => String(m.n)), ""]);
  return mdTable(
    ["metric", ...columns.map(([label]) => (label === "all" ? "all" : `tag ${label}`)), "threshold"],
    rows,
  );
}

function thresholdSection(report: FullReport): string[] {
  if (report.thresholds.length === 0) return ["No thresholds set."];
  const missed = report.thresholds.filter((c) => !c.passed);
  return [
    missed.length === 0 ? "All thresholds met." : `**${missed.length} threshold(s) missed.**`,
    "",
    ...report.thresholds.map(
      (c) => `- ${c.skipped ? "skipped" : c.passed ? "ok" : "**MISSED**"}: ${c.message}`,
    ),
  ];
}

function details(r: QuestionResult): string[] {
  const out = [`### ${r.id}: ${r.question}`, ""];
  if (r.error) out.push(`**Error:** ${r.error}`, "");
  if (r.fallback) out.push(`LLM answer not used (${r.fallback} instead): ${r.note ?? "no reason given"}`, "");
  out.push(...(r.answer || "(empty)").split("\n").map((l) => `> ${l}`), "");
  const v = verdicts(r);
  out.push(
    `Expected: ${r.answerable ? "an answer" : "an abstention"}; got: ${v.abstain}. Retrieval: ${v.hit}. Facts: ${v.facts}.`,
  );
  if (r.missingFacts.length > 0) {
    out.push(`Missing facts: ${r.missingFacts.map((g) => g.map((a) => `"${a}"`).join(" or ")).join("; ")}.`);
  }
  for (const c of r.citations) {
    const flags = [
      c.covers === null ? "" : c.covers ? "covers evidence" : "no evidence",
      c.exact ? "exact" : "INEXACT",
    ];
    out.push(
      `- [${c.n}] ${c.docId}:${c.line} (${flags.filter(Boolean).join(", ")}): "${c.quote.replace(/\s+/g, " ")}"`,
    );
  }
  return [...out, ""];
}

export function renderMarkdown(report: FullReport): string {
  const { summary, results, run } = report;
  const lines = [
    "# Evaluation report",
    "",
    `- Questions: \`${run.questionsFile}\` (${summary.n}: ${summary.nAnswerable} answerable, ${summary.nUnanswerable} unanswerable)`,
    `- Corpus: \`${run.corpusDir}\``,
    `- k = ${summary.k}, mode = ${summary.mode}${summary.excludedTags.length ? `, excluded tags: ${summary.excludedTags.join(", ")}` : ""}`,
    `- Run: ${run.startedAt} to ${run.finishedAt}`,
    "",
    "## Summary",
    "",
    ...summarySection(report),
    "",
    "## Thresholds",
    "",
    ...thresholdSection(report),
    "",
    "## Questions",
    "",
    ...mdTable(
      ["id", "tag", "hit", "facts", "citation", "abstention", "ms", "question"],
      results.map((r) => {
        const v = verdicts(r);
        return [r.id, r.tags.join(", "), v.hit, v.facts, v.cite, v.abstain, v.ms, r.question];
      }),
    ),
    "",
    "## Answers",
    "",
    ...results.flatMap(details),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
