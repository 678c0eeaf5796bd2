// Re-ranking the retrieval pool: a fitted linear score over what each passage matches of the question.
import type { RetrievedPassage } from "../retrieval/retriever.js";
import { hasCyrillic } from "../text/tokenize.js";
import type { Passage } from "../corpus/types.js";
import { matchable, sentenceTokens, StemMatcher, sentencesWithHeaders } from "./extractive.js";
import { hasShape, nearPrevious } from "./features.js";
import type { TurnSource } from "./follow-up.js";
import type { QueryTerm, Question } from "./question.js";

/** Names of the passage features, in the order `passageFeatures` gives them and the fitted weights read them. */
export const PASSAGE_FEATURES = [
  "fusedPrior",
  "lexicalPrior",
  "vectorPrior",
  "lexicalShare",
  "vectorShare",
  "bestSentence",
  "bestPair",
  "wholePassage",
  "heading",
  "document",
  "shape",
  "crossScript",
  "nearPrevious",
  "headedSentence",
] as const;

/** What ranks passages: the fitted weights of the passage features (src/answer/model/weights.json). */
export interface PassageScore {
  passageScore(x: readonly number[]): number;
}

/** Per pool position, 1 / (place + 1) in the order of `score`, 0 where the score is none (not found by that half). */
function placesBy(pool: RetrievedPassage[], score: (r: RetrievedPassage) => number): number[] {
  const places = pool.map(() => 0);
  pool
    .map((r, i) => ({ i, s: score(r) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .forEach((x, place) => {
      places[x.i] = 1 / (place + 1);
    });
  return places;
}

const union = (a: number[], b: number[]) => a.map((x, i) => Math.max(x, b[i]!));

/**
 * What the ranker reads of each passage of the pool, in PASSAGE_FEATURES order: its places in the fused, lexical and
 * vector orders and its scores against the pool's best; the share of the question's weight matched by its best
 * sentence, its best two sentences in a row, its whole text, its title and heading, and its document's passages in
 * the pool together; whether its best sentence has the answer's shape (a digit for "how many"), whether it is in the
 * other script than the question, whether it lies next to what the conversation's last answer quoted, and the share
 * its best sentence matches read with the title and heading ("The session was chaired by…" under "Vilnius session"),
 * and a table row with its table's header row too (`preceding` finds one that stands in an earlier passage).
 */
export function passageFeatures(
  question: Question,
  pool: RetrievedPassage[],
  weight: (term: QueryTerm) => number,
  previous: TurnSource[] = [],
  preceding: (passage: Passage) => Passage | undefined = () => undefined,
): number[][] {
  const weights = question.terms.map(weight);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const none = weights.map(() => 0);
  const matcher = new StemMatcher(question.terms);
  const share = (gain: number[]) => gain.reduce((a, b) => a + b, 0) / total;
  const lexicalPlaces = placesBy(pool, (r) => r.lexicalScore);
  const vectorPlaces = placesBy(pool, (r) => r.vectorScore);
  const maxLexical = Math.max(1e-9, ...pool.map((r) => r.lexicalScore));
  const maxVector = Math.max(1e-9, ...pool.map((r) => r.vectorScore));
  const read = pool.map(({ passage }) => {
    let best = 0;
    let bestText = "";
    let pair = 0;
    let whole = none;
    let last: number[] | undefined;
    let headed = 0;
    const heading = sentenceTokens(`${passage.title}\n${passage.heading}`);
    const headingGain = matcher.gains(
      { stems: new Set(heading.map((t) => t.term)), other: new Set() },
      weights,
    );
    // A table row is read with its table's header row too, as the answerer reads it ("Chair" over "Anton Rybakov").
    const gains = new Map<string, number[]>();
    const gainOf = (text: string) => {
      let g = gains.get(text);
      if (!g) gains.set(text, (g = matcher.gains(matchable(question, sentenceTokens(text)), weights)));
      return g;
    };
    for (const { text, header } of sentencesWithHeaders(passage, preceding)) {
      const gain = gainOf(text);
      const s = share(gain);
      if (s > best) [best, bestText] = [s, text];
      pair = Math.max(pair, s, last ? share(union(gain, last)) : 0);
      headed = Math.max(headed, share(union(header ? union(gain, gainOf(header)) : gain, headingGain)));
      whole = union(whole, gain);
      last = gain;
    }
    return { best, bestText, pair, whole, headingGain, headed };
  });
  const documents = new Map<string, number[]>();
  pool.forEach(({ passage }, i) => {
    const { whole, headingGain } = read[i]!;
    documents.set(passage.docId, union(union(documents.get(passage.docId) ?? none, whole), headingGain));
  });
  return pool.map((r, i) => {
    const x = read[i]!;
    return [
      1 / (i + 1),
      lexicalPlaces[i]!,
      vectorPlaces[i]!,
      r.lexicalScore / maxLexical,
      Math.max(0, r.vectorScore) / maxVector,
      x.best,
      x.pair,
      share(x.whole),
      share(x.headingGain),
      share(documents.get(r.passage.docId)!),
      x.bestText && hasShape(question.type, x.bestText) ? 1 : 0,
      hasCyrillic(r.passage.text) !== question.cyrillic ? 1 : 0,
      nearPrevious(r.passage, previous),
      x.headed,
    ];
  });
}

/**
 * Re-ranks the retrieval pool by the fitted score of each passage's features: a passage that says "Spearheaded by
 * Ilya Ponomarev" rises for "Who leads the congress?" above short notes that merely repeat "congress", which BM25
 * and the vectors favour. Ties keep retrieval order.
 */
export function rerankPassages(
  question: Question,
  pool: RetrievedPassage[],
  weight: (term: QueryTerm) => number,
  scorer: PassageScore,
  previous: TurnSource[] = [],
  features = passageFeatures(question, pool, weight, previous),
): RetrievedPassage[] {
  const scores = features.map((x) => scorer.passageScore(x));
  return pool
    .map((r, i) => ({ r, i }))
    .sort((a, b) => scores[b.i]! - scores[a.i]! || a.i - b.i)
    .map(({ r }) => r);
}
