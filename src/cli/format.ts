// Console rendering of an Answer: the answer (its short lead where it has one), then numbered sources with title and
// section (heading, paragraph), and each quote once: not again when the answer is that very text.
import { type Answer, type Citation, leadOf } from "../answer/answer.js";
import { locate } from "../bot/location.js";
import type { PassageIndex } from "../index/passage-index.js";

/** Where a citation is, as a reader says it ("Formation and Objectives, paragraph 1"); the file's line without it. */
export type Locator = (c: Citation) => string;

export function formatAnswer(a: Answer, where: Locator = (c) => `${c.docId}, line ${c.line}`): string {
  const lead = leadOf(a);
  const lines = [lead ? `${lead.text} ${lead.marks}` : a.answer];
  if (a.tentative) lines.unshift("(Not certain: this is the nearest the documents come.)");
  if (a.fallback)
    lines.push(
      `(LLM answer not verified; ${a.fallback === "extractive" ? "showing the extractive answer" : "abstaining"})`,
    );
  const shown = a.abstained && !a.related ? [] : a.citations;
  const answerText = normalize((lead?.text ?? a.answer).replace(/\[\d+\]/g, ""));
  const printed = new Set<string>();
  if (shown.length > 0) {
    lines.push("", a.related ? "Nearest passages (they do not answer it):" : "Sources:");
    for (const c of shown) {
      lines.push(`[${c.n}] ${c.title} — ${where(c)}`);
      const quote = normalize(c.quote);
      if (!printed.has(quote) && (a.abstained || !answerText.includes(quote)))
        lines.push(`    “${c.quote.replace(/\s+/g, " ")}”`);
      printed.add(quote);
    }
  }
  return lines.join("\n");
}

/** The section and paragraph of a citation in the live index; the document's id when it has no heading. */
export function humanLocator(index: () => PassageIndex): Locator {
  return (c) => {
    const { heading, paragraph } = locate(index(), c.docId, c.start);
    const where = [heading, paragraph === undefined ? "" : `paragraph ${paragraph}`]
      .filter(Boolean)
      .join(", ");
    return where ? `${c.docId}, ${where}` : c.docId;
  };
}

function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}
