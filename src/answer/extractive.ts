// Extractive answering: scores the sentences of the retrieved passages against the question and picks the answer.
import { spanText } from "../corpus/passages.js";
import type { Passage, Span } from "../corpus/types.js";
import type { RetrievedPassage } from "../retrieval/retriever.js";
import { isHeaderRow, isTableRow, withLabels } from "../text/table.js";
import { LocalHashEmbeddings, SENTENCE_SCHEME } from "../embeddings/local.js";
import { isWordNetWord } from "../text/wordnet.js";
import { hasCyrillic, type Token, tokenize } from "../text/tokenize.js";
import {
  answerMentions,
  bodiesNamed,
  definitionsOf,
  namedByQuestion,
  anotherBy,
  picksOut,
} from "./entities.js";
import { type CandidateView, FEATURES, featureVector, hasShape, type QuestionContext } from "./features.js";
import { MAX_LEAD, type Scorer } from "./scorer.js";
import { notKnownIn } from "./undisclosed.js";
import { WordVectors } from "../text/word-vectors.js";
import { isCognate, ordinalBefore, ordinalRank, type QueryTerm, type Question } from "./question.js";

export interface Evidence {
  passage: Passage;
  span: Span;
  text: string;
  score: number;
  /** Query terms this sentence matches (stems). */
  matched: Set<string>;
  /** Rank of its passage in retrieval, from 0. */
  rank: number;
  /** For a table row, its table's header row: the row is read with its labels. */
  header?: string;
}

export interface ScoredCandidate {
  evidence: Evidence;
  features: number[];
  /** The scorer's ranking score. */
  rank: number;
}

export interface Selection {
  evidence: Evidence[];
  /** The scorer's probability that the best sentence answers (0..1): the abstention signal. */
  confidence: number;
  /** Weighted share of the question's terms that the chosen sentences match (0..1). */
  coverage: number;
  /** Every candidate, best first, with its features: for the trace that fitting reads. */
  candidates: ScoredCandidate[];
  /** The best sentence says that what is asked is not known or not decided yet (`notKnownIn`): none answers. */
  notKnown?: boolean;
}

const PREFIX_MATCH = 0.8;
const SYNONYM_MATCH = 0.6;
const COMPOUND_MATCH = 0.6;
const RELATED_MATCH = 0.7;
const NARROWER_MATCH = 0.5;
const COGNATE_MATCH = 0.6;
const NAME_PART_MATCH = 0.8;
const TYPE_BONUS = 0.25;
/** An expected mention this close (in characters) to a matched question word gets the full bonus; farther, half. */
const NEAR = 40;
/** Only the best lexical candidates go through the (slower) tagger. */
const TAGGED_CANDIDATES = 6;
/** How many more the tagger reads, one at a time, while the scorer's first is one it has not read. */
const LATE_TAGGED = 4;
/** Where `picksAnother` stands among the features. */
const PICKS_ANOTHER = FEATURES.findIndex((f) => f.name === "picksAnother");

/** Sentences in the order the corpus has them: by document, then by offset. */
export function documentOrder(
  a: { passage: Passage; span: Span },
  b: { passage: Passage; span: Span },
): number {
  return a.passage.docId.localeCompare(b.passage.docId) || a.span.start - b.span.start;
}

/** A small edge for sentences of passages retrieval ranked higher: it decides between equals. */
const rankPrior = (rank: number) => 0.05 / (rank + 1);

/**
 * "spearhead" is a compound of "head": it ends in it, after a word of four letters or more ("spear"). "profound" is
 * not a compound of "found": "pro" is a prefix.
 */
export function isCompoundOf(stem: string, part: string): boolean {
  if (part.length < 4 || stem.length < part.length + 4 || !stem.endsWith(part)) return false;
  return isWordNetWord(stem.slice(0, -part.length));
}

/**
 * How well one stem of a sentence matches one query term: 1 exact; less for an ending the stemmer left on
 * ("partner" ~ "partnership"), a synonym, a compound ending in the word or a synonym ("spearhead" ~ "head"), or a
 * derivation ("urgency" ~ "urgent"), a way of doing what a verb says ("conclude" for "finish"), or, for a Russian
 * word, its English cognate ("сессия" ~ "session"); an ordinal matches one of the same rank in any language ("пятая"
 * ~ "fifth"). A sentence matches a term as well as its best stem does.
 */
