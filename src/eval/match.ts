// The two matching rules of the evaluation contract: fact strings in an answer, and spans that "cover" evidence.
import type { Span } from "../corpus/types.js";

/** Case, accents (combining marks after NFD) and runs of white space do not matter when matching facts. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** For each fact group, the first alternative found in the answer, or undefined when none is. */
export function matchFacts(answer: string, facts: readonly (readonly string[])[]): (string | undefined)[] {
  const haystack = normalizeForMatch(answer);
  return facts.map((group) => group.find((alt) => haystack.includes(normalizeForMatch(alt))));
}

export interface DocSpan extends Span {
  docId: string;
}

/** A span covers an occurrence when it overlaps at least half of it (in the same document). */
export function coversOccurrence(span: DocSpan, occurrence: DocSpan): boolean {
  if (span.docId !== occurrence.docId) return false;
  const overlap = Math.min(span.end, occurrence.end) - Math.max(span.start, occurrence.start);
  return overlap > 0 && overlap * 2 >= occurrence.end - occurrence.start;
}

export function coversAny(span: DocSpan, occurrences: readonly DocSpan[]): boolean {
  return occurrences.some((o) => coversOccurrence(span, o));
}
