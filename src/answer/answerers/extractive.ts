// The extractive answerer: the sentences the fitted scorer ranks best answer, with the short answer they give; a
// question the documents do not answer surely enough is abstained on, its nearest passage offered as related.
import type { KnowledgeBase } from "../../knowledge-base.js";
import type { Logger } from "../../logger.js";
import type { RetrievedPassage } from "../../retrieval/retriever.js";
import { withLabels } from "../../text/table.js";
import { tokenize } from "../../text/tokenize.js";
import type { WordVectors } from "../../text/word-vectors.js";
import { nameIn } from "../entities.js";
import { documentOrder, needsType, selectEvidence } from "../extractive.js";
import type { QuestionContext } from "../features.js";
import { namesIn, pointsAtPerson } from "../follow-up.js";
import { leadText } from "../lead.js";
import type { VerifiedClaim } from "../llm.js";
import { borrowing, type QueryTerm, type Question, readQuestion } from "../question.js";
import type { Scorer } from "../scorer.js";
import type { TermWeights } from "../term-weights.js";
import type { AnswerDraft, Answerer, AskState } from "./answerer.js";

/** How much of a document's first passage is its opening: the title, byline and dateline. */
const OPENING = 300;

export interface ExtractiveDeps {
  kb: KnowledgeBase;
  scorer: Scorer;
  /** The scorer's probability under which the answerer abstains. */
  threshold: number;
  weights: TermWeights;
  vectors?: WordVectors;
  log: Logger;
}

export function createExtractiveAnswerer(deps: ExtractiveDeps): Answerer {
  const { scorer, threshold } = deps;
  const weight = deps.weights.answer;

  /** Each part of a two-part question is answered on its own; the answer has what the documents support. */
  const extractive = (q: Question, retrieved: RetrievedPassage[], turn: AskState): AnswerDraft => {
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
    const unsure: NonNullable<AnswerDraft["unsure"]> = [];
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
    const isUnknown = (t: QueryTerm) =>
      ![t.term, ...t.forms].some((x) => index.idf(x) > 0) &&
      !t.phrases?.some((p) => p.every((w) => index.idf(w) > 0));
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
  ): AnswerDraft => {
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

  return extractive;
}