function stemMatch(term: TermSets, stem: string): number {
  if (stem === term.term || term.forms.has(stem)) return 1;
  let best = 0;
  // (Not an ordinal's: "eighth" is no form of the "eight" in "fifty-eight".)
  if (
    term.rank === undefined &&
    term.term.length >= 5 &&
    stem.length >= 5 &&
    derivedByEnding(stem, term.term)
  )
    best = PREFIX_MATCH;
  if (isCompoundOf(stem, term.term)) best = Math.max(best, COMPOUND_MATCH);
  if (term.related.has(stem)) best = Math.max(best, RELATED_MATCH);
  if (best < SYNONYM_MATCH && term.synonyms.has(stem)) best = SYNONYM_MATCH;
  // A compound is at least four letters longer than its last word: the shortest synonym decides whether to look.
  if (best < SYNONYM_MATCH && stem.length >= term.shortestSynonym + 4) {
    for (const syn of term.synonyms) if (isCompoundOf(stem, syn)) best = SYNONYM_MATCH;
  }
  if (term.narrower.has(stem)) best = Math.max(best, NARROWER_MATCH);
  if (term.cognate && isCognate(term.cognate, stem)) best = Math.max(best, COGNATE_MATCH);
  // An ordinal means the same in either language: "пятая" is "fifth" is "5th".
  if (term.rank !== undefined && ordinalRank(stem) === term.rank) best = 1;
  return best;
}

/**
 * Whether one stem is the other with an ending the stemmer leaves on ("partner", "partnership"; "elect",
 * "electoral"), not merely the same start ("tally", "Tallinn"; "count", "countries").
 */
function derivedByEnding(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!long.startsWith(short)) return false;
  // (Russian words have too many endings to list: a shared start of five letters is taken.)
  return hasCyrillic(long) || DERIVING_ENDING.test(long.slice(short.length));
}
const DERIVING_ENDING =
  /^(?:ship|ment|ness|iti|ion|ation|ative|ive|al|ali|ial|enti|er|or|r|ing|ist|ism|ian|ic|ical|anc|enc|ant|ent|abl|ibl|ful|less|hood|dom|iz|is|ization|isation|ari|ori|ur|atur|e|s|es)$/;

/** A query term with its lists as sets: every distinct stem of the sentences read is looked up in them. */
interface TermSets {
  term: string;
  forms: Set<string>;
  synonyms: Set<string>;
  shortestSynonym: number;
  related: Set<string>;
  narrower: Set<string>;
  cognate?: string;
  /** For an ordinal ("fifth", "пят"), which one of a series it picks (`ordinalRank`). */
  rank?: number;
  phrases?: string[][];
}

function termSets(t: QueryTerm): TermSets {
  const rank = ordinalRank(t.term);
  return {
    term: t.term,
    forms: new Set(t.forms),
    synonyms: new Set(t.synonyms),
    shortestSynonym: Math.min(...t.synonyms.map((s) => s.length)),
    related: new Set(t.related),
    narrower: new Set(t.narrower),
    ...(t.cognate !== undefined ? { cognate: t.cognate } : {}),
    ...(rank !== undefined ? { rank } : {}),
    ...(t.phrases ? { phrases: t.phrases } : {}),
  };
}

/** stemMatch for every term of a question, worked out once per distinct stem: stems recur across sentences. */
export class StemMatcher {
  private readonly cache = new Map<string, Float64Array>();
  private readonly sets: TermSets[];

  constructor(private readonly terms: QueryTerm[]) {
    this.sets = terms.map(termSets);
  }

  /** Match of `stem` with each term, in the question's term order. */
  of(stem: string): Float64Array {
    let m = this.cache.get(stem);
    if (!m) {
      // A plain loop: `Float64Array.from` with a mapping function goes through the iterator protocol, and this runs
      // for every distinct stem of the pool's sentences.
      m = new Float64Array(this.sets.length);
      for (let i = 0; i < m.length; i++) m[i] = stemMatch(this.sets[i]!, stem);
      this.cache.set(stem, m);
    }
    return m;
  }

  /** Whether `stem` matches any term. */
  any(stem: string): boolean {
    return this.of(stem).some((x) => x > 0);
  }

  /**
   * Per term, its weight times how well the best of `stems` matches it: what a sentence covers of the question. A
   * word of a name counts as nearly matched where another word of the name is: texts shorten names ("this
   * congress" for the "Congress of People's Deputies", "Ponomarev" for "Ilya Ponomarev").
   */
  gains({ stems, other }: Matchable, weights: number[]): number[] {
    const gain = weights.map(() => 0);
    for (const stem of stems) {
      const m = this.of(stem);
      for (let i = 0; i < gain.length; i++) gain[i] = Math.max(gain[i]!, m[i]!);
    }
    this.sets.forEach((t, i) => {
      // A translation of several words matches where the sentence has them together (`matchable`).
      if (t.phrases?.some((p) => stems.has(phraseKey(p)))) gain[i] = 1;
      if (other.has(t.term)) gain[i] = 0;
    });
    this.terms.forEach((t, i) => {
      if (t.name === undefined) return;
      const named = this.terms.some((u, j) => u.name === t.name && gain[j] === 1);
      if (named) gain[i] = Math.max(gain[i]!, NAME_PART_MATCH);
    });
    return gain.map((g, i) => g * weights[i]!);
  }
}

