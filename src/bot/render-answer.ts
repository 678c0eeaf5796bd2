// Renders an Answer as HTML messages: the answer with its [n] marks, a sources block with exact quotes, and buttons.
import { InlineKeyboard } from "grammy";
import type { Answer, Citation } from "../answer/answer.js";
import { sourceData, voteData } from "./callback-data.js";
import { blockquote, escapeHtml, truncate } from "./html.js";
import type { Strings } from "./i18n.js";
import { splitHtml } from "./split-html.js";

export interface RenderedAnswer {
  /** HTML messages, each within Telegram's limit; the keyboard goes under the last. */
  messages: string[];
  keyboard: InlineKeyboard;
}

export function renderAnswer(answer: Answer, t: Strings, answerId: string): RenderedAnswer {
  const blocks = [escapeHtml(answer.answer)];
  if (answer.abstained) blocks.push(t.rephrase(truncate(answer.question, 200)));
  answer.citations.forEach((c, i) => {
    const header = i === 0 ? `${answer.abstained ? t.relatedSources : t.answerSources}\n` : "";
    blocks.push(header + renderCitation(c, t));
  });
  return { messages: splitHtml(blocks), keyboard: answerKeyboard(answer.citations, answerId) };
}

function renderCitation(c: Citation, t: Strings): string {
  return `${t.citationLine(c.n, c.title, c.line)}\n${blockquote(escapeHtml(c.quote), c.quote.length)}`;
}

/** One button per citation (it shows the passage), then 👍 and 👎. */
export function answerKeyboard(citations: readonly Citation[], answerId: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const c of citations) {
    const data = sourceData(c.passageId, c.start, c.end);
    if (data) keyboard.text(`[${c.n}] ${truncate(c.title, 40)}`, data).row();
  }
  return keyboard.text("👍", voteData(true, answerId)).text("👎", voteData(false, answerId));
}
