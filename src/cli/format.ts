// Console rendering of an Answer: the answer (its short lead where it has one), then numbered sources with title and
// section (heading, paragraph), and each quote once: not again when the answer is that very text.
import { type Answer, type Citation, leadOf } from "../answer/answer.js";
import { type Lang, stringsOf } from "../bot/i18n.js";
import { locate } from "../bot/location.js";
import type { PassageIndex } from "../index/passage-index.js";
import { writtenInCyrillic } from "../text/tokenize.js";

/** The console's note where an LLM answer was not used (the bot's strings have none). */
const FALLBACK = {
  en: (extractive: boolean) =>
    `(LLM answer not verified; ${extractive ? "showing the extractive answer" : "abstaining"})`,
  ru: (extractive: boolean) =>
    `(Ответ LLM не использован; ${extractive ? "показан извлечённый ответ" : "ответа нет"})`,
} as const;

/** The bot's own words without their HTML: the console says what the bot says. */
const plain = (html: string) => html.replace(/<[^>]+>/g, "");

/**
 * The language of the console's labels: the answer's own (`writtenInCyrillic`, as the pipeline reads it): Russian for
 * a question in Russian words, English for "Who is Пономарёв?".
 */
export function langOfQuestion(question: string): Lang {
  return writtenInCyrillic(question) ? "ru" : "en";
}

/** Where a citation is, as a reader says it ("Formation and Objectives, paragraph 1"); the file's line without it. */
export type Locator = (c: Citation) => string;

export function formatAnswer(
  a: Answer,
  where: Locator = (c) => `${c.docId}, line ${c.line}`,
  lang: Lang = "en",
): string {
  const strings = stringsOf(lang);
  const lead = leadOf(a);
  const lines = [lead ? `${lead.text} ${lead.marks}` : a.answer];
  if (a.tentative) lines.unshift(`(${plain(strings.tentative)})`);
  if (a.fallback) lines.push(FALLBACK[lang](a.fallback === "extractive"));
  const shown = a.abstained && !a.related ? [] : a.citations;
  const answerText = normalize((lead?.text ?? a.answer).replace(/\[\d+\]/g, ""));
  const printed = new Set<string>();
  if (shown.length > 0) {
    lines.push("", `${plain(a.related ? strings.nearest : strings.answerSources)}:`);
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
