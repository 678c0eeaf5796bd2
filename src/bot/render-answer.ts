// Renders an Answer as HTML messages: the answer (its short lead where it has one) with its [n] marks, then each
// source once (its location, and its quote unless the answer already shows it word for word); an abstention says so
// plainly and what the documents cover. Buttons name the quote they open; the opened one is shown under the answer.
import { InlineKeyboard } from "grammy";
import { type Answer, type Citation, leadOf } from "../answer/answer.js";
import type { Passage } from "../corpus/types.js";
import { showData, voteData } from "./callback-data.js";
import { blockquote, escapeHtml } from "./html.js";
import type { Strings } from "./i18n.js";
import type { Location } from "./location.js";
import { splitHtml } from "./split-html.js";

export interface RenderedAnswer {
  /** HTML messages, each within Telegram's limit; the keyboard goes under the last. */
  messages: string[];
  keyboard: InlineKeyboard;
}

export interface AnswerView {
  /** Where a citation's quote is (heading, paragraph); without it, no location is shown. */
  locate?: (c: Citation) => Location;
  /** Titles of the documents, offered when the answer abstains. */
  titles?: readonly string[];
  /** Questions the documents answer, offered when the answer abstains. */
  suggestions?: readonly string[];
  /** The citation shown in full under the answer, with its passage. */
  expanded?: { n: number; passage: Passage };
}

const TITLES_SHOWN = 3;

export function renderAnswer(
  answer: Answer,
  t: Strings,
  answerId: string,
  view: AnswerView = {},
): RenderedAnswer {
  const shown = answer.abstained ? (answer.related ? answer.citations : []) : answer.citations;
  const lead = leadOf(answer);
  const said = lead ? `<b>${escapeHtml(lead.text)}</b> ${lead.marks}` : escapeHtml(answer.answer);
  const blocks = answer.abstained ? [t.notCovered] : [answer.tentative ? `${t.tentative}\n${said}` : said];
  const printed = new Set<string>();
  const answerText = normalize((lead?.text ?? answer.answer).replace(/\[\d+\]/g, ""));
  shown.forEach((c, i) => {
    const header = i === 0 ? `${answer.abstained ? t.nearest : t.answerSources}\n` : "";
    const where = view.locate ? whereOf(view.locate(c), t) : "";
    const quote = normalize(c.quote);
    // A quote is printed once: not again when the answer is that very text, nor for a second citation of it.
    const repeat = printed.has(quote) || (!answer.abstained && answerText.includes(quote));
    printed.add(quote);
    const line = t.citationLine(c.n, shortTitle(c.title), where);
    blocks.push(header + (repeat ? line : `${line}\n${blockquote(escapeHtml(c.quote), c.quote.length)}`));
  });
  if (answer.abstained && view.titles?.length) {
    blocks.push(
      t.coverage(view.titles.slice(0, TITLES_SHOWN), Math.max(0, view.titles.length - TITLES_SHOWN)),
    );
  }
  if (answer.abstained && view.suggestions?.length) blocks.push(t.tryAsking(view.suggestions));
  if (view.expanded) blocks.push(expandedBlock(view.expanded.passage, view.expanded.n, answer, t, view));
  return { messages: splitHtml(blocks), keyboard: answerKeyboard(shown, answerId, t, view.expanded?.n) };
}

/** One button per citation, named by its quote's first words (the open one hides it), then 👍 and 👎. */
export function answerKeyboard(
  citations: readonly Citation[],
  answerId: string,
  t: Strings,
  expanded?: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const c of citations) {
    if (c.n === expanded) keyboard.text(`[${c.n}] ${t.hideSource}`, showData(answerId, 0)).row();
    else
      keyboard.text(`[${c.n}] ${buttonLabel(c)}`, showData(answerId, c.n, c.passageId, c.start, c.end)).row();
  }
  return keyboard.text("👍", voteData(true, answerId)).text("👎", voteData(false, answerId));
}

/** The quote's first words, e.g. “Spearheaded by Ilya Ponomarev, this…”. */
export function buttonLabel(c: Citation): string {
  return `“${shortTitle(c.quote.replace(/\s+/g, " ").trim(), 36)}”`;
}

/** A title (or any text) short enough for a phone line, cut at a word. */
export function shortTitle(title: string, max = 48): string {
  if (Array.from(title).length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, "")}…`;
}

function expandedBlock(p: Passage, n: number, answer: Answer, t: Strings, view: AnswerView): string {
  const c = answer.citations.find((x) => x.n === n);
  const from = c ? c.start - p.start : -1;
  const to = c ? c.end - p.start : -1;
  const body =
    from >= 0 && to > from && to <= p.text.length
      ? `${escapeHtml(p.text.slice(0, from))}<b>${escapeHtml(p.text.slice(from, to))}</b>${escapeHtml(p.text.slice(to))}`
      : escapeHtml(p.text);
  const where = c && view.locate ? whereOf(view.locate(c), t) : p.heading;
  return `<b>[${n}]</b> ${t.passageHeader(p.title, p.docId)}${where ? `\n${t.passageWhere(where)}` : ""}\n${blockquote(body, 0)}`;
}

function whereOf(location: Location, t: Strings): string {
  return t.where(location.heading, location.paragraph);
}

function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}
