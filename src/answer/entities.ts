// Where a sentence mentions people, dates, places and numbers, from compromise's tagger; cached per sentence.
import nlp from "compromise";
import type { Span } from "../corpus/types.js";
import type { AnswerType } from "./question.js";

export type Mentions = Map<AnswerType, Span[]>;

const cache = new Map<string, Mentions>();
const CACHE_LIMIT = 20_000;

const MATCHERS: [AnswerType, string][] = [
  ["person", "#Person+"],
  ["place", "#Place+"],
  ["date", "#Date+"],
  ["number", "#Cardinal+"],
  ["reason", "(because|since|so that|in order|aim|aims|intended|intend|purpose)"],
];

function spansOf(found: { offset?: { start: number; length: number } }[]): Span[] {
  return found.flatMap((m) =>
    m.offset ? [{ start: m.offset.start, end: m.offset.start + m.offset.length }] : [],
  );
}

/** Regex fallback for Cyrillic, which compromise does not tag: numbers, and capitalised words inside a sentence. */
function cyrillicMentions(sentence: string): Mentions {
  const m: Mentions = new Map();
  const digits = [...sentence.matchAll(/\d+/g)].map((x) => ({ start: x.index, end: x.index + x[0].length }));
  const names = [...sentence.matchAll(/(?<=\s)\p{Lu}\p{Ll}+/gu)].map((x) => ({
    start: x.index,
    end: x.index + x[0].length,
  }));
  if (digits.length) m.set("number", digits).set("date", digits);
  if (names.length) m.set("person", names).set("place", names);
  return m;
}

/** Mentions by answer type, with offsets relative to the sentence. */
export function mentionsIn(sentence: string): Mentions {
  let found = cache.get(sentence);
  if (found) return found;
  if (/\p{Script=Cyrillic}/u.test(sentence)) {
    found = cyrillicMentions(sentence);
  } else {
    const doc = nlp(sentence);
    found = new Map();
    for (const [type, pattern] of MATCHERS) {
      const spans = spansOf(doc.match(pattern).json({ offset: true }));
      if (spans.length) found.set(type, spans);
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sentence, found);
  return found;
}
