// Finds a model's quote inside a passage, forgiving only white space, quote-mark style and ё/е, and maps it to exact offsets.
import type { Passage, Span } from "../corpus/types.js";

const QUOTE_MARKS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u00AB": '"',
  "\u00BB": '"',
  "\u2033": '"',
};

/** Normalised text plus, for each of its characters, the offset of the original character it came from. */
function normalise(text: string): { norm: string; map: number[] } {
  let norm = "";
  const map: number[] = [];
  let space = true; // drop leading white space
  for (let i = 0; i < text.length; i++) {
    let ch = text[i]!;
    if (/\s/.test(ch)) {
      if (!space) {
        norm += " ";
        map.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    ch = QUOTE_MARKS[ch] ?? ch;
    ch = ch === "ё" ? "е" : ch === "Ё" ? "Е" : ch;
    norm += ch;
    map.push(i);
  }
  if (norm.endsWith(" ")) {
    norm = norm.slice(0, -1);
    map.pop();
  }
  return { norm, map };
}

/** The exact span of `quote` inside `passage` (absolute offsets), or undefined when it is not there. */
export function locateQuote(passage: Passage, quote: string): Span | undefined {
  const q = normalise(quote)
    .norm.replace(/^["']+|["']+$/g, "")
    .trim();
  if (q.length < 8) return undefined; // too short to be a meaningful quote
  const { norm, map } = normalise(passage.text);
  const at = norm.indexOf(q);
  if (at === -1) return undefined;
  const start = passage.start + map[at]!;
  const end = passage.start + map[at + q.length - 1]! + 1;
  // Keep a surrogate pair whole.
  return { start, end: /[\uD800-\uDBFF]/.test(passage.text[end - 1 - passage.start] ?? "") ? end + 1 : end };
}
