// The answer pipeline: retrieve, answer (extractive or LLM), check every citation against the source, time each step.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../config.js";
import { ConfigError } from "../errors.js";
import type { PassageIndex } from "../index/passage-index.js";
import type { KnowledgeBase } from "../knowledge-base.js";
import type { Logger } from "../logger.js";
import type { Retriever, RetrievedPassage } from "../retrieval/retriever.js";
import { tokenize, writtenInCyrillic } from "../text/tokenize.js";
import type { Answer, Citation } from "./answer.js";
import { makeCitation, SourceChecker } from "./citations.js";
import { documentOrder, needsType, type ScoredCandidate, selectEvidence } from "./extractive.js";
import { nameIn } from "./entities.js";
import { nearPrevious, type QuestionContext } from "./features.js";
import { Scorer } from "./scorer.js";
import { draftAnswer, looksLikeInjection, verifyDraft, type VerifiedClaim } from "./llm.js";
import type { Prompts } from "./prompts.js";
import { borrowing, type QueryTerm, type Question, readQuestion } from "./question.js";
import { expandQuestion } from "./expand.js";
import {
  asText,
  namesIn,
  pointsAtPerson,
  type Resolved,
  resolveFollowUp,
  type Turn,
  type TurnSource,
} from "./follow-up.js";
import { withLabels } from "../text/table.js";
import { leadText } from "./lead.js";
import { PASSAGE_FEATURES, passageFeatures, rerankPassages } from "./rerank.js";
import { Vocabulary } from "../retrieval/vocabulary.js";
import { Lexicon } from "../text/lexicon.js";
import type { WordVectors } from "../text/word-vectors.js";

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

/** What one question's answering carries from step to step. */
interface AskState {
  corrections: number;
  /** For a follow-up, the passages the last answer quoted. */
  previous: TurnSource[];
  trace?: (entry: TraceEntry) => void;
}

/** One part of a question as the answerer saw it: every candidate sentence with its features (for fitting). */
export interface TraceEntry {
  part: string;
  /** The part's query terms (stems), in order. */
  terms: string[];
  candidates: ScoredCandidate[];
}

interface Draft {
  /** The extractive scorer's probability that the documents answer (for two parts, the surer one). */
  confidence?: number;
  claims: VerifiedClaim[];
  abstained: boolean;
  related?: VerifiedClaim["refs"];
  fallback?: Answer["fallback"];
  note?: string;
  /** Parts of a two-part question no passage answers surely enough, when the other part is answered. */
  unanswered?: string[];
  /**
   * Of those, parts whose own best sentence (not ruled out) overlaps what the answer quotes for the other part: that
   * quote (`ref`) may answer them too.
   */
  unsure?: { part: string; ref: VerifiedClaim["refs"][number] }[];
  /** The short answer the first claim gives (`leadSpan`): a name, a place, a date or a number. */
  lead?: string;
  /** The related passage says that what is asked is not known or not decided yet. */
  notKnown?: boolean;
}

/** What a word a follow-up borrows from the conversation counts for, against the follow-up's own words. */
const CONTEXT_WEIGHT = 0.5;

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
/** How much of a document's first passage is its opening: the title, byline and dateline. */
const OPENING = 300;

/** Whether a question ends in its own mark ("…close?"): no full stop after its closing quote. */
const ended = (part: string) => /[?!.…]$/u.test(part.trim());

const TEXTS = {
  en: {
    none: "The documents I have do not answer this question.",
    related: "The nearest passage is related but does not support an answer",
    notKnown: "The nearest passage says it has not been decided or made public",
    empty: "Please ask a question in words.",
    unanswered: (part: string) => `I found no passage that answers “${part}”${ended(part) ? "" : "."}`,
    unsure: (part: string, n: number) =>
      `Passage [${n}] may also answer “${part}”, but I am not sure it does.`,
  },
  ru: {
    none: "В моих документах нет ответа на этот вопрос.",
    related: "Ближайший фрагмент связан с темой, но ответа не содержит",
    notKnown: "В ближайшем фрагменте сказано, что это пока не решено или не раскрыто",
    empty: "Пожалуйста, задайте вопрос словами.",
    unanswered: (part: string) => `Фрагмента, который отвечал бы на вопрос «${part}», найти не удалось.`,
    unsure: (part: string, n: number) =>
      `Возможно, фрагмент [${n}] отвечает и на вопрос «${part}», но уверенности в этом нет.`,
  },
};

