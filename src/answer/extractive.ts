// Extractive answering: scores the sentences of the retrieved passages against the question and picks one to three.
import type { Passage, Span } from "../corpus/types.js";
import type { RetrievedPassage } from "../retrieval/retriever.js";
import { LocalHashEmbeddings } from "../embeddings/local.js";
import { tokenize } from "../text/tokenize.js";
import { mentionsIn } from "./entities.js";
import type { QueryTerm, Question } from "./question.js";

export interface Evidence {
  passage: Passage;
  span: Span;
  text: string;
  score: number;
  /** Query terms this sentence matches (stems). */
  matched: Set<string>;
  /** Rank of its passage in retrieval, from 0. */
  rank: number;
}

export interface Selection {
  evidence: Evidence[];
  /** For a question that asks for a date or a number: whether a chosen sentence has one. */
  typeFound: boolean;
  /** Weighted share of the question's terms that the chosen sentences match (0..1): the abstention signal. */
  coverage: number;
}

const PREFIX_MATCH = 0.8;
const SYNONYM_MATCH = 0.6;
const COMPOUND_MATCH = 0.6;
const RELATED_MATCH = 0.5;
const TYPE_BONUS = 0.25;
/** An expected mention this close (in characters) to a matched question word gets the full bonus; farther, half. */
const NEAR = 40;
/** Sentences scoring under this share of the best one are not added. */
const KEEP_RATIO = 0.85;
const MAX_SENTENCES = 3;
/** Share of the question's weight a further sentence must newly cover to be added. */
const NEW_COVERAGE = 0.2;
/** Only the best lexical candidates go through the (slower) tagger. */
const TAGGED_CANDIDATES = 12;

/**
 * How well a sentence's stems match one query term: 1 exact; less for a shared prefix the stemmer left apart
 * ("partner" ~ "partnership"), a synonym, or a compound ending in a synonym ("spearhead" ~ "head").
 */
function termMatch(term: Question["terms"][number], stems: Set<string>): number {
  if (stems.has(term.term) || term.forms.some((f) => stems.has(f))) return 1;
  let best = 0;
  if (term.term.length >= 5) {
    for (const s of stems)
      if (s.length >= 5 && (s.startsWith(term.term) || term.term.startsWith(s))) best = PREFIX_MATCH;
  }
  // A compound that ends in the word or one of its synonyms ("spearhead" for "head" or "lead").
  const isCompoundOf = (part: string) => {
    if (part.length < 4) return false;
    for (const s of stems) if (s.length > part.length + 2 && s.endsWith(part)) return true;
    return false;
  };
  if (isCompoundOf(term.term)) best = Math.max(best, COMPOUND_MATCH);
  for (const syn of term.synonyms) {
    if (stems.has(syn)) return Math.max(best, SYNONYM_MATCH);
    if (isCompoundOf(syn)) best = Math.max(best, COMPOUND_MATCH);
  }
  for (const rel of term.related) if (stems.has(rel)) return Math.max(best, RELATED_MATCH);
  return best;
}

/** Bonus for mentioning what the question asks for (a person for "who"…), more when it sits near a matched word. */
function typeBonus(question: Question, text: string, matchedAt: Span[]): number {
  const mentions = mentionsIn(text).get(question.type);
  if (!mentions) return 0;
  const near = mentions.some((m) =>
    matchedAt.some((w) => Math.max(w.start - m.end, m.start - w.end) <= NEAR),
  );
  return near ? TYPE_BONUS : TYPE_BONUS / 2;
}

/**
 * Character n-grams catch what stems and the thesaurus miss (derivations, partial words), so a sentence's
 * embedding similarity to the question counts too. Always local: cheap, offline, whatever the index uses.
 */
const sentenceEmbedder = new LocalHashEmbeddings({ dimension: 1024 });
/** Calibrated on test/eval/questions.json (citation precision and recall rose; 0.3–2.5 tried). */
const SIMILARITY_WEIGHT = 1.0;

/** Both vectors are L2-normalised, so the dot product is the cosine. */
function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

type Candidate = Evidence & { stems: Set<string>; gain: number[]; matchedAt: Span[] };

