// Splits a document into passages at paragraph and sentence boundaries, keeping exact offsets into the file's text.
import { createHash } from "node:crypto";
import { isTableRule } from "../text/table.js";
import type { CorpusDocument, Passage, Span } from "./types.js";

export const PASSAGE_MIN = 300;
export const PASSAGE_MAX = 1200;
/** Windows over an over-long paragraph aim at this size, so one overlapping sentence still fits under PASSAGE_MAX. */
const WINDOW_TARGET = 900;
/** Paragraphs are merged into one passage while it stays under this size. */
const PASSAGE_TARGET = 1000;

interface Paragraph extends Span {
  heading?: string;
  sentences: Span[];
}

/**
 * The revision of the rules below, kept in the index: an index whose passages and sentences were split by other rules
 * is rebuilt from the corpus. 2: list items, table rows and interview turns are sentences, abbreviations end none.
 * 3: a heading's closing "#" run needs white space before it (CommonMark): "# C#" is the heading "C#".
 * 4: a table row is one sentence, however many of its cells end in a full stop ("Abst.").
 * 5: a negated auxiliary is read as "not" ("couldn't" is "could not"): the index's terms change.
 */
export const SPLIT_REVISION = 5;

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** The text of an absolute span (a sentence) that lies inside `passage`. */
export function spanText(passage: Passage, span: Span): string {
  return passage.text.slice(span.start - passage.start, span.end - passage.start);
}

/** Offsets where each line starts, for mapping an offset to its 1-based line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Shrinks [start, end) to exclude surrounding white space; returns undefined when nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/** The text of a Markdown ("ATX") heading line, "## Votes ##" → "Votes"; undefined for any other paragraph. */
export function atxHeading(para: string): string | undefined {
  // Not "." for the heading's text: it stops at U+2028 and U+2029, which CommonMark reads as ordinary characters.
  // A closing run of "#" stands after white space ("## Votes ##"); one attached to a word is the word's ("# C#").
  return /^#{1,6}[ \t]+([^\r\n]+?)(?:[ \t]+#+)?[ \t]*$/.exec(para)?.[1];
}

