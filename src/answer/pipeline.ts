// The answer pipeline: read the question (with the conversation), retrieve and re-rank passages, answer (extractive or
// LLM, ./answerers), check every citation against the source (compose), and time each step.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../config.js";
import type { PassageIndex } from "../index/passage-index.js";
import type { KnowledgeBase } from "../knowledge-base.js";
import type { Logger } from "../logger.js";
import type { Retriever, RetrievedPassage } from "../retrieval/retriever.js";
import { Vocabulary } from "../retrieval/vocabulary.js";
import { Lexicon } from "../text/lexicon.js";
import { tokenize, writtenInCyrillic } from "../text/tokenize.js";
import type { WordVectors } from "../text/word-vectors.js";
import type { Answer } from "./answer.js";
import type { AskState, TraceEntry } from "./answerers/answerer.js";
import { createExtractiveAnswerer } from "./answerers/extractive.js";
import { createLlmAnswerer } from "./answerers/llm.js";
import { SourceChecker } from "./citations.js";
import { compose } from "./compose.js";
import { expandQuestion } from "./expand.js";
import { nearPrevious } from "./features.js";
import { asText, type Resolved, resolveFollowUp, type Turn, type TurnSource } from "./follow-up.js";
import type { Prompts } from "./prompts.js";
import { type Question, readQuestion } from "./question.js";
import { PASSAGE_FEATURES, passageFeatures, rerankPassages } from "./rerank.js";
import { Scorer } from "./scorer.js";
import { CONTEXT_WEIGHT, termWeights } from "./term-weights.js";

export type { TraceEntry } from "./answerers/answerer.js";

export interface AskOptions {
  /** Retrieval depth; defaults to TOP_K. */
  k?: number;
  /** Earlier turns of the same conversation, oldest first: a follow-up ("and where?") is read with them. */
  history?: Turn[];
  /** Receives each part's candidates and features (`npm run fit`). */
  trace?: (entry: TraceEntry) => void;
  /** Force a mode; defaults to llm when a chat model is configured, else extractive. */
  mode?: "extractive" | "llm";
  /** Receives the retrieval pool with each passage's features (`npm run fit`). */
  tracePassages?: (entry: PassageTrace) => void;
}

export interface PassageTrace {
  pool: RetrievedPassage[];
  features: number[][];
}

