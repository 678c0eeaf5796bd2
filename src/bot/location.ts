// Where a quote is, as a reader would say it: the section heading and the paragraph's number within that section,
// counted over the document's passages (the file's line, which counts front matter, stays in the JSON contract).
import { atxHeading } from "../corpus/passages.js";
import type { Passage } from "../corpus/types.js";
import type { PassageIndex } from "../index/passage-index.js";

export interface Location {
  /** The section heading, or "" before the first heading. */
  heading: string;
  /** 1-based paragraph number within the section; undefined when the offset is in no passage. */
  paragraph?: number;
}

/** The heading and paragraph of the document `docId` that holds `offset`. */
export function locate(
  index: Pick<PassageIndex, "document" | "passageById">,
  docId: string,
  offset: number,
): Location {
  const ids = index.document(docId)?.passageIds ?? [];
  const passages = ids
    .map((id) => index.passageById(id))
    .filter((p): p is Passage => p !== undefined)
    .sort((a, b) => a.start - b.start);
  let heading = "";
  let count = 0;
  for (const p of passages) {
    for (const para of paragraphs(p)) {
      const text = para.text.trim();
      const atx = atxHeading(text);
      if (text === p.heading || atx !== undefined) {
        heading = atx ?? text;
        count = 0;
        continue;
      }
      count++;
      if (offset >= para.start && offset < para.end) return { heading, paragraph: count };
    }
  }
  const holder = passages.find((p) => offset >= p.start && offset < p.end);
  return { heading: holder?.heading ?? "" };
}

/** A passage's paragraphs (blank-line separated), with absolute offsets. */
function paragraphs(p: Passage): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const gap = /\n[ \t]*\n\s*/g;
  let from = 0;
  for (const m of p.text.matchAll(gap)) {
    out.push({ text: p.text.slice(from, m.index), start: p.start + from, end: p.start + m.index });
    from = m.index + m[0].length;
  }
  out.push({ text: p.text.slice(from), start: p.start + from, end: p.end });
  return out.filter((x) => x.text.trim() !== "");
}
