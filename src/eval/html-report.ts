// The HTML report: one self-contained page (inline CSS and SVG, no external assets) with a chart and every answer.
import { escapeXml as esc, summaryChart } from "./chart.js";
import { METRIC_NAMES, type Metrics, type QuestionResult } from "./metrics.js";
import { formatMetric, verdicts } from "./format.js";
import type { FullReport } from "./report.js";

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.bad{color:#b00;font-weight:600}.ok{color:#17702f}.muted{color:#777}
details{margin:.2rem 0}summary{cursor:pointer}blockquote{margin:.4rem 0;padding:.2rem .8rem;border-left:3px solid #ccc;background:#fafafa;white-space:pre-wrap}
code{font-size:12px}`;

const mark = (good: boolean | null, text: string) =>
  `<span class="${good === null ? "muted" : good ? "ok" : "bad"}">${esc(text)}</span>`;

function summaryTable(report: FullReport, columns: [string, Metrics][]): string {
  const head = `<tr><th>metric</th>${columns.map(([l]) => `<th>${esc(l)}</th>`).join("")}<th>threshold</th></tr>`;
  const rows = METRIC_NAMES.map((name) => {
    const limits = report.thresholds
      .filter((t) => t.tag === undefined && t.metric === name)
      .map((t) => mark(t.passed, `${t.direction === "min" ? "≥" : "≤"} ${formatMetric(name, t.limit)}`))
      .join(" ");
    const values = columns.map(([, m]) => `<td>${formatMetric(name, m[name])}</td>`).join("");
    return `<tr><td>${name}</td>${values}<td>${limits}</td></tr>`;
  });
  rows.push(`<tr><td>n</td>${columns.map(([, m]) => `<td>${m.n}</td>`).join("")}<td></td></tr>`);
  return `<table>${head}${rows.join("")}</table>`;
}

function thresholdList(report: FullReport): string {
  if (report.thresholds.length === 0) return "<p>No thresholds set.</p>";
  const items = report.thresholds.map((c) => `<li>${mark(c.skipped ? null : c.passed, c.message)}</li>`);
  return `<ul>${items.join("")}</ul>`;
}

function questionDetails(r: QuestionResult): string {
  const citations = r.citations
    .map((c) => {
      const covers = c.covers === null ? "" : mark(c.covers, c.covers ? "covers evidence" : "no evidence");
      return `<li>[${c.n}] <code>${esc(c.docId)}:${c.line}</code> ${covers} ${mark(c.exact, c.exact ? "exact" : "INEXACT")}<blockquote>${esc(c.quote)}</blockquote></li>`;
    })
    .join("");
  const missing = r.missingFacts.length
    ? `<p>Missing facts: ${esc(r.missingFacts.map((g) => g.join(" / ")).join("; "))}</p>`
    : "";
  const passages = r.passages
    .map(
      (p) =>
        `<li>#${p.rank} <code>${esc(p.docId)} ${p.start}-${p.end}</code> ${p.covers === null ? "" : mark(p.covers, p.covers ? "covers" : "-")}</li>`,
    )
    .join("");
  return (
    `<details><summary>answer and sources</summary>${r.error ? `<p class="bad">Error: ${esc(r.error)}</p>` : ""}` +
    `${r.fallback ? `<p class="bad">LLM answer not used (${esc(r.fallback)} instead): ${esc(r.note ?? "")}</p>` : ""}` +
    `<blockquote>${esc(r.answer || "(empty)")}</blockquote>${missing}` +
    `${citations ? `<p>Citations:</p><ul>${citations}</ul>` : ""}${passages ? `<p>Retrieved:</p><ol>${passages}</ol>` : ""}</details>`
  );
}

function questionRow(r: QuestionResult): string {
  const v = verdicts(r);
  const facts = r.factRecall === null ? null : r.factRecall === 1;
  return (
    `<tr><td>${esc(r.id)}</td><td>${esc(r.tags.join(", "))}</td><td>${mark(r.hit, v.hit)}</td>` +
    `<td>${mark(facts, v.facts)}</td><td>${mark(r.citationCovered, v.cite)}</td><td>${mark(r.abstainCorrect, v.abstain)}</td>` +
    `<td>${v.ms}</td><td>${esc(r.question)}${questionDetails(r)}</td></tr>`
  );
}

export function renderHtml(report: FullReport): string {
  const { summary, results, run } = report;
  const columns: [string, Metrics][] = [
    ["all", summary],
    ...Object.entries(summary.byTag).map(([t, m]): [string, Metrics] => [`tag ${t}`, m]),
  ];
  const missed = report.thresholds.filter((t) => !t.passed).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation report</title><style>${STYLE}</style></head><body>
<h1>Evaluation report</h1>
<p>Questions <code>${esc(run.questionsFile)}</code>: ${summary.n} (${summary.nAnswerable} answerable, ${summary.nUnanswerable} unanswerable).
Corpus <code>${esc(run.corpusDir)}</code>. k = ${summary.k}, mode = ${esc(summary.mode)}${summary.excludedTags.length ? `, excluded tags: ${esc(summary.excludedTags.join(", "))}` : ""}.
Run ${esc(run.startedAt)} to ${esc(run.finishedAt)}.</p>
<h2>Summary</h2>
${summaryChart(columns, report.thresholds)}
<p>Latency: p50 ${formatMetric("p50Ms", summary.p50Ms)}, p95 ${formatMetric("p95Ms", summary.p95Ms)}.</p>
${summaryTable(report, columns)}
<h2>Thresholds${report.thresholds.length ? `: ${missed ? mark(false, `${missed} missed`) : mark(true, "all met")}` : ""}</h2>
${thresholdList(report)}
<h2>Questions</h2>
<table><tr><th>id</th><th>tag</th><th>hit</th><th>facts</th><th>citation</th><th>abstention</th><th>ms</th><th>question</th></tr>
${results.map(questionRow).join("\n")}
</table>
</body></html>
`;
}
