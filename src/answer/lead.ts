// The short answer a chosen sentence gives: "Ilya Ponomarev", "November 2022", "84 deputies", "Ukraine, Poland and
// Germany". The sentence stays the quote; the answer leads with what the question asked for.
import type { Span } from "../corpus/types.js";
import { hasCyrillic, tokenize } from "../text/tokenize.js";
import { answerMentions } from "./entities.js";
import { hasShape } from "./features.js";
import type { Question } from "./question.js";

/** What a short answer can be: a name, a place, a date or a number. "What…?", "Why…?" want the sentence. */
const LEAD_TYPES = new Set<Question["type"]>(["person", "place", "date", "number"]);
/** Words that ask, in English and Russian: a question with two of them asks two things. */
const QUESTION_WORDS =
  /(?<![\p{L}])(?:who|whom|whose|when|where|which|what|why|how|кто|кого|кому|когда|где|куда|откуда|сколько|какой|какая|какое|какие|каком|какого|каких|какую|что|почему|зачем|как)(?![\p{L}])/giu;
/** Longer than this, the span is no shorter than the sentence is worth reading whole. */
const MAX_LEAD = 90;

/**
 * The span of `sentence` that answers `question`, or undefined where none fits and the sentence is the answer: the
 * mention of the asked type nearest to the question's own words (all of them, first to last, for "Which countries…?").
 * A count keeps the noun it counts ("84 deputies"). Russian sentences lead only with numbers: the tagger does not
 * read them, and a capitalised word is not yet a name.
 */
export function leadSpan(question: Question, sentence: string): Span | undefined {
  if (!LEAD_TYPES.has(question.type) || question.defines || question.parts.length > 0) return undefined;
  if (hasCyrillic(sentence) && question.type !== "number") return undefined;
  // "When and where…?", "How many…, and from how many countries?": one span does not answer two questions.
  if ((question.text.match(QUESTION_WORDS) ?? []).length > 1) return undefined;
  // "В каких регионах России…?": the question's own places, in other letters, are not told from the answer's.
  if (question.cyrillic && question.type === "place" && !hasCyrillic(sentence)) return undefined;
  const mentions = joined(
    sentence,
    answerMentions(question.type, question.text, sentence).filter((m) => {
      const text = sentence.slice(m.start, m.end);
      if (text.trim().length === 0) return false;
      // The tagger's "years" or "weekend" is no date, and its "Wednesday" no place.
      return question.type === "date"
        ? hasShape("date", text)
        : question.type === "number" || !hasShape("date", text);
    }),
  );
  if (mentions.length === 0) return undefined;
  let span: Span;
  if (question.several && mentions.length > 1) {
    span = { start: mentions[0]!.start, end: mentions.at(-1)!.end };
  } else {
    const terms = new Set(question.terms.flatMap((t) => [t.term, ...t.forms]));
    const at = tokenize(sentence).filter((t) => terms.has(t.term));
    const distance = (m: Span) =>
      at.length === 0 ? m.start : Math.min(...at.map((w) => Math.max(w.start - m.end, m.start - w.end, 0)));
    span = mentions.reduce((best, m) => (distance(m) < distance(best) ? m : best));
    if (question.type === "number") span = withCountedNoun(sentence, span, terms);
  }
  if (/,|\band\b/.test(sentence.slice(span.start, span.end))) span = withListHead(sentence, span);
  const trimmed = trim(sentence, span);
  return trimmed && trimmed.end - trimmed.start <= MAX_LEAD ? trimmed : undefined;
}

/** "84" of "84 deputies took part" reads as "84 deputies" when the question counts deputies. */
function withCountedNoun(sentence: string, span: Span, terms: Set<string>): Span {
  const next = /^[ \u00a0]+(\p{L}[\p{L}-]*)/u.exec(sentence.slice(span.end));
  const noun = next && tokenize(next[1]!)[0];
  return noun && terms.has(noun.term) ? { start: span.start, end: span.end + next[0].length } : span;
}

/** Mentions with only a comma, a dash or "to"/"and" between them are one: "Sunday, 3 November 2024", "9 to 11 June". */
function joined(sentence: string, mentions: Span[]): Span[] {
  const out: Span[] = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    const gap = last ? sentence.slice(last.end, m.start) : undefined;
    if (last && gap !== undefined && /^[\s,]*(?:(?:to|and|until|[–—-])[\s]*)?$/u.test(gap))
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, m.end) };
    else out.push({ ...m });
  }
  // "from 9 to 11 June 2023": the first day stands before the tagged date.
  return out.map((m) => {
    const before = /(?<![\p{L}\p{N}])\d{1,2}(?:st|nd|rd|th)?\s*(?:to|and|[–—-])\s*$/u.exec(
      sentence.slice(0, m.start),
    );
    return before && /^\d/.test(sentence.slice(m.start))
      ? { start: m.start - before[0].length, end: m.end }
      : m;
  });
}

/** Names the tagger missed at a list's head belong to it: "Estonia, Finland, Germany and Poland". */
function withListHead(sentence: string, span: Span): Span {
  const head = /(?:(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*,\s*)+$/u.exec(
    sentence.slice(0, span.start),
  );
  return head ? { start: span.start - head[0].length, end: span.end } : span;
}

/** Without surrounding white space, punctuation and Markdown emphasis. */
function trim(sentence: string, span: Span): Span | undefined {
  let { start, end } = span;
  while (start < end && /[\s,;:.*_"“”«»()[\]-]/u.test(sentence[start]!)) start++;
  while (end > start && /[\s,;:.*_"“”«»()[\]-]/u.test(sentence[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}
