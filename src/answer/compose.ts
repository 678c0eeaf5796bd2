// An answer's words and marks: the draft's claims with their citations numbered and checked against the files, what
// was not answered said so, in the asker's language.
import type { Answer, Citation } from "./answer.js";
import type { AnswerDraft } from "./answerers/answerer.js";
import { makeCitation, type SourceChecker } from "./citations.js";
import type { VerifiedClaim } from "./llm.js";

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

/** Numbers the verified citations, drops any that no longer match the file, and writes the answer text with [n] marks. */
export async function compose(
  question: string,
  /** Whether the asker wrote in Russian (`Question.cyrillic`): not a follow-up's borrowed names. */
  cyrillic: boolean,
  draft: AnswerDraft,
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
