// How metric values and per-question verdicts read, the same in the console, Markdown and HTML reports.
import type { MetricName, QuestionResult } from "./metrics.js";

export function formatMetric(metric: MetricName, value: number | null): string {
  if (value === null) return "n/a";
  return metric.endsWith("Ms") ? `${value.toFixed(1)} ms` : value.toFixed(3);
}

/** Short per-question verdicts shared by the console, Markdown and HTML tables. */
export function verdicts(r: QuestionResult) {
  const hit = r.hit === null ? "-" : r.hit ? `#${r.rank}` : "miss";
  const facts = r.factRecall === null ? "-" : `${r.factsFound}/${r.factsTotal}`;
  const inexact = r.citations.filter((c) => !c.exact).length;
  const cite =
    (r.citationCovered === null ? "-" : r.citationCovered ? "covers" : "no") +
    (inexact > 0 ? ` (${inexact} inexact)` : "");
  const abstain = r.answerable
    ? r.abstained
      ? "WRONG: abstained"
      : "answered"
    : r.abstained
      ? "abstained"
      : "WRONG: answered";
  return { hit, facts, cite, abstain, ms: r.totalMs.toFixed(0), error: r.error };
}
