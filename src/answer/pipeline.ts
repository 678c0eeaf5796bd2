// The answer pipeline: retrieve, answer (extractive or LLM), check every citation against the source, time each step.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../config.js";
import { ConfigError } from "../errors.js";
import type { KnowledgeBase } from "../knowledge-base.js";
import type { Logger } from "../logger.js";
import type { Retriever, RetrievedPassage } from "../retrieval/retriever.js";
import { hasCyrillic, tokenize } from "../text/tokenize.js";
import type { Answer, Citation } from "./answer.js";
import { makeCitation, SourceChecker } from "./citations.js";
import { documentOrder, givesResponse, needsType, rerankPassages, selectEvidence } from "./extractive.js";
import { draftAnswer, looksLikeInjection, verifyDraft, type VerifiedClaim } from "./llm.js";
import type { Prompts } from "./prompts.js";
import { type QueryTerm, type Question, readQuestion } from "./question.js";
import { expandQuestion } from "./expand.js";
import { standalone, type Turn } from "./follow-up.js";
import { Vocabulary } from "../retrieval/vocabulary.js";
import { Lexicon } from "../text/lexicon.js";

export interface AskOptions {
  /** Retrieval depth; defaults to TOP_K. */
  k?: number;
  /** Earlier turns of the same conversation, oldest first: a follow-up ("and where?") is read with them. */
  history?: Turn[];
  /** Force a mode; defaults to llm when a chat model is configured, else extractive. */
  mode?: "extractive" | "llm";
}

export interface AnswerPipeline {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

export interface PipelineDeps {
  config: Pick<Config, "TOP_K" | "ABSTAIN_THRESHOLD" | "LLM_TIMEOUT_MS" | "corpusDir">;
  log: Logger;
  kb: KnowledgeBase;
  retriever: Retriever;
  chatModel?: BaseChatModel;
  prompts?: Prompts;
  /** English–Russian word list; none by default. */
  lexicon?: Lexicon;
}

interface Draft {
  claims: VerifiedClaim[];
  abstained: boolean;
  related?: VerifiedClaim["refs"];
  fallback?: Answer["fallback"];
  note?: string;
  /** Parts of a two-part question the documents do not answer, when the other part is answered. */
  unanswered?: string[];
}

/** How many passages retrieval hands to the re-ranker, at least. */
const RERANK_POOL = 20;

const TEXTS = {
  en: {
    none: "The documents I have do not answer this question.",
    related: "The nearest passage is related but does not support an answer",
    empty: "Please ask a question in words.",
    unanswered: (part: string) => `The documents do not answer “${part}”`,
  },
  ru: {
    none: "В моих документах нет ответа на этот вопрос.",
    related: "Ближайший фрагмент связан с темой, но ответа не содержит",
    empty: "Пожалуйста, задайте вопрос словами.",
    unanswered: (part: string) => `На вопрос «${part}» в документах ответа нет.`,
  },
};

export function createAnswerPipeline(deps: PipelineDeps): AnswerPipeline {
  const checker = new SourceChecker(deps.config.corpusDir);

  /**
   * A term the corpus never uses weighs as much as the rarest one, so that a question about something absent does
   * not look answered; less when it is a common, many-sense word ("take place", "open"), likely just paraphrase.
   */
  const weight = (term: QueryTerm) => {
    const index = deps.kb.index();
    const idf = index.idf(term.term);
    if (idf > 0) return idf;
    return Math.log(1 + (index.size + 0.5) / 0.5) / (1 + Math.log(1 + term.senses));
  };

  /** Each part of a two-part question is answered on its own; the answer has what the documents support. */
  const extractive = (q: Question, retrieved: RetrievedPassage[]): Draft => {
    if (q.parts.length === 0) return extractivePart(q, retrieved);
    const drafts = q.parts.map((part) => extractivePart(part, retrieved));
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
    const unanswered = q.parts.filter((_, i) => drafts[i]!.abstained).map((p) => p.text);
    return { abstained: false, claims, ...(unanswered.length ? { unanswered } : {}) };
  };

  /** Whether a document's title or passages use a name ("Skarvøy", "Skarvøy's"), in any case. */
  const namedIn = (name: string) => {
    const index = deps.kb.index();
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "iu");
    return (docId: string): boolean => {
      const entry = index.document(docId);
      if (!entry) return false;
      return re.test(entry.title) || entry.labels.some((label) => re.test(index.passage(label)?.text ?? ""));
    };
  };