export interface AnswerPipeline {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

export interface PipelineDeps {
  config: Pick<Config, "TOP_K" | "LLM_TIMEOUT_MS" | "corpusDir"> & { ABSTAIN_THRESHOLD?: number | undefined };
  log: Logger;
  kb: KnowledgeBase;
  retriever: Retriever;
  chatModel?: BaseChatModel;
  prompts?: Prompts;
  /** English–Russian word list; none by default. */
  lexicon?: Lexicon;
  /** English word vectors for meaning-near words; none by default. */
  vectors?: WordVectors;
  /** The answer scorer; the project's fitted one by default. */
  scorer?: Scorer;
}

/** Marks the terms of a resolved follow-up that come from the conversation, in the question and its parts. */
function markContext(q: Question, resolved: Resolved): Question {
  if (!resolved.context) return q;
  const own = new Set(tokenize(resolved.question).map((t) => t.term));
  const mark = (p: Question): Question => ({
    ...p,
    terms: p.terms.map((t) => (own.has(t.term) ? t : { ...t, context: true })),
  });
  return { ...mark(q), parts: q.parts.map(mark) };
}

/** How many passages retrieval hands to the re-ranker, at least. */
const RERANK_POOL = 20;

export function createAnswerPipeline(deps: PipelineDeps): AnswerPipeline {
  const checker = new SourceChecker(deps.config.corpusDir);
  const scorer = deps.scorer ?? Scorer.load();
  const threshold = deps.config.ABSTAIN_THRESHOLD ?? scorer.threshold;
  const weights = termWeights(() => deps.kb.index());
  const extractive = createExtractiveAnswerer({
    kb: deps.kb,
    scorer,
    threshold,
    weights,
    log: deps.log,
    ...(deps.vectors ? { vectors: deps.vectors } : {}),
  });
  const llm = createLlmAnswerer({
    ...(deps.chatModel ? { chatModel: deps.chatModel } : {}),
    ...(deps.prompts ? { prompts: deps.prompts } : {}),
    timeoutMs: deps.config.LLM_TIMEOUT_MS,
    log: deps.log,
    fallback: extractive,
  });
  const searchWeight = weights.search;

  return {
    async ask(question, options = {}) {
      const started = performance.now();
      const k = options.k ?? deps.config.TOP_K;
      const resolved = resolveFollowUp(question.trim(), options.history ?? []);
      const trimmed = asText(resolved);
      const expanded = expandQuestion(
        markContext(readQuestion(trimmed, writtenInCyrillic(resolved.question)), resolved),
        Vocabulary.of(deps.kb.index()),
        deps.lexicon ?? Lexicon.empty,
      );
      const { question: read, corrections } = expanded;
      // Words a follow-up borrows count for less in retrieval too.
      const borrowed = new Set(read.terms.filter((t) => t.context).map((t) => t.term));
      const retrieval = expanded.retrieval.map((r) =>
        borrowed.has(r.term) ? { ...r, weight: r.weight * CONTEXT_WEIGHT } : r,
      );
      // A deeper pool, with the passages beside the last answer, re-ranked by the fitted passage ranker (rerank.ts),
      // then cut to k.
      const found = trimmed ? await deps.retriever.search(trimmed, Math.max(k, RERANK_POOL), retrieval) : [];
      const index = deps.kb.index();
      const pool = [...found, ...besideLastAnswer(index, resolved.previous, found)];
      const features = passageFeatures(read, pool, searchWeight, resolved.previous, (p) => index.before(p));
      options.tracePassages?.({ pool, features });
      const retrieved = rerankPassages(read, pool, searchWeight, scorer, resolved.previous, features).slice(
        0,
        k,
      );
      // The extractive answerer also reads the k passages whose best sentence matches most of the question: the ranker
      // favours passages that answer in two sentences or under a heading, the sentence scorer the single sentence that
      // answers. Read apart, the sentences lost as many facts as the passages gained (factRecall 0.45 → 0.40 on the
      // development sets); read together, neither loses.
      const bestAt = PASSAGE_FEATURES.indexOf("bestSentence");
      const bySentence = pool
        .map((r, i) => ({ r, s: features[i]![bestAt]! }))
        .sort((a, b) => b.s - a.s)
        .slice(0, k)
        .map((x) => x.r);
      const reading = [...retrieved, ...bySentence.filter((r) => !retrieved.includes(r))];
      const retrieveMs = performance.now() - started;
      const mode = options.mode ?? (deps.chatModel ? "llm" : "extractive");
      const turn: AskState = {
        corrections,
        previous: resolved.previous,
        ...(options.trace ? { trace: options.trace } : {}),
      };
      // The model reads the ranked k; the extractive answerer these and the best-sentence extras.
      const draft = await (mode === "llm" && trimmed
        ? llm(read, retrieved, turn)
        : extractive(read, reading, turn));
      const composed = await compose(resolved.question, read.cyrillic, draft, checker);
      // The ranked k and any best-sentence extra the answer quotes (every quote names a listed passage): the quoted
      // ones first, in the order it cites them, then the rest in the ranker's order. The answerer reads every
      // sentence, so the passage it quotes is the one it found the answer in (or, where it abstains, the nearest).
      // Mean MRR over d8–d17 0.668 → 0.691, the blind set's 0.631 → 0.674.
      const quoted = [...new Set(composed.citations.map((c) => c.passageId))];
      const cited = new Set(quoted);
      const place = (r: RetrievedPassage) => {
        const i = quoted.indexOf(r.passage.passageId);
        return i < 0 ? quoted.length : i;
      };
      const listed = [
        ...retrieved,
        ...reading.slice(retrieved.length).filter((r) => cited.has(r.passage.passageId)),
      ]
        .map((r, i) => ({ r, i }))
        .sort((a, b) => place(a.r) - place(b.r) || a.i - b.i)
        .map(({ r }) => r);
      const totalMs = performance.now() - started;
      return {
        question,
        ...composed,
        ...(draft.lead && !composed.abstained ? { lead: draft.lead } : {}),
        mode,
        ...(draft.fallback ? { fallback: draft.fallback } : {}),
        ...(draft.note ? { note: draft.note } : {}),
        ...(draft.confidence !== undefined ? { confidence: Math.round(draft.confidence * 1000) / 1000 } : {}),
        ...(mode === "extractive" && !composed.abstained && (draft.confidence ?? 1) < scorer.hedge
          ? { tentative: true }
          : {}),
        passages: listed.map((r) => ({
          passageId: r.passage.passageId,
          docId: r.passage.docId,
          start: r.passage.start,
          end: r.passage.end,
          score: Math.round(r.score * 10000) / 10000,
          title: r.passage.title,
          line: r.passage.line,
        })),
        timings: {
          retrieveMs: round(retrieveMs),
          answerMs: round(totalMs - retrieveMs),
          totalMs: round(totalMs),
        },
      };
    },
  };
}

/**
 * The passages next to what the conversation's last answer quoted (`nearPrevious`) that retrieval did not find: a
 * follow-up ("where did she work before that?") is often answered beside the last answer, in words of its own that
 * the question does not share. The ranker weighs them with the rest of the pool.
 */
function besideLastAnswer(
  index: PassageIndex,
  previous: TurnSource[],
  found: RetrievedPassage[],
): RetrievedPassage[] {
  const seen = new Set(found.map((r) => r.passage.passageId));
  const beside: RetrievedPassage[] = [];
  for (const docId of new Set(previous.map((s) => s.docId))) {
    for (const label of index.document(docId)?.labels ?? []) {
      const passage = index.passage(label);
      if (!passage || seen.has(passage.passageId) || nearPrevious(passage, previous) < 1) continue;
      seen.add(passage.passageId);
      beside.push({ passage, score: 0, lexicalScore: 0, vectorScore: 0 });
    }
  }
  return beside;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