/**
 * Bonus for mentioning what the question asks for (a person for "who"…, an enumeration for "what elements"), more
 * when it sits near a matched word. When the question asks for several ("which countries"), a sentence naming three
 * or more gets the whole bonus.
 */
function typeBonus(question: Question, text: string, matchedAt: Span[]): number {
  const mentions = mentionsOf(question, text);
  if (mentions.length === 0) return 0;
  const near = mentions.some((m) =>
    matchedAt.some((w) => Math.max(w.start - m.end, m.start - w.end) <= NEAR),
  );
  const share = question.several ? Math.min(1, mentions.length / 3) : 1;
  return (near ? TYPE_BONUS : TYPE_BONUS / 2) * share;
}

/**
 * Character n-grams catch what stems and the thesaurus miss (derivations, partial words), so a sentence's
 * embedding similarity to the question counts too. Always local: cheap, offline, whatever the index uses.
 */
const sentenceEmbedder = new LocalHashEmbeddings({ dimension: 1024, scheme: SENTENCE_SCHEME });
/** Calibrated on test/eval/questions.json (citation precision and recall rose; 0.3–2.5 tried). */
const SIMILARITY_WEIGHT = 1.0;

type Candidate = Evidence & {
  tokens: Token[];
  stems: Set<string>;
  gain: number[];
  matchedAt: Span[];
  coverage: number;
  /** Coverage where a word near in meaning (by word vectors) counts for part of a term it does not match. */
  softCoverage: number;
  contextCoverage: number;
  /** Per term, its weight times how well the sentence or its context matches it. */
  contextGain: number[];
  worstMiss: number;
  headingCoverage: number;
  contextText: string;
  similarity: number;
};

/**
 * Tokens of recently scored sentences: re-ranking and selection read the same sentences, and a busy bot is asked
 * about the same passages again and again. Emptied when full.
 */
const tokenCache = new Map<string, ReturnType<typeof tokenize>>();
const TOKEN_CACHE_LIMIT = 20_000;

export function sentenceTokens(text: string): ReturnType<typeof tokenize> {
  let tokens = tokenCache.get(text);
  if (!tokens) {
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(text, (tokens = tokenize(text)));
  }
  return tokens;
}

/** What of a sentence can match the question's terms. */
export interface Matchable {
  stems: Set<string>;
  /** Terms the sentence cannot match at all: it qualifies them with another ordinal, so speaks of another one. */
  other: Set<string>;
}

/**
 * What of a sentence can match the question: all its stems, less a word the question qualifies with an ordinal
 * that the sentence qualifies with another ("the next session" is not "the fifth session"), and less a synonym of
 * that ordinal that qualifies something else. Such a term matches nothing in the sentence, not even by a synonym:
 * "the fifth plenary session" of the Congress is not "the sixth meeting", though a congress is a meeting.
 */
export function matchable(question: Question, tokens: Token[]): Matchable {
  const stems = new Set(tokens.map((t) => t.term));
  const other = new Set<string>();
  // A translation of several words is said where they stand together, stop words aside ("уполномоченный по правам
  // человека"): it counts as one more stem of the sentence (`phraseKey`).
  const phrased = question.terms.filter((t) => t.phrases);
  if (phrased.length > 0) {
    const content = tokens.filter((t) => !t.stop).map((t) => t.term);
    for (const term of phrased)
      for (const p of term.phrases!)
        if (content.some((_, i) => p.every((w, j) => content[i + j] === w))) stems.add(phraseKey(p));
  }
  for (const term of question.terms) {
    if (!term.ordinal) continue;
    const rank = ordinalRank(term.ordinal);
    // The word or a kind of it: "the fifth plenary session" qualifies a meeting.
    const same = (t: Token) =>
      t.term === term.term ||
      (term.cognate !== undefined && isCognate(term.cognate, t.term)) ||
      term.narrower.includes(t.term);
    const ordinals = tokens.flatMap((t, i) => (same(t) ? [ordinalBefore(tokens, i)] : []));
    const ranks = ordinals.map((o) => (o === undefined ? undefined : ordinalRank(o)));
    if (!(ranks.includes(rank) || ranks.every((r) => r === undefined))) {
      for (const t of tokens) if (same(t)) stems.delete(t.term);
      other.add(term.term);
    }
    // A synonym of the ordinal counts where it qualifies the same word ("its inaugural session" for "its first
    // session"), not anywhere ("Russia's political future" is no "next session").
    const ordinal = question.terms.find((t) => t.term === term.ordinal);
    // (Not for a Russian question: its word for the qualified thing rarely meets the English one.)
    if (!ordinal || question.cyrillic) continue;
    const synonyms = new Set(ordinal.synonyms);
    const qualifying = new Set(
      tokens.filter((_, i) => tokens.slice(i + 1, i + 3).some(same)).map((t) => t.term),
    );
    for (const t of tokens)
      if (synonyms.has(t.term) && ordinalRank(t.term) !== rank && !qualifying.has(t.term))
        stems.delete(t.term);
  }
  return { stems, other };
}

