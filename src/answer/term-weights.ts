// How much each of a question's words counts: by its rarity in the corpus, less for a word a follow-up borrows.
import type { PassageIndex } from "../index/passage-index.js";
import type { QueryTerm } from "./question.js";

/** What a word a follow-up borrows from the conversation counts for, against the follow-up's own words. */
export const CONTEXT_WEIGHT = 0.5;

export interface TermWeights {
  /** For ordering passages: the word as the question writes it. */
  search(term: QueryTerm): number;
  /**
   * For the answer scorer: a word the corpus uses in another form or language ("съезд" of English documents that
   * say "congress") weighs what that form does there, not what an absent word does.
   */
  answer(term: QueryTerm): number;
}

/** The weights of the live index (read at each call: it changes as documents are added). */
export function termWeights(index: () => PassageIndex): TermWeights {
  /**
   * A term the corpus never uses weighs as much as the rarest one, so that a question about something absent does
   * not look answered; less when it is a common, many-sense word ("take place", "open"), likely just paraphrase.
   */
  const weigh = (term: QueryTerm, idf: number) => {
    const share = term.context ? CONTEXT_WEIGHT : 1;
    if (idf > 0) return idf * share;
    return (share * Math.log(1 + (index().size + 0.5) / 0.5)) / (1 + Math.log(1 + term.senses));
  };
  return {
    search: (term) => weigh(term, index().idf(term.term)),
    answer: (term) => {
      const live = index();
      // A phrase is as rare as its rarest word, at least.
      const phrases = (term.phrases ?? []).map((p) => Math.max(...p.map((w) => live.idf(w))));
      return weigh(term, Math.max(live.idf(term.term), ...term.forms.map((f) => live.idf(f)), ...phrases));
    },
  };
}