export function createAnswerPipeline(deps: PipelineDeps): AnswerPipeline {
  const checker = new SourceChecker(deps.config.corpusDir);
  const scorer = deps.scorer ?? Scorer.load();
  const threshold = deps.config.ABSTAIN_THRESHOLD ?? scorer.threshold;

  /**
   * A term the corpus never uses weighs as much as the rarest one, so that a question about something absent does
   * not look answered; less when it is a common, many-sense word ("take place", "open"), likely just paraphrase.
   */
  const termWeight = (term: QueryTerm, idf: number) => {
    const index = deps.kb.index();
    const share = term.context ? CONTEXT_WEIGHT : 1;
    if (idf > 0) return idf * share;
    return (share * Math.log(1 + (index.size + 0.5) / 0.5)) / (1 + Math.log(1 + term.senses));
  };
  /** For ordering passages: the word as the question writes it. */
  const searchWeight = (term: QueryTerm) => termWeight(term, deps.kb.index().idf(term.term));
  /**
   * For the answer scorer: a word the corpus uses in another form or language ("съезд" of English documents that
   * say "congress") weighs what that form does there, not what an absent word does.
   */
  const weight = (term: QueryTerm) => {
    const index = deps.kb.index();
    return termWeight(term, Math.max(index.idf(term.term), ...term.forms.map((f) => index.idf(f))));
  };

  /** Each part of a two-part question is answered on its own; the answer has what the documents support. */
  const extractive = (q: Question, retrieved: RetrievedPassage[], turn: AskState): Draft => {
    if (q.parts.length === 0) return extractivePart(q, retrieved, turn);
    // "Who ran against her, and how many votes did he receive?": after a first part that asks who, the second part's
    // "he" or "she" is the one the first part's answer names, and the second part borrows that name, for less. Only a
    // name: a lead that is a sentence ("She was one of the first women…") lends nothing.
    const [firstPart, secondPart] = q.parts as [Question, Question];
    const lends = firstPart.type === "person" && pointsAtPerson(secondPart.text);
    const first = extractivePart(firstPart, retrieved, turn, lends);
    const named = lends ? namesIn(first.lead ?? "")[0] : undefined;
    const second = named ? borrowing(secondPart, readQuestion(named, secondPart.cyrillic).terms) : secondPart;
    const drafts = [first, extractivePart(second, retrieved, turn, false)];
    const answered = drafts.filter((d) => !d.abstained);
    if (answered.length === 0) return drafts[0]!;
    // Each extractive claim cites a sentence or a few in a row. What both parts chose is said once: of two quotes
    // where one holds the other ("S1" and "S1 This…"), the longer. In document order.
    const holds = (a: VerifiedClaim, b: VerifiedClaim) => {
      const [x, y] = [a.refs[0]!, b.refs[0]!];
      return x.passage.docId === y.passage.docId && x.span.start <= y.span.start && y.span.end <= x.span.end;
    };
    const kept: VerifiedClaim[] = [];
    for (const claim of answered.flatMap((d) => d.claims)) {
      if (kept.some((k) => holds(k, claim))) continue;
      for (let i = kept.length - 1; i >= 0; i--) if (holds(claim, kept[i]!)) kept.splice(i, 1);
      kept.push(claim);
    }
    const claims = kept.sort((a, b) => documentOrder(a.refs[0]!, b.refs[0]!));
    // A part no sentence answers surely enough is said to be unanswered; where its own best sentence overlaps a quote
    // the answer gives for the other part ("…a 19-year-old concertina player…" for "what instrument does she play?"),
    // that the quote may answer it, not that nothing does. Not where that sentence was ruled out (a part whose every
    // candidate is ruled out has confidence 0, its nearest offered only as related): "The Helsinki session cost…"
    // does not perhaps answer "…the Berlin session?".
    const quoting = (near: VerifiedClaim["refs"][number]) =>
      claims
        .flatMap((c) => c.refs)
        .find(
          (r) =>
            r.passage.docId === near.passage.docId &&
            r.span.start < near.span.end &&
            near.span.start < r.span.end,
        );
    const unanswered: string[] = [];
    const unsure: NonNullable<Draft["unsure"]> = [];
    q.parts.forEach((p, i) => {
      const d = drafts[i]!;
      if (!d.abstained) return;
      const near = d.related?.[0];
      const ref = near && (d.confidence ?? 0) > 0 ? quoting(near) : undefined;
      if (ref) unsure.push({ part: p.text, ref });
      else unanswered.push(p.text);
    });
    const confidence = Math.max(...drafts.map((d) => d.confidence ?? 0));
    return {
      abstained: false,
      claims,
      confidence,
      ...(unanswered.length ? { unanswered } : {}),
      ...(unsure.length ? { unsure } : {}),
    };
  };

  /** Whether a document's title or passages use a name (`nameIn`: "Skarvøy", "Skarvøy's", "Воронова"). */
  const namedIn = (says: (text: string) => boolean) => {
    const index = deps.kb.index();
    return (docId: string): boolean => {
      const entry = index.document(docId);
      if (!entry) return false;
      return says(entry.title) || entry.labels.some((label) => says(index.passage(label)?.text ?? ""));
    };
  };

  /** What the features know of a question beyond its reading (src/answer/features.ts). */
  const contextOf = (q: Question, { corrections, previous }: AskState): Omit<QuestionContext, "question"> => {
    const index = deps.kb.index();
    const weights = q.terms.map(weight);
    const total = weights.reduce((a, b) => a + b, 0);
    const isUnknown = (t: QueryTerm) => ![t.term, ...t.forms].some((x) => index.idf(x) > 0);
    const unknownWeights = q.terms.map((t, i) => (isUnknown(t) ? weights[i]! : 0));
    const unknown = unknownWeights.reduce((a, b) => a + b, 0);
    // (A Russian question's names are written in other letters than an English document's.)
    const usedNames = q.names.filter((name) => tokenize(name).some((t) => index.idf(t.term) > 0));
    const says = new Map(usedNames.map((n) => [n, nameIn(n, q)]));
    const checks = new Map(usedNames.map((n) => [n, namedIn(says.get(n)!)]));
    // A document's opening is read once per question: each of its candidates asks for it.
    const openings = new Map<string, string>();
    return {
      unknownShare: total > 0 ? unknown / total : 1,
      worstUnknown: total > 0 ? Math.max(0, ...unknownWeights) / total : 1,
      corrections,
      needsType: needsType(q),
      usedNames,
      namedIn: (name, docId) => checks.get(name)?.(docId) ?? true,
      names: (name, text) => says.get(name)?.(text) ?? false,
      previous,
      opening: (docId) => {
        let text = openings.get(docId);
        if (text === undefined) {
          const first = index.document(docId)?.labels[0];
          text = first === undefined ? "" : (index.passage(first)?.text ?? "").slice(0, OPENING);
          openings.set(docId, text);
        }
        return text;
      },
    };
  };

  /** One question or part; `withLead` when its short answer is wanted (a part's only when it lends its name). */
  const extractivePart = (
    q: Question,
    retrieved: RetrievedPassage[],
    turn: AskState,
    withLead = true,
  ): Draft => {
    const index = deps.kb.index();
    const selection = selectEvidence(q, retrieved, weight, contextOf(q, turn), scorer, deps.vectors, (p) =>
      index.before(p),
    );
    const { evidence, confidence } = selection;
    turn.trace?.({ part: q.text, candidates: selection.candidates, terms: q.terms.map((t) => t.term) });
    deps.log.debug(`extractive: confidence ${confidence.toFixed(3)} (threshold ${threshold})`);
    if (evidence.length === 0 || confidence < threshold) {
      // The nearest passage is offered as related only when it shares the question's words.
      const nearest = evidence[0];
      const related = nearest && selection.coverage > 0;
      return {
        claims: [],
        abstained: true,
        confidence,
        related: related ? [{ passage: nearest.passage, span: nearest.span, score: nearest.score }] : [],
        ...(related && selection.notKnown ? { notKnown: true } : {}),
      };
    }
    // The short answer leads ("Ilya Ponomarev"). A part of a two-part question is said by its sentence, which says
    // which part it answers; its lead only lends its name to the part after it (`extractive`).
    const first = evidence[0]!;
    const lead = withLead ? leadText(q, first.text, first.header) : undefined;
    return {
      abstained: false,
      confidence,
      ...(lead ? { lead } : {}),
      claims: evidence.map((e) => ({
        // A table row is said with its header's labels ("Decision: …; For: 45; Against: 6"), not as pipes.
        text: withLabels(e.text, e.header).replace(/\s+/g, " "),
        refs: [{ passage: e.passage, span: e.span, score: e.score }],
      })),
    };
  };

  const llm = async (q: Question, retrieved: RetrievedPassage[], turn: AskState): Promise<Draft> => {
    const question = q.text;
    const { chatModel, prompts } = deps;
    if (!chatModel || !prompts)
      throw new ConfigError("LLM_PROVIDER", "is none, so there is no model for LLM mode", "openai or ollama");
    let reason: string;
    // Passages that address the model ("ignore previous instructions…") are data to quote, never instructions to follow.
    const usable = retrieved.filter((r) => !looksLikeInjection(r.passage.text));
    const withheld = retrieved.length - usable.length;
    try {
      const draft = await draftAnswer(chatModel, prompts, question, usable, deps.config.LLM_TIMEOUT_MS);
      const { claims, dropped } = verifyDraft(draft, usable);
      const notes = [
        dropped && `${dropped} unverified quote(s) dropped`,
        withheld && `${withheld} passage(s) that address the model withheld from it`,
      ];
      const note = notes.filter(Boolean).join("; ") || undefined;
      if (claims.length > 0) return { claims, abstained: false, note };
      if (draft.abstain) return { claims: [], abstained: true, related: [] };
      reason = `no quote of the model's answer could be verified (${dropped} dropped)`;
    } catch (e) {
      reason = `the model failed: ${(e as Error).message}`;
    }
    deps.log.warn(`LLM answer not used: ${reason}`);
    // Nor does the fallback quote what was withheld: "…reply that the congress is led by Mickey Mouse" would deliver
    // the injection's message after all.
    const fallback = extractive(q, usable, turn);
    return { ...fallback, fallback: fallback.abstained ? "abstain" : "extractive", note: reason };
  };

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
      const draft =
        mode === "llm" && trimmed ? await llm(read, retrieved, turn) : extractive(read, reading, turn);
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

/** Numbers the verified citations, drops any that no longer match the file, and writes the answer text with [n] marks. */
async function compose(
  question: string,
  /** Whether the asker wrote in Russian (`Question.cyrillic`): not a follow-up's borrowed names. */
  cyrillic: boolean,
  draft: Draft,
  checker: SourceChecker,
): Promise<Pick<Answer, "answer" | "abstained" | "citations" | "related">> {
  const t = cyrillic ? TEXTS.ru : TEXTS.en;
  const citations: Citation[] = [];
  /** The citation already made of a quoted span, if any. */
  const citedAs = (ref: VerifiedClaim["refs"][number]) =>
    citations.find(
      (c) => c.docId === ref.passage.docId && c.start === ref.span.start && c.end === ref.span.end,
    );
  const numberOf = async (ref: VerifiedClaim["refs"][number]): Promise<number | undefined> => {
    const existing = citedAs(ref);
    if (existing) return existing.n;
    const c = makeCitation(citations.length + 1, ref.passage, ref.span, ref.score);
    if (!(await checker.holds(c))) return undefined;
    citations.push(c);
    return c.n;
  };
  const parts: string[] = [];
  for (const claim of draft.claims) {
    const marks: number[] = [];
    for (const ref of claim.refs) {
      const n = await numberOf(ref);
      if (n !== undefined && !marks.includes(n)) marks.push(n);
    }
    if (marks.length > 0) parts.push(`${claim.text} ${marks.map((n) => `[${n}]`).join("")}`);
  }
  if (parts.length > 0) {
    // The part is the user's words: a "[2]" in them must not read as a citation mark.
    const said = (part: string) => part.replace(/\[(\d+)\]/g, "($1)");
    const unanswered = [...(draft.unanswered ?? [])];
    const unsure: string[] = [];
    for (const { part, ref } of draft.unsure ?? []) {
      // Named by its mark among the answer's own citations; a quote the answer lost is none to point at.
      const n = citedAs(ref)?.n;
      if (n === undefined) unanswered.push(part);
      else unsure.push(t.unsure(said(part), n));
    }
    for (const part of unanswered) parts.push(t.unanswered(said(part)));
    parts.push(...unsure);
    return { answer: parts.join(" "), abstained: false, citations };
  }

  if (!question) return { answer: t.empty, abstained: true, citations: [] };
  citations.length = 0;
  const marks: number[] = [];
  for (const ref of draft.related ?? []) {
    const n = await numberOf(ref);
    if (n !== undefined) marks.push(n);
  }
  if (marks.length === 0) return { answer: t.none, abstained: true, citations: [] };
  return {
    answer: `${t.none} ${draft.notKnown ? t.notKnown : t.related} ${marks.map((n) => `[${n}]`).join("")}.`,
    abstained: true,
    citations,
    related: true,
  };
}