/** How a translation of several words stands among a sentence's stems where its words stand together. */
export const phraseKey = (phrase: string[]) => `\u0001${phrase.join(" ")}`;

/** Below this cosine two words are not near in meaning; at SOFT_FULL and above a near word counts SOFT_MATCH. */
const SOFT_FLOOR = 0.4;
const SOFT_FULL = 0.8;
const SOFT_MATCH = 0.7;

/**
 * Per sentence, the weighted match of the question's terms where a term unmatched by its stem counts by the nearest
 * word in meaning ("came" ~ "attended", "allies" ~ "partners"), from English word vectors: an English term by its own
 * word, a Russian one by its translations the corpus has ("союзники" by "allies"); a sentence's English words only.
 */
function softMatcher(question: Question, vectors: WordVectors) {
  const known = question.terms.map((t) => englishWordsOf(t, vectors));
  const cache = new Map<string, number>();
  const near = (a: string, b: string) => {
    const key = `${a} ${b}`;
    let v = cache.get(key);
    if (v === undefined) {
      const cos = vectors.similarity(a, b) ?? 0;
      v = Math.max(0, Math.min(1, (cos - SOFT_FLOOR) / (SOFT_FULL - SOFT_FLOOR))) * SOFT_MATCH;
      cache.set(key, v);
    }
    return v;
  };
  return (tokens: Token[], gain: number[], weights: number[]): number => {
    let sum = 0;
    known.forEach((words, i) => {
      let best = gain[i]!;
      if (words.length > 0 && best < weights[i]! * SOFT_MATCH) {
        for (const t of tokens)
          if (!t.stop)
            for (const word of words)
              if (t.word !== word) best = Math.max(best, weights[i]! * near(word, t.word));
      }
      sum += best;
    });
    return sum;
  };
}

/** How many of a Russian term's English translations are compared by meaning (1–6 measured alike). */
const TRANSLATIONS_COMPARED = 3;

/**
 * The English words a question term is compared by in meaning: an English word its own, a Russian word the commonest
 * words of its translations' stems that the corpus has (`expandQuestion` adds those to its forms); none for a phrase.
 */
export function englishWordsOf(term: QueryTerm, vectors: WordVectors): string[] {
  if (!term.word) return [];
  if (!hasCyrillic(term.word)) return vectors.has(term.word) ? [term.word] : [];
  const words = term.forms.filter((f) => !hasCyrillic(f)).map((f) => vectors.wordOfStem(f));
  return [...new Set(words.filter((w): w is string => w !== undefined))].slice(0, TRANSLATIONS_COMPARED);
}

/**
 * How many passages back a table's header is looked for (the search stops sooner where the table does): a register of
 * thirty long rows runs over more than four passages, and its rows were read without their header at 4.
 */
const HEADER_REACH = 12;

/**
 * The header row of the table `passage` opens with a row of: the last header row in the passages before it, if only
 * rows stand between.
 */
function tableHeaderBefore(
  passage: Passage,
  preceding: (p: Passage) => Passage | undefined,
): string | undefined {
  let p = preceding(passage);
  for (let hops = 0; p && hops < HEADER_REACH; hops++, p = preceding(p)) {
    for (const span of [...p.sentences].reverse()) {
      if (span.end > passage.start) continue; // overlapping windows
      const text = spanText(p, span);
      if (!isTableRow(text)) return undefined;
      if (isHeaderRow(p.text, span.end - p.start)) return text;
    }
  }
  return undefined;
}

/**
 * Each sentence of a passage with the header row of the table it is a row of: above it in the passage, or, for a
 * passage that opens with rows, in the passages before it (`preceding`). None for a header row itself or for prose.
 */
