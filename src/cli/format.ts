// Console rendering of an Answer: the answer (its short lead where it has one), then numbered sources with title and
// section (heading, paragraph), and each quote once: not again when the answer is that very text.
import { type Answer, type Citation, leadOf } from "../answer/answer.js";
import { type Lang, stringsOf } from "../bot/i18n.js";
import { locate } from "../bot/location.js";
import type { PassageIndex } from "../index/passage-index.js";
import { hasCyrillic } from "../text/tokenize.js";

/** The console's words for an answer, in English or Russian: the bot's own, without their HTML. */
const LABELS = {
  en: {
    tentative: "(Not certain: this is the nearest the documents come.)",
    fallback: (extractive: boolean) =>
      `(LLM answer not verified; ${extractive ? "showing the extractive answer" : "abstaining"})`,
  },
  ru: {
    tentative: "(Не уверен: ближе всего к ответу в документах вот это.)",
    fallback: (extractive: boolean) =>
      `(Ответ LLM не подтверждён цитатами; ${extractive ? "показан извлечённый ответ" : "ответа нет"})`,
  },
} as const;

const plain = (html: string) => html.replace(/<[^>]+>/g, "");

/** The language to answer a question in on the console: Russian for a question in Cyrillic, else English. */
export function langOfQuestion(question: string): Lang {
  return hasCyrillic(question) ? "ru" : "en";
}

/** Where a citation is, as a reader says it ("Formation and Objectives, paragraph 1"); the file's line without it. */
export type Locator = (c: Citation) => string;

export function formatAnswer(
  a: Answer,
  where: Locator = (c) => `${c.docId}, line ${c.line}`,
  lang: Lang = "en",
): string {
  const labels = LABELS[lang];
  const strings = stringsOf(lang);
  const lead = leadOf(a);
  const lines = [lead ? `${lead.text} ${lead.marks}` : a.answer];
  if (a.tentative) lines.unshift(labels.tentative);
  if (a.fallback) lines.push(labels.fallback(a.fallback === "extractive"));
  const shown = a.abstained && !a.related ? [] : a.citations;
  const answerText = normalize((lead?.text ?? a.answer).replace(/\[\d+\]/g, ""));
  const printed = new Set<string>();
  if (shown.length > 0) {
    lines.push("", `${plain(a.related ? strings.relatedSources : strings.answerSources)}:`);
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
export function humanLocator(index: () => PassageIndex, lang: Lang = "en"): Locator {
  return (c) => {
    const { heading, paragraph } = locate(index(), c.docId, c.start);
    const where = stringsOf(lang).where(heading, paragraph);
    return where ? `${c.docId}, ${where}` : c.docId;
  };
}

function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}