/** Every sentence of the retrieved passages, scored lexically (coverage, similarity, rank); best first. */
function scoreSentences(
  question: Question,
  retrieved: RetrievedPassage[],
  weights: number[],
  total: number,
): Candidate[] {
  const qv = sentenceEmbedder.embedText(question.text);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  // Whether a word's stem matches any question term: the same few stems recur across the sentences, so each is
  // worked out once per question rather than once per word.
  const matchesTerm = new Map<string, boolean>();
  const matchesAny = (stem: string) => {
    let m = matchesTerm.get(stem);
    if (m === undefined) {
      const one = new Set([stem]);
      matchesTerm.set(stem, (m = question.terms.some((t) => termMatch(t, one) > 0)));
    }
    return m;
  };
  retrieved.forEach(({ passage }, rank) => {
    for (const span of passage.sentences) {
      const key = `${passage.docId}:${span.start}`;
      if (seen.has(key)) continue; // overlapping windows repeat sentences
      seen.add(key);
      const text = passage.text.slice(span.start - passage.start, span.end - passage.start);
      const tokens = tokenize(text);
      const stems = new Set(tokens.map((t) => t.term));
      const gain = question.terms.map((t, i) => termMatch(t, stems) * weights[i]!);
      const matchedAt = tokens.filter((tok) => matchesAny(tok.term));
      const coverage = gain.reduce((a, b) => a + b, 0) / total;
      const matched = new Set(question.terms.filter((_, i) => gain[i]! > 0).map((t) => t.term));
      candidates.push({
        passage,
        span,
        text,
        rank,
        stems,
        gain,
        matched,
        matchedAt,
        score:
          coverage + SIMILARITY_WEIGHT * cosine(qv, sentenceEmbedder.embedText(text)) + 0.05 / (rank + 1),
      });
    }
  });
  return candidates.sort((a, b) => b.score - a.score);
}

/**
 * Re-ranks retrieved passages by their best sentence's lexical score (question terms with their synonyms,
 * derivations and compounds, and similarity), keeping retrieval order among equals. A passage that says
 * "Spearheaded by Ilya Ponomarev" rises for "Who leads the congress?" above short notes that merely repeat
 * "congress", which BM25 and the vectors favour. Passages without sentences keep their place at the end.
 */
export function rerankPassages(
  question: Question,
  retrieved: RetrievedPassage[],
  weight: (term: QueryTerm) => number,
): RetrievedPassage[] {
  const weights = question.terms.map(weight);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return retrieved;
  const best = new Map<string, number>();
  for (const c of scoreSentences(question, retrieved, weights, total))
    if (!best.has(c.passage.passageId)) best.set(c.passage.passageId, c.score);
  return retrieved
    .map((r, i) => ({ r, i, score: best.get(r.passage.passageId) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ r }) => r);
}

export function selectEvidence(
  question: Question,
  retrieved: RetrievedPassage[],
  weight: (term: QueryTerm) => number,
): Selection {
  const weights = question.terms.map(weight);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return { evidence: [], coverage: 0, typeFound: false };
  const candidates = scoreSentences(question, retrieved, weights, total);
  if (question.type !== "other") {
    // The tagger takes milliseconds a sentence. `floor` never exceeds the best final score (bonuses only add), so a
    // candidate under floor * KEEP_RATIO even with the largest bonus (typeBonus never exceeds TYPE_BONUS) can
    // neither be chosen nor change what is; nor can any after it, as they score lower and floor only rises. They
    // are left untagged: the selection is the same as with every candidate tagged.
    let floor = candidates[0]?.score ?? 0;
    for (const c of candidates.slice(0, TAGGED_CANDIDATES)) {
      if (floor > 0 && c.score + TYPE_BONUS < floor * KEEP_RATIO) break;
      c.score += typeBonus(question, c.text, c.matchedAt);
      floor = Math.max(floor, c.score);
    }
    candidates.sort((a, b) => b.score - a.score);
  }

  const best = candidates[0];
  if (!best || best.score <= 0) return { evidence: [], coverage: 0, typeFound: false };
  const chosen = [best];
  const covered = [...best.gain];
  for (const c of candidates.slice(1)) {
    if (chosen.length >= MAX_SENTENCES || c.score < best.score * KEEP_RATIO) break;
    // A further sentence must add part of the question the chosen ones leave open, and not repeat them.
    const adds = c.gain.reduce((sum, g, i) => sum + Math.max(0, g - covered[i]!), 0);
    if (adds < NEW_COVERAGE * total || chosen.some((x) => overlap(x.stems, c.stems) > 0.6)) continue;
    chosen.push(c);
    c.gain.forEach((g, i) => {
      covered[i] = Math.max(covered[i]!, g);
    });
  }
  const coverage = covered.reduce((a, b) => a + b, 0) / total;
  // Read in document order: the answer should flow as the source does.
  chosen.sort((a, b) => a.passage.docId.localeCompare(b.passage.docId) || a.span.start - b.span.start);
  const typeFound = chosen.some((c) => mentionsIn(c.text).has(question.type));
  return { evidence: chosen.map(({ stems: _s, gain: _g, matchedAt: _m, ...e }) => e), coverage, typeFound };
}