export function sentencesWithHeaders(
  passage: Passage,
  preceding: (p: Passage) => Passage | undefined,
): { span: Span; text: string; header?: string }[] {
  const first = passage.sentences[0];
  let header =
    first && isTableRow(spanText(passage, first)) ? tableHeaderBefore(passage, preceding) : undefined;
  return passage.sentences.map((span) => {
    const text = spanText(passage, span);
    const row = isTableRow(text);
    const isHeader = row && isHeaderRow(passage.text, span.end - passage.start);
    if (!row || isHeader) header = undefined;
    const read = { span, text, ...(header ? { header } : {}) };
    if (isHeader) header = text;
    return read;
  });
}

/**
 * What a sentence covers read with its context: the share of the question's weight, and the largest share that one
 * term leaves unmatched (a near miss names all but one thing: "the seventh session", "the annual budget").
 */
function contextual(gain: number[], contextGain: number[], weights: number[], total: number) {
  const best = gain.map((g, i) => Math.max(g, contextGain[i]!));
  const sum = best.reduce((a, b) => a + b, 0);
  const worst = Math.max(0, ...best.map((g, i) => weights[i]! - g));
  return { contextCoverage: sum / total, contextGain: best, worstMiss: worst / total };
}

/**
 * Every sentence of the retrieved passages with what the scorer reads of it: its coverage of the question's terms
 * alone and with its context (the passage's heading and title, the two sentences before it), its n-gram similarity to
 * the question and its passage's retrieval rank; best first by their plain sum. Only sentences that match some term
 * are compared with the question, unless none does: then all are, to offer the nearest as related. (The comparison
 * is a third of the scoring's time, and most sentences of a pool match nothing.)
 */
function scoreSentences(
  question: Question,
  retrieved: RetrievedPassage[],
  weights: number[],
  total: number,
  vectors: WordVectors = WordVectors.none,
  preceding: (passage: Passage) => Passage | undefined = () => undefined,
): Candidate[] {
  const soft = softMatcher(question, vectors);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const matcher = new StemMatcher(question.terms);
  const coverageOf = (m: Matchable) => matcher.gains(m, weights).reduce((a, b) => a + b, 0) / total;
  retrieved.forEach(({ passage }, rank) => {
    const headingText = `${passage.title}\n${passage.heading}`;
    const heading = sentenceTokens(headingText);
    const headingCoverage = coverageOf({ stems: new Set(heading.map((t) => t.term)), other: new Set() });
    const before: { stems: Set<string>; text: string }[] = [];
    // A table row's context is the table's header row, up to twelve passages above it.
    const headers = new Map<string, { stems: Set<string>; text: string }>();
    const headerOf = (text: string) => {
      let h = headers.get(text);
      if (!h) headers.set(text, (h = { stems: matchable(question, sentenceTokens(text)).stems, text }));
      return h;
    };
    for (const { span, text, header: rowHeader } of sentencesWithHeaders(passage, preceding)) {
      const tokens = sentenceTokens(text);
      const match = matchable(question, tokens);
      const near = rowHeader ? [headerOf(rowHeader)] : before.slice(-2);
      const context = new Set([
        ...match.stems,
        ...heading.map((t) => t.term),
        ...near.flatMap((x) => [...x.stems]),
      ]);
      const contextText = [headingText, ...near.map((x) => x.text), text].join("\n");
      before.push({ stems: match.stems, text });
      const key = `${passage.docId}:${span.start}`;
      if (seen.has(key)) continue; // overlapping windows repeat sentences
      seen.add(key);
      const { stems } = match;
      const gain = matcher.gains(match, weights);
      const matchedAt = tokens.filter((tok) => stems.has(tok.term) && matcher.any(tok.term));
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
        tokens,
        coverage,
        ...contextual(gain, matcher.gains({ stems: context, other: match.other }, weights), weights, total),
        softCoverage: soft(tokens, gain, weights) / total,
        headingCoverage,
        contextText,
        ...(rowHeader ? { header: rowHeader } : {}),
        similarity: 0,
        score: coverage,
      });
    }
  });
  const compared = candidates.some((c) => c.score > 0) ? candidates.filter((c) => c.score > 0) : candidates;
  const qv = compared.length > 0 ? sentenceEmbedder.embedText(question.text) : [];
  for (const c of compared) {
    c.similarity = sentenceEmbedder.similarity(qv, c.text, c.tokens);
    c.score += SIMILARITY_WEIGHT * c.similarity;
  }
  for (const c of candidates) c.score += rankPrior(c.rank);
  return candidates.sort((a, b) => b.score - a.score);
}

const nothingSelected = (): Selection => ({ evidence: [], confidence: 0, coverage: 0, candidates: [] });

/**
 * Chooses the sentence that answers: every candidate gets the scorer's score from its features; the best one not
 * ruled out is chosen, with a sentence it reads on from or into. The selection's confidence is the abstainer's
 * probability for it: the pipeline abstains under the scorer's threshold.
 */