function headingText(para: string): string | undefined {
  const md = atxHeading(para);
  if (md !== undefined) return md;
  const words = para.split(/\s+/).length;
  if (para.includes("\n") || para.length > 80 || words > 12) return undefined;
  if (/[.!?…:;,"»”)]$/.test(para) || !/^\p{Lu}/u.test(para)) return undefined;
  return para;
}

/** Hard-splits an over-long span at white space so that no piece exceeds `max`. */
function hardSplit(text: string, span: Span, max: number): Span[] {
  const out: Span[] = [];
  let { start } = span;
  while (span.end - start > max) {
    let cut = text.lastIndexOf(" ", start + max);
    if (cut <= start) cut = start + max;
    // Never cut a surrogate pair in half.
    if (/[\uDC00-\uDFFF]/.test(text[cut] ?? "")) cut--;
    const piece = trimSpan(text, start, cut);
    if (piece) out.push(piece);
    start = cut;
  }
  const rest = trimSpan(text, start, span.end);
  if (rest) out.push(rest);
  return out;
}

/**
 * A segment that ends with an abbreviation or an initial ("Resolution No.", "Mr.", "Andrei V.", "ул.") goes on into the
 * next: the runtime's sentence segmenter has no list of abbreviations.
 */
const ABBREVIATION_END =
  /(?:^|[\s(*_])(?:No|Nos|Nr|Mr|Mrs|Ms|Dr|St|Prof|Gen|Col|Lt|Sgt|Jr|Sr|vs|Art|Sec|Vol|Fig|approx|[\p{Lu}]|т|г|гг|им|ул|д|св|проф|см|ст|п)\.[\s*_]*$/u;

/** A line that starts a block of its own: a list item, a table row, a quote or a "Q:"/"A:" turn of an interview. */
const BLOCK_LINE = /^[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|\||>|\*{0,2}[QA]:)/;

/** The lines of a paragraph grouped into blocks: a list item, a table row… with the plain lines that continue it. */
function blocks(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let from = span.start;
  let at = span.start;
  while (at < span.end) {
    const eol = text.indexOf("\n", at);
    const lineEnd = eol === -1 || eol > span.end ? span.end : eol;
    const next = lineEnd + 1;
    if (next < span.end && BLOCK_LINE.test(text.slice(next, Math.min(span.end, next + 8)))) {
      out.push({ start: from, end: lineEnd });
      from = next;
    }
    at = next;
  }
  out.push({ start: from, end: span.end });
  return out;
}

/**
 * Sentence spans inside a paragraph. Single line breaks inside a paragraph are read as spaces (hard-wrapped text),
 * except before a list item, a table row, a quote or an interview's turn, which start a sentence of their own.
 */
export function sentenceSpans(text: string, span: Span): Span[] {
  const out: Span[] = [];
  for (const block of blocks(text, span)) {
    const flat = text.slice(block.start, block.end).replace(/[\r\n]/g, " ");
    if (isTableRule(flat)) continue;
    // A table row is one sentence, whatever its cells abbreviate: "| Against | Abst. | Outcome |" is one header.
    const row = flat.startsWith("|") ? trimSpan(text, block.start, block.end) : undefined;
    if (row) {
      out.push(...hardSplit(text, row, WINDOW_TARGET));
      continue;
    }
    let from = 0;
    const first = out.length;
    for (const seg of segmenter.segment(flat)) {
      const end = seg.index + seg.segment.length;
      if (end < flat.length && ABBREVIATION_END.test(seg.segment)) continue;
      const s = trimSpan(text, block.start + from, block.start + end);
      from = end;
      if (!s) continue;
      // Markup left after a sentence's end ("**Q: Why?**") closes that sentence.
      const last = out[out.length - 1];
      if (last && out.length > first && !/[\p{L}\p{N}]/u.test(text.slice(s.start, s.end))) last.end = s.end;
      else out.push(...hardSplit(text, s, WINDOW_TARGET));
    }
  }
  return out;
}

function paragraphs(doc: CorpusDocument): Paragraph[] {
  const { text, bodyStart } = doc;
  const out: Paragraph[] = [];
  const separator = /\n[ \t\r]*\n/g;
  let from = bodyStart;
  const push = (end: number) => {
    const span = trimSpan(text, from, end);
    if (!span) return;
    const heading = headingText(text.slice(span.start, span.end));
    out.push({ ...span, heading, sentences: heading === undefined ? sentenceSpans(text, span) : [] });
  };
  separator.lastIndex = bodyStart;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(m.index);
    from = m.index + m[0].length;
    separator.lastIndex = from;
  }
  push(text.length);
  // A "heading" with no body after it is just a short paragraph (a one-line document, a closing line).
  return out.map((p, i) =>
    p.heading !== undefined && (out[i + 1] === undefined || out[i + 1]!.heading !== undefined)
      ? { start: p.start, end: p.end, sentences: sentenceSpans(text, p) }
      : p,
  );
}

/** Groups sentences of one over-long paragraph into windows, each overlapping the previous by one sentence. */
function windows(sentences: Span[]): Span[][] {
  const out: Span[][] = [];
  let i = 0;
  while (i < sentences.length) {
    const group = [sentences[i]!];
    let j = i + 1;
    while (j < sentences.length && sentences[j]!.end - group[0]!.start <= WINDOW_TARGET)
      group.push(sentences[j++]!);
    out.push(group);
    if (j >= sentences.length) break;
    i = group.length > 1 ? j - 1 : j;
  }
  return out;
}

export function passageId(docId: string, start: number, end: number, text: string): string {
  return createHash("sha256").update(`${docId}\0${start}\0${end}\0${text}`).digest("hex").slice(0, 16);
}

interface Draft extends Span {
  heading: string;
  /** Sections are counted, not named: two sections may share a heading. */
  section: number;
  sentences: Span[];
}

/**
 * Joins a passage shorter than PASSAGE_MIN to its neighbour in the same section when both fit under PASSAGE_MAX,
 * so that the tail of a hard-split paragraph or a short paragraph next to a long one does not stand alone.
 */
function joinShort(drafts: Draft[]): Draft[] {
  const short = (d: Draft) => d.end - d.start < PASSAGE_MIN;
  const out: Draft[] = [];
  for (const d of drafts) {
    const top = out.at(-1);
    if (top && top.section === d.section && (short(top) || short(d)) && d.end - top.start <= PASSAGE_MAX) {
      // Windows of one paragraph share a sentence: keep it once.
      const fresh = d.sentences.filter((s) => s.start >= top.end);
      out[out.length - 1] = { ...top, end: d.end, sentences: [...top.sentences, ...fresh] };
    } else out.push(d);
  }
  return out;
}

/** Splits a document into passages. Every passage and sentence satisfies text.slice(start, end) === its text. */
export function splitPassages(doc: CorpusDocument): Passage[] {
  const { text } = doc;
  const starts = lineStarts(text);
  const drafts: Draft[] = [];
  let heading = "";
  let section = 0;
  let current: Draft | undefined;

  const make = (start: number, end: number, h: string, sentences: Span[]) => {
    drafts.push({ start, end, heading: h, section, sentences });
  };
  const flush = () => {
    if (current && current.sentences.length > 0)
      make(current.start, current.end, current.heading, current.sentences);
    current = undefined;
  };

  for (const p of paragraphs(doc)) {
    if (p.heading !== undefined) {
      flush();
      heading = p.heading;
      section++;
      current = { start: p.start, end: p.end, heading, section, sentences: [] };
      continue;
    }
    // Close a passage that is long enough before it grows past the target, or one that would grow past the maximum.
    if (current && current.end - current.start >= PASSAGE_MIN && p.end - current.start > PASSAGE_TARGET)
      flush();
    if (current && p.end - current.start > PASSAGE_MAX) flush();
    if (p.end - p.start > PASSAGE_MAX) {
      flush();
      for (const w of windows(p.sentences)) make(w[0]!.start, w[w.length - 1]!.end, heading, w);
      continue;
    }
    if (!current) current = { start: p.start, end: p.end, heading, section, sentences: [] };
    current.end = p.end;
    current.sentences.push(...p.sentences);
  }
  flush();
  return joinShort(drafts).map(({ start, end, heading: h, sentences }) => {
    const body = text.slice(start, end);
    return {
      passageId: passageId(doc.docId, start, end, body),
      docId: doc.docId,
      title: doc.title,
      text: body,
      start,
      end,
      line: lineAt(starts, start),
      heading: h,
      sentences,
    };
  });
}
