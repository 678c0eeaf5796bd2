// Renders a whole passage, the quoted span in bold, with its document and section: what an old source button shows.
import type { Passage } from "../corpus/types.js";
import { blockquote, escapeHtml } from "./html.js";
import type { Strings } from "./i18n.js";
import { splitHtml } from "./split-html.js";

/** `start`/`end` are absolute offsets of the quote; outside the passage they are ignored. */
export function renderPassage(
  p: Passage,
  t: Strings,
  start?: number,
  end?: number,
  where = p.heading,
): string[] {
  const from = start === undefined ? -1 : start - p.start;
  const to = end === undefined ? -1 : end - p.start;
  const body =
    from >= 0 && to > from && to <= p.text.length
      ? escapeHtml(p.text.slice(0, from)) +
        `<b>${escapeHtml(p.text.slice(from, to))}</b>` +
        escapeHtml(p.text.slice(to))
      : escapeHtml(p.text);
  const header = t.passageHeader(p.title, p.docId) + (where ? `\n${t.passageWhere(where)}` : "");
  return splitHtml([header, blockquote(body, 0)]);
}
