// Question terms and corpus vocabularies built by hand, for tests of what reads them.
import type { QueryTerm } from "../../src/answer/question.js";
import type { TermSource } from "../../src/retrieval/vocabulary.js";
import { contentTerms } from "../../src/text/tokenize.js";

/** A question term with no forms, senses or synonyms but those `over` gives. */
export function queryTerm(over: Partial<QueryTerm>): QueryTerm {
  return { term: "", forms: [], senses: 0, synonyms: [], related: [], narrower: [], ...over };
}

/** The vocabulary of `text` as a corpus gives it: each content term with the number of times it occurs. */
export function termSource(text: string): TermSource {
  const df = new Map<string, number>();
  for (const t of contentTerms(text)) df.set(t, (df.get(t) ?? 0) + 1);
  return { vocabulary: () => df.keys(), df: (t) => df.get(t) ?? 0 };
}