export function selectEvidence(
  question: Question,
  retrieved: RetrievedPassage[],
  weight: (term: QueryTerm) => number,
  context: Omit<QuestionContext, "question">,
  scorer: Scorer,
  vectors: WordVectors = WordVectors.none,
  preceding?: (passage: Passage) => Passage | undefined,
): Selection {
  const weights = question.terms.map(weight);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return nothingSelected();
  const all = scoreSentences(question, retrieved, weights, total, vectors, preceding);
  const candidates = all.filter((c) => question.focus === undefined || c.matched.has(question.focus));
  if (candidates.length === 0) return nothingSelected();
  const ctx: QuestionContext = { ...context, question };
  // The tagger takes milliseconds a sentence: only the best few candidates are read for a type by it.
  const typed =
    question.type !== "other" ||
    question.several ||
    question.defines !== undefined ||
    question.asks.institution !== undefined;
  // By what the sentence and its context match: the answer is often a short sentence after the one naming the topic.
  const prelim = (c: Candidate) => c.coverage + c.contextCoverage + c.similarity;
  // "What is X?" is read by a pattern, not the tagger: every candidate can be.
  const definitionOnly = question.defines !== undefined && question.type === "other";
  const tagged = new Set(
    definitionOnly
      ? candidates
      : typed
        ? [...candidates].sort((a, b) => prelim(b) - prelim(a)).slice(0, TAGGED_CANDIDATES)
        : [],
  );
  const byDocument = new Map<string, { gain: number[]; matched: Set<string> }>();
  for (const c of all) {
    const d = byDocument.get(c.passage.docId) ?? { gain: weights.map(() => 0), matched: new Set<string>() };
    c.gain.forEach((g, i) => {
      d.gain[i] = Math.max(d.gain[i]!, g);
    });
    for (const m of c.matched) d.matched.add(m);
    byDocument.set(c.passage.docId, d);
  }
  const bestCoverage = Math.max(...candidates.map((c) => c.coverage));
  // The hand-weighted score the answerer ranked by before it had fitted weights: one more opinion to weigh.
  const matcher = new StemMatcher(question.terms);
  const read = new Map(candidates.map((c) => [c, asRead(c, matcher)]));
  const bonus = new Map(
    [...tagged].map((c) => {
      const r = read.get(c) ?? c;
      return [c, typeBonus(question, r.text, r.matchedAt)];
    }),
  );
  const plain = new Map(candidates.map((c) => [c, c.score + (bonus.get(c) ?? 0)]));
  const bestPlain = Math.max(...plain.values());
  /** Candidates past the tagged few that the tagger checked for the answer's type after all. */
  const checked = new Map<Candidate, boolean>();
  const scoreOf = (c: Candidate) => {
    const doc = byDocument.get(c.passage.docId)!;
    const another = anotherBy(question, c.text, c.contextText, c.passage.title, c.passage.heading);
    const view: CandidateView = {
      text: c.text,
      read: read.get(c)!.text,
      passage: c.passage,
      span: c.span,
      rank: c.rank,
      coverage: c.coverage,
      softCoverage: c.softCoverage,
      contextCoverage: c.contextCoverage,
      worstMiss: c.worstMiss,
      documentWorstMiss: Math.max(0, ...doc.gain.map((g, i) => weights[i]! - g)) / total,
      headingCoverage: c.headingCoverage,
      contextText: c.contextText,
      documentCoverage: doc.gain.reduce((a, b) => a + b, 0) / total,
      bestCoverage,
      similarity: c.similarity,
      plainScore: plain.get(c)!,
      plainBest: plain.get(c)! >= bestPlain,
      // The rest are judged by their surface shape alone (a digit for "how many"): the tagger is the slow part.
      ...(tagged.has(c)
        ? { typeFound: hasType(question, c), typeNear: bonus.get(c)! / TYPE_BONUS }
        : typed
          ? { typeFound: checked.get(c) ?? cheapType(question, c.text) }
          : {}),
      matched: c.matched,
      documentMatched: doc.matched,
      givesResponse: question.response !== undefined && givesResponse(question, c.text),
      speaksOfAnother: another !== undefined,
      picksAnother: picksOut(another),
    };
    const features = featureVector(view, ctx);
    return { c, features, rank: scorer.rank(features) };
  };
  const byRank = (a: { c: Candidate; rank: number }, b: { c: Candidate; rank: number }) =>
    b.rank - a.rank || b.c.score - a.c.score;
  const scored = candidates.map(scoreOf).sort(byRank);
  // The tagger read only the best few by their words: one the scorer puts first without it is checked by it too, so
  // that no sentence answers by its surface shape alone (a year for "How old…?").
  for (let round = 0; typed && round < LATE_TAGGED; round++) {
    const i = scored.findIndex((x) => !scorer.vetoed(x.features));
    const c = scored[i]?.c;
    if (!c || tagged.has(c) || checked.has(c)) break;
    checked.set(c, hasType(question, c));
    scored[i] = scoreOf(c);
    scored.sort(byRank);
  }
  // A vetoed candidate cannot answer; the nearest is still offered as related when none can. Where the best of all
  // picks another one itself ("The Helsinki session cost €38,500" for "…the Berlin session?"), the documents speak of
  // another: none answers, rather than the next best ("The Assembly's budget for this year is €240,000").
  // A sentence that asks ("Do you have a Free Russia passport yourself?") states nothing: it cannot answer.
  // A sentence that says what is asked is not known ("exact dates have not yet been set") cannot answer either; where
  // the best of all says so, the documents say they do not know, and none answers.
  const saysNotKnown = notKnownIn(question);
  const notKnown = saysNotKnown(scored[0]!.c.text);
  const allowed =
    scored[0]!.features[PICKS_ANOTHER]! > 0 || notKnown
      ? []
      : scored.filter((x) => !scorer.vetoed(x.features) && !asks(x.c.text) && !saysNotKnown(x.c.text));
  const traced = scored.map(({ c, features, rank }) => ({ evidence: toEvidence(c), features, rank }));
  if (allowed.length === 0) {
    const nearest = scored[0]!.c;
    return {
      evidence: [toEvidence(nearest)],
      confidence: 0,
      coverage: nearest.coverage,
      candidates: traced,
      ...(notKnown ? { notKnown } : {}),
    };
  }
  const best = allowed[0]!;
  const second = allowed[1]?.rank ?? best.rank - MAX_LEAD;
  const confidence = scorer.confidence(best.rank, best.rank - second, best.features);
  // One sentence answers, with the sentences it reads on from or into (`extendByContinuations`). A further sentence
  // that answers nearly as well, read beside it, added no fact on any evaluation set and cost citation precision.
  const chosen = [best.c];
  const covered = [...best.c.gain];
  extendByContinuations(question, chosen, covered, all);
  // Read in document order: the answer should flow as the source does.
  chosen.sort(documentOrder);
  return {
    evidence: chosen.map(toEvidence),
    confidence,
    coverage: covered.reduce((a, b) => a + b, 0) / total,
    candidates: traced,
  };
}

