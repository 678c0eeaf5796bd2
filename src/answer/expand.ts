// Meets a question with the corpus's own words: misspellings corrected, words translated, cognates across scripts.
import type { WeightedTerm } from "../index/bm25.js";
import type { Vocabulary } from "../retrieval/vocabulary.js";
import type { Lexicon } from "../text/lexicon.js";
import { contentTerms, hasCyrillic } from "../text/tokenize.js";
import type { QueryTerm, Question } from "./question.js";

/** How much an expansion counts in retrieval beside the question's own words (1). */
export const EXPANSION_WEIGHTS = { correction: 0.9, translation: 0.8, cognate: 0.6, place: 0.9 } as const;

export interface Expanded {
  question: Question;
  /** The question's words and their expansions, for BM25. */
  retrieval: WeightedTerm[];
  /** Words the corpus lacks that were read as a near spelling it has. */
  corrections: number;
}

/** The question with each term's corpus forms added, and the weighted terms retrieval should look for. */
export function expandQuestion(q: Question, vocabulary: Vocabulary, lexicon: Lexicon): Expanded {
  const retrieval: WeightedTerm[] = contentTerms(q.text).map((term) => ({ term, weight: 1 }));
  let corrections = 0;
  const cache = new Map<string, QueryTerm>();
  const searched = new Set<string>();
  // "the Latvian capital": the places it describes as the corpus spells them ("gdańsk" for WordNet's "gdansk"), in
  // either script, count as its words; retrieval looks for each once.
  const placed = (t: QueryTerm): QueryTerm => {
    if (!t.places) return t;
    const places = [
      ...new Set(
        t.places.flatMap((p) => {
          const own = vocabulary.has(p) ? p : vocabulary.nearest(p);
          return [...(own ? [own] : []), ...vocabulary.cyrillicCognates(p)];
        }),
      ),
    ];
    for (const term of places.filter((p) => !searched.has(p))) {
      searched.add(term);
      retrieval.push({ term, weight: EXPANSION_WEIGHTS.place });
    }
    return { ...t, places, forms: [...new Set([...t.forms, ...places])] };
  };
  const expandTerm = (t: QueryTerm): QueryTerm => {
    const done = cache.get(t.term);
    // The same word in another part keeps what it is there (borrowed from the conversation, part of a name…); only
    // what expanding found is shared.
    if (done)
      return {
        ...t,
        term: done.term,
        forms: done.forms,
        ...(done.places ? { places: done.places } : {}),
        ...(done.phrases ? { phrases: done.phrases } : {}),
      };
    let out = placed(t);
    // A word the corpus has in the other language is no misspelling: "secretary" where Russian documents say
    // "секретарь" stays "secretary", not the English documents' "secretariat"; "проголосовали" stays itself.
    const known =
      [t.term, ...t.forms].some((x) => vocabulary.has(x)) ||
      lexicon.translate(t.term).some((x) => vocabulary.has(x));
    const nearest = known ? undefined : vocabulary.nearest(t.term);
    if (nearest) {
      corrections++;
      out = { ...out, term: nearest, forms: [...out.forms, t.term] };
      retrieval.push({ term: nearest, weight: EXPANSION_WEIGHTS.correction });
    }
    // The word and its dictionary forms: "people" is translated as "люди", its form "person" as "человек". An English
    // word as the question writes it, by its own entries: "legislative" is "законодательный", not also "депутат" of
    // "legislator", which has its stem (`translateWord`).
    const own =
      hasCyrillic(out.term) || nearest
        ? lexicon.translate(out.term)
        : lexicon.translateWord(t.word, out.term);
    const translated = [
      ...new Set([...own, ...out.forms.filter((f) => !hasCyrillic(f)).flatMap((x) => lexicon.translate(x))]),
    ]
      // A Russian noun's adjectives the list lacks too (`adjectivesOf`), kept where the corpus uses them: "Prague" is
      // "Прага", and "пражская" in "пражская сессия"; and its forms the stemmer cuts longer than the word
      // (`longerForms`): "record" is "запись" ("зап"), and "записей" ("запис") in "37 таких записей".
      .flatMap((x) => (hasCyrillic(x) ? [x, ...lexicon.adjectivesOf(x), ...lexicon.longerForms(x)] : [x]))
      .filter((x) => vocabulary.has(x) && x !== out.term);
    for (const term of translated) retrieval.push({ term, weight: EXPANSION_WEIGHTS.translation });
    // Translations of several words the corpus has all of ("круглый стол" for "roundtable"); retrieval looks for
    // their words, together weighing what one translation does.
    const phrases = hasCyrillic(out.term)
      ? []
      : [
          ...new Map(
            [out.term, ...out.forms.filter((f) => !hasCyrillic(f))]
              .flatMap((x) => lexicon.phrasesOf(x))
              .filter((p) => p.every((w) => vocabulary.has(w)))
              .map((p) => [p.join(" "), p]),
          ).values(),
        ];
    for (const phrase of phrases)
      for (const term of phrase)
        retrieval.push({ term, weight: EXPANSION_WEIGHTS.translation / phrase.length });
    if (phrases.length > 0) out = { ...out, phrases };
    const cognates = hasCyrillic(out.term)
      ? vocabulary.latinCognates(out.term)
      : vocabulary.cyrillicCognates(out.term);
    for (const term of cognates) retrieval.push({ term, weight: EXPANSION_WEIGHTS.cognate });
    // A Russian word's listed dictionary form, which the stemmer does not join to it: "вел" is "вести"'s.
    const lemmas = hasCyrillic(out.term) ? lexicon.wordsOf(out.term) : [];
    if (translated.length > 0 || lemmas.length > 0 || (cognates.length > 0 && !hasCyrillic(out.term))) {
      // A Russian word's English cognates are matched by `cognate` already; an English word's Russian ones are not.
      const extra = [...translated, ...lemmas, ...(hasCyrillic(out.term) ? [] : cognates)];
      out = { ...out, forms: [...new Set([...out.forms, ...extra])].filter((f) => f !== out.term) };
    }
    cache.set(t.term, out);
    return out;
  };
  const expandPart = (p: Question): Question => ({ ...p, terms: p.terms.map(expandTerm) });
  const question = { ...expandPart(q), parts: q.parts.map(expandPart) };
  return { question, retrieval, corrections };
}
