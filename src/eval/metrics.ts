// Scores one answer against its question, and summarizes the scores, exactly as ../shared/CONTRACTS.md defines the metrics.
import type { Answer, Citation, PassageRef } from "../answer/answer.js";
import type { CorpusTexts } from "./corpus-texts.js";
import { coversAny, type DocSpan, matchFacts } from "./match.js";
import type { EvalQuestion } from "./questions.js";

export const METRIC_NAMES = [
  "hitAtK",
  "mrr",
  "factRecall",
  "citationPrecision",
  "citationRecall",
  "quoteExactness",
  "abstainAccuracy",
  "falseAbstainRate",
  "p50Ms",
  "p95Ms",
  "baselineHitAtK",
  "baselineMrr",
  "leadShare",
  "leadFactRecall",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** For these a smaller value is better, so a threshold on them is a ceiling. */
export const LOWER_IS_BETTER: ReadonlySet<MetricName> = new Set(["falseAbstainRate", "p50Ms", "p95Ms"]);

export const isMetricName = (s: string): s is MetricName => (METRIC_NAMES as readonly string[]).includes(s);

/** A metric is null when nothing in the run could measure it (no unanswerable questions, no citations...). */
export type Metrics = Record<MetricName, number | null> & {
  n: number;
  nAnswerable: number;
  nUnanswerable: number;
  /** Questions whose pipeline call threw. */
  errors: number;
};

/** One band of the answerer's confidence: how many questions fell in it, were answered, and were answered right. */
export interface ReliabilityBand {
  band: string;
  questions: number;
  answered: number;
  /** Answered answerable questions with a citation that covers their evidence. */
  right: number;
}

export interface Summary extends Metrics {
  /** Per confidence band (extractive mode). */
  reliability: ReliabilityBand[];
  k: number;
  mode: "extractive" | "llm";
  byTag: Record<string, Metrics>;
  excludedTags: string[];
}

export interface ScoredCitation extends Citation {
  /** Overlaps at least half of an evidence occurrence of its question; null when the question has no evidence. */
  covers: boolean | null;
  /** quote === text.slice(start, end) of CORPUS_DIR/docId */
  exact: boolean;
}

export interface ScoredPassage extends PassageRef {
  rank: number;
  covers: boolean | null;
}

export interface QuestionResult {
  id: string;
  question: string;
  /** The question's first tag, as in the question file; `tags` has them all. */
  tag?: string;
  tags: string[];
  answerable: boolean;
  answer: string;
  abstained: boolean;
  /** Whether abstaining (or not) was right for this question. */
  abstainCorrect: boolean;
  /** A covering passage among the top k; null when unanswerable or without evidence. */
  hit: boolean | null;
  /** The answer's confidence, when the answerer gave one. */
  confidence?: number;
  /** 1-based rank of the first covering passage in the top k, or null. */
  rank: number | null;
  /** The same for plain BM25 over paragraphs (src/eval/baseline.ts), when the run measured it. */
  baselineRank?: number | null;
  /** Share of fact groups found in the answer; null when unanswerable or without facts. */
  factRecall: number | null;
  factsFound: number;
  factsTotal: number;
  /** Fact groups not found, for the reader. */
  missingFacts: string[][];
  /** The answer's short lead (a name, a date…), when it has one. */
  lead?: string;
  /** Share of fact groups the lead alone states; null without a lead, or when unanswerable or without facts. */
  leadFactRecall: number | null;
  /** At least one citation covers evidence; null when unanswerable or without evidence. */
  citationCovered: boolean | null;
  citations: ScoredCitation[];
  passages: ScoredPassage[];
  totalMs: number;
  /** LLM mode: the model's answer could not be used, and this was given instead. */
  fallback?: Answer["fallback"];
  note?: string;
  /** The pipeline threw: the question scores as an empty, non-abstaining answer. */
  error?: string;
}

function evidenceSpans(q: EvalQuestion, corpus: CorpusTexts): DocSpan[] | null {
  if (!q.answerable || q.evidence.length === 0) return null;
  return q.evidence.flatMap((e) => corpus.occurrences(e));
}

async function scoreCitation(
  c: Citation,
  evidence: DocSpan[] | null,
  corpus: CorpusTexts,
): Promise<ScoredCitation> {
  const source = await corpus.source(c.docId);
  const exact = source !== undefined && source.slice(c.start, c.end) === c.quote;
  return { ...c, covers: evidence && coversAny(c, evidence), exact };
}

/** Scores one answer; `answer` is undefined when the pipeline threw `error`. */
export async function scoreAnswer(
  q: EvalQuestion,
  answer: Answer | undefined,
  options: { k: number; corpus: CorpusTexts; elapsedMs: number; error?: string; baseline?: DocSpan[] },
): Promise<QuestionResult> {
  const evidence = evidenceSpans(q, options.corpus);
  const baselineAt =
    options.baseline && evidence && options.baseline.findIndex((p) => coversAny(p, evidence));
  const passages = (answer?.passages ?? [])
    .slice(0, options.k)
    .map((p, i) => ({ ...p, rank: i + 1, covers: evidence && coversAny(p, evidence) }));
  const citations: ScoredCitation[] = [];
  for (const c of answer?.citations ?? []) citations.push(await scoreCitation(c, evidence, options.corpus));
  const text = answer?.answer ?? "";
  const found = matchFacts(text, q.facts);
  const factsFound = found.filter((f) => f !== undefined).length;
  const abstained = answer?.abstained ?? false;
  const rank = passages.find((p) => p.covers)?.rank ?? null;
  return {
    id: q.id,
    question: q.question,
    ...(q.tags[0] !== undefined ? { tag: q.tags[0] } : {}),
    tags: q.tags,
    answerable: q.answerable,
    answer: text,
    abstained,
    abstainCorrect: abstained !== q.answerable,
    hit: evidence && rank !== null,
    rank,
    ...(answer?.confidence !== undefined ? { confidence: answer.confidence } : {}),
    ...(baselineAt !== undefined
      ? { baselineRank: baselineAt === null || baselineAt < 0 ? null : baselineAt + 1 }
      : {}),
    factRecall: q.answerable && q.facts.length > 0 ? factsFound / q.facts.length : null,
    factsFound,
    factsTotal: q.facts.length,
    ...(answer?.lead !== undefined ? { lead: answer.lead } : {}),
    leadFactRecall:
      q.answerable && q.facts.length > 0 && answer?.lead !== undefined
        ? matchFacts(answer.lead, q.facts).filter((f) => f !== undefined).length / q.facts.length
        : null,
    missingFacts: q.facts.filter((_, i) => found[i] === undefined),
    citationCovered: evidence && citations.some((c) => c.covers),
    citations,
    passages,
    totalMs: answer?.timings.totalMs ?? options.elapsedMs,
    ...(answer?.fallback ? { fallback: answer.fallback } : {}),
    ...(answer?.note ? { note: answer.note } : {}),
    ...(options.error !== undefined ? { error: options.error } : {}),
  };
}

/** Share of `items` for which `test` holds; null for no items. */
function share<T>(items: T[], test: (item: T) => boolean): number | null {
  return items.length === 0 ? null : items.filter(test).length / items.length;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Percentile with linear interpolation between closest ranks (numpy's default); null for no values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(results: QuestionResult[]): Metrics {
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const withEvidence = answerable.filter((r) => r.hit !== null);
  const judged = answerable.flatMap((r) => r.citations).filter((c) => c.covers !== null);
  const times = results.map((r) => r.totalMs);
  const baselined = withEvidence.filter((r) => r.baselineRank !== undefined);
  return {
    hitAtK: share(withEvidence, (r) => r.hit === true),
    mrr: mean(withEvidence.map((r) => (r.rank ? 1 / r.rank : 0))),
    factRecall: mean(answerable.flatMap((r) => (r.factRecall === null ? [] : [r.factRecall]))),
    citationPrecision: share(judged, (c) => c.covers === true),
    citationRecall: share(withEvidence, (r) => r.citationCovered === true),
    quoteExactness: share(
      results.flatMap((r) => r.citations),
      (c) => c.exact,
    ),
    abstainAccuracy: share(unanswerable, (r) => r.abstained),
    falseAbstainRate: share(answerable, (r) => r.abstained),
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    baselineHitAtK: share(baselined, (r) => r.baselineRank !== null),
    baselineMrr: mean(baselined.map((r) => (r.baselineRank ? 1 / r.baselineRank : 0))),
    leadShare: share(
      answerable.filter((r) => !r.abstained),
      (r) => r.lead !== undefined,
    ),
    leadFactRecall: mean(answerable.flatMap((r) => (r.leadFactRecall === null ? [] : [r.leadFactRecall]))),
    n: results.length,
    nAnswerable: answerable.length,
    nUnanswerable: unanswerable.length,
    errors: results.filter((r) => r.error !== undefined).length,
  };
}

/** The report's summary: the metrics over every result, and again per tag. */
export function buildSummary(
  results: QuestionResult[],
  run: { k: number; mode: "extractive" | "llm"; excludedTags?: string[] },
): Summary {
  const tags = [...new Set(results.flatMap((r) => r.tags))].sort();
  const byTag = Object.fromEntries(
    tags.map((t) => [t, summarize(results.filter((r) => r.tags.includes(t)))]),
  );
  return {
    ...summarize(results),
    k: run.k,
    mode: run.mode,
    byTag,
    excludedTags: run.excludedTags ?? [],
    reliability: reliability(results),
  };
}

/** Questions by their answer's confidence, in five bands: whether a confidence of 0.8 is right four times in five. */
export function reliability(results: QuestionResult[]): ReliabilityBand[] {
  const scored = results.filter((r) => r.confidence !== undefined);
  if (scored.length === 0) return [];
  return [0, 0.2, 0.4, 0.6, 0.8].map((low) => {
    const high = low + 0.2;
    const mine = scored.filter(
      (r) => r.confidence! >= low && (r.confidence! < high || (high >= 1 && r.confidence! <= 1)),
    );
    const answered = mine.filter((r) => !r.abstained);
    return {
      band: `${low.toFixed(1)}–${high.toFixed(1)}`,
      questions: mine.length,
      answered: answered.length,
      right: answered.filter((r) => r.answerable && r.citationCovered === true).length,
    };
  });
}
