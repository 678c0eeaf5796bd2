// Console rendering of an Answer: the answer, then numbered sources with title, line and quote.
import type { Answer } from "../answer/answer.js";

export function formatAnswer(a: Answer): string {
  const lines = [a.answer];
  if (a.fallback)
    lines.push(
      `(LLM answer not verified; ${a.fallback === "extractive" ? "showing the extractive answer" : "abstaining"})`,
    );
  if (a.citations.length > 0) {
    lines.push("", a.related ? "Related (not supporting):" : "Sources:");
    for (const c of a.citations) {
      lines.push(`[${c.n}] ${c.title} — ${c.docId}, line ${c.line}`, `    “${c.quote.replace(/\s+/g, " ")}”`);
    }
  }
  return lines.join("\n");
}