  const extractivePart = (q: Question, retrieved: RetrievedPassage[]): Draft => {
    const { evidence, coverage, typeFound, documentMatched } = selectEvidence(q, retrieved, weight);
    // "When…" needs a date, "How many…" a number and "Who won…" someone: a sentence without one does not answer,
    // however similar.
    const mustHaveType = needsType(q);
    deps.log.debug(
      `extractive: coverage ${coverage.toFixed(3)} (ABSTAIN_THRESHOLD ${deps.config.ABSTAIN_THRESHOLD})` +
        (mustHaveType ? `, ${q.type} ${typeFound ? "found" : "missing"}` : ""),
    );
    // "How did the European Commission respond…?": documents that never name the European Commission do not answer.
    // (A Russian name is written in other letters than an English document's.)
    const index = deps.kb.index();
    const unnamed = q.cyrillic
      ? undefined
      : q.terms.find((t) => t.name !== undefined && ![t.term, ...t.forms].some((x) => index.idf(x) > 0));
    if (unnamed) deps.log.debug(`extractive: the documents never name ${unnamed.term}`);
    // "Who is the president of Ukraine?" is not answered by a sentence that names someone and Ukraine, but no
    // president; "What is the population of Warsaw?" not by one about Warsaw.
    const { attribute } = q;
    const attributeMissing = attribute !== undefined && !evidence.some((e) => e.matched.has(attribute));
    if (attributeMissing)
      deps.log.debug(`extractive: no chosen sentence names what is asked about (${attribute})`);
    // "How did the Kremlin respond to the session?" is not answered by a sentence about the Kremlin and the session
    // that gives no response: neither names one ("reacted", "a reply") nor quotes one.
    const responseMissing = q.response !== undefined && !evidence.some((e) => givesResponse(q, e.text));
    if (responseMissing) deps.log.debug("extractive: no chosen sentence gives a response");
    // "How many tonnes were collected in the 2027 Sweep?" is not answered by a passage about the 2031 one.
    const yearMissing = q.years.find(
      (y) => !evidence.some((e) => new RegExp(`(?<!\\d)${y}(?!\\d)`).test(e.passage.text)),
    );
    if (yearMissing) deps.log.debug(`extractive: no chosen passage speaks of ${yearMissing}`);
    // "Where did the sixth meeting take place?" is not answered by a document about a meeting, but no sixth one.
    // ("The summit closes on Friday" answers for "the third summit" in a document that says which summit it is.)
    const ordinalMissing = q.terms.find(
      (t) => t.ordinal !== undefined && !documentMatched.has(t.ordinal),
    )?.ordinal;
    if (ordinalMissing) deps.log.debug(`extractive: no chosen document says which one (${ordinalMissing})`);
    // "How many people live on Skarvøy?" is not answered from a document that never names Skarvøy, when another does:
    // not even in part, beside a sentence that names it.
    // (A name no document uses is left to the other checks: "Polish" for "Poland".)
    const elsewhere = q.names.find(
      (name) =>
        tokenize(name).some((t) => index.idf(t.term) > 0) &&
        !evidence.map((e) => e.passage.docId).every(namedIn(name)),
    );
    if (elsewhere) deps.log.debug(`extractive: no chosen document names ${elsewhere}`);
    if (
      evidence.length === 0 ||
      coverage < deps.config.ABSTAIN_THRESHOLD ||
      (mustHaveType && !typeFound) ||
      attributeMissing ||
      responseMissing ||
      unnamed !== undefined ||
      yearMissing !== undefined ||
      ordinalMissing !== undefined ||
      elsewhere !== undefined
    ) {
      const nearest = evidence[0];
      return {
        claims: [],
        abstained: true,
        related: nearest ? [{ passage: nearest.passage, span: nearest.span, score: nearest.score }] : [],
      };
    }
    return {
      abstained: false,
      claims: evidence.map((e) => ({
        text: e.text.replace(/\s+/g, " "),
        refs: [{ passage: e.passage, span: e.span, score: e.score }],
      })),
    };
  };

  const llm = async (q: Question, retrieved: RetrievedPassage[]): Promise<Draft> => {
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
    const fallback = extractive(q, usable);
    return { ...fallback, fallback: fallback.abstained ? "abstain" : "extractive", note: reason };
  };

  return {
    async ask(question, options = {}) {
      const started = performance.now();
      const k = options.k ?? deps.config.TOP_K;
      const trimmed = standalone(question.trim(), options.history ?? []);
      const { question: read, retrieval } = expandQuestion(
        readQuestion(trimmed),
        Vocabulary.of(deps.kb.index()),
        deps.lexicon ?? Lexicon.empty,
      );
      // A deeper pool, re-ranked by the sentences' match with the question, then cut to k.
      const pool = trimmed ? await deps.retriever.search(trimmed, Math.max(k, RERANK_POOL), retrieval) : [];
      const retrieved = rerankPassages(read, pool, weight).slice(0, k);
      const retrieveMs = performance.now() - started;
      const mode = options.mode ?? (deps.chatModel ? "llm" : "extractive");
      const draft = mode === "llm" && trimmed ? await llm(read, retrieved) : extractive(read, retrieved);
      const composed = await compose(trimmed, draft, checker);
      const totalMs = performance.now() - started;
      return {
        question,
        ...composed,
        mode,
        ...(draft.fallback ? { fallback: draft.fallback } : {}),
        ...(draft.note ? { note: draft.note } : {}),
        passages: retrieved.map((r) => ({
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

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Numbers the verified citations, drops any that no longer match the file, and writes the answer text with [n] marks. */
async function compose(
  question: string,
  draft: Draft,
  checker: SourceChecker,
): Promise<Pick<Answer, "answer" | "abstained" | "citations" | "related">> {
  const t = hasCyrillic(question) ? TEXTS.ru : TEXTS.en;
  const citations: Citation[] = [];
  const numberOf = async (ref: VerifiedClaim["refs"][number]): Promise<number | undefined> => {
    const existing = citations.find(
      (c) => c.docId === ref.passage.docId && c.start === ref.span.start && c.end === ref.span.end,
    );
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
    for (const part of draft.unanswered ?? []) parts.push(t.unanswered(part.replace(/\[(\d+)\]/g, "($1)")));
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
    answer: `${t.none} ${t.related} ${marks.map((n) => `[${n}]`).join("")}.`,
    abstained: true,
    citations,
    related: true,
  };
}