/**
 * Whether a sentence asks a question: it ends in a question mark, before any closing quote or emphasis. One that
 * reports a question ("He asked: “Where is the money?”") states who asked it.
 */
export function asks(sentence: string): boolean {
  return /\?[\s*_"'»”’]*$/u.test(sentence) && !/\p{L}{2,}[,:]?\s+[“«"„][^“«"„”»]*\?[”»"]\s*$/u.test(sentence);
}

/** Without the tagger: what "What is X?" defines X as (a pattern), or the surface shape of the answer's type. */
function cheapType(question: Question, text: string): boolean {
  if (question.defines) return definitionsOf(question.defines, text).length > 0;
  return hasShape(question.type, text);
}

function toEvidence(c: Candidate): Evidence {
  const { passage, span, text, score, matched, rank, header } = c;
  return { passage, span, text, score, matched, rank, ...(header ? { header } : {}) };
}

/**
 * Whether a sentence gives the response "How did X respond…?" or "What did X say?" asks for: the verb in some form, a
 * synonym or a derivation ("said", "stated", "reaction"), or quoted words. Not a way of saying it: "representing" is
 * one of "say" in WordNet.
 */
export function givesResponse(question: Question, text: string): boolean {
  const term = question.terms.find((t) => t.term === question.response);
  if (/["“«„][^"“”«»„]{3,}["”»“]/u.test(text)) return true;
  if (!term) return false;
  const stems = new Set([term.term, ...term.forms, ...term.synonyms, ...term.related]);
  return sentenceTokens(text).some((t) => stems.has(t.term));
}

/**
 * A question that only a sentence with a date ("When…?"), a number ("How many…?"), someone ("Who won…?") or a place of
 * a kind ("Which city…?", "Where was she born?"), or of a meeting ("Where was the session held?"), answers.
 */
export function needsType(question: Question): boolean {
  if (question.type === "date" || question.type === "number") return true;
  if (question.type === "place" && question.asks.placeOnly) return true;
  return question.asks.whoDid || question.asks.institution !== undefined;
}

/**
 * What a sentence offers of what the question asks: a date for "When…", a person for "Who…"; for "What is X?" or
 * "Who is X?", first what the sentence says X is.
 */
function mentionsOf(question: Question, text: string): Span[] {
  const defined = question.defines ? definitionsOf(question.defines, text) : [];
  if (defined.length > 0 || (question.defines && question.type === "other")) return defined;
  return answerMentions(question, text);
}

/**
 * A sentence as the scorer reads it, with the words there that match the question: a table row with its header's
 * labels ("Against: 6; Abst.: 7"), so that the words of a column stand next to its value; any other sentence as it is.
 */
function asRead(c: Candidate, matcher: StemMatcher): { text: string; matchedAt: Span[] } {
  const text = withLabels(c.text, c.header);
  return text === c.text ? c : { text, matchedAt: sentenceTokens(text).filter((t) => matcher.any(t.term)) };
}

function hasType(question: Question, c: { text: string; header?: string }): boolean {
  // A table row is read with its header: "Abstained: 7" counts abstentions, "Chair: Anton Rybakov" chaired.
  const read = withLabels(c.text, c.header);
  if (read !== c.text) return hasType(question, { text: read });
  if (!question.asks.whoDid) return mentionsOf(question, c.text).length > 0;
  // Someone who does something, not someone a thing belongs to: "Putin's regime", "post-Putin Russia"; nor the
  // question's own name in the other script ("Ильи Пономарёва" for "Who stood against Ponomarev?").
  const doer = (m: Span) =>
    !/['’]s?$/.test(c.text.slice(m.start, m.end)) &&
    !/^['’]s\b/.test(c.text.slice(m.end)) &&
    !/-$/.test(c.text.slice(0, m.start)) &&
    !namedByQuestion(question, c.text.slice(m.start, m.end));
  return [...mentionsOf(question, c.text), ...bodiesNamed(question.text, c.text)].some(doer);
}

/**
 * Words that open a sentence about what the one before it named: "This framework…", "These partnerships…", "She
 * said…", "Эти меры…". Such a sentence is not understood alone.
 */
const POINTING_BACK = new Set([
  ..."this these such he she it they its his her their".split(" "),
  // Normalized words: "её" is read "ее".
  ..."этот эта это эти такой такая такие он она оно они его ее их".split(" "),
]);

function pointsBack(sentence: Candidate): boolean {
  const first = sentence.tokens[0];
  return first !== undefined && POINTING_BACK.has(first.word);
}

/**
 * A chosen sentence that points back ("These partnerships are instrumental…") is quoted with the sentence before it,
 * which says what it points at ("…strategic alliances with Ukraine, Poland…"); so is one that answers the question
 * before it ("— Нет." after "— Будете ли вы снова баллотироваться в 2026 году?"). A chosen sentence is also quoted with
 * the next one when that one points back at it and answers more: it matches a question term better than the chosen
 * sentences do, or it has what the question asks for (an enumeration, a date…) and the chosen sentence has not. "What
 * elements make up the plan?" is answered by "…set forth a comprehensive framework… This framework encompasses
 * legislative power, strategic planning…": the first sentence alone names no element, and the second alone does not
 * say whose framework it is.
 */
function extendByContinuations(
  question: Question,
  chosen: Candidate[],
  covered: number[],
  all: Candidate[],
): void {
  const taken = new Set(chosen);
  const neighbour = (c: Candidate, step: number) => {
    const at = c.passage.sentences.findIndex((s) => s.start === c.span.start);
    const span = at < 0 ? undefined : c.passage.sentences[at + step];
    const found = span && all.find((x) => x.passage.docId === c.passage.docId && x.span.start === span.start);
    return found && !taken.has(found) ? found : undefined;
  };
  const absorb = (x: Candidate) => {
    taken.add(x);
    x.gain.forEach((g, j) => {
      covered[j] = Math.max(covered[j]!, g);
    });
  };
  chosen.forEach((c, i) => {
    let span = c.span;
    const matched = new Set(c.matched);
    const before = neighbour(c, -1);
    const prev = before && (pointsBack(c) || asks(before.text)) ? before : undefined;
    if (prev) {
      span = { start: prev.span.start, end: span.end };
      for (const m of prev.matched) matched.add(m);
      absorb(prev);
    }
    const next = neighbour(c, 1);
    const answersMore = (x: Candidate) =>
      x.gain.some((g, j) => g > covered[j]!) || (hasType(question, x) && !hasType(question, c));
    if (next && pointsBack(next) && answersMore(next)) {
      span = { start: span.start, end: next.span.end };
      for (const m of next.matched) matched.add(m);
      absorb(next);
    }
    if (span !== c.span) chosen[i] = { ...c, span, text: spanText(c.passage, span), matched };
  });
}
