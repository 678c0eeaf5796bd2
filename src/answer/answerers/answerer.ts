// What an answerer is: a question and the passages retrieval ranked in, a draft of claims with their sources out.
// The extractive answerer (./extractive.ts) and the LLM one (./llm.ts) both are; the pipeline picks one per question.
import type { Answer } from "../answer.js";
import type { ScoredCandidate } from "../extractive.js";
import type { TurnSource } from "../follow-up.js";
import type { VerifiedClaim } from "../llm.js";
import type { Question } from "../question.js";
import type { RetrievedPassage } from "../../retrieval/retriever.js";

export type Answerer = (
  q: Question,
  passages: RetrievedPassage[],
  state: AskState,
) => AnswerDraft | Promise<AnswerDraft>;

/** What one question's answering carries beside the question. */
export interface AskState {
  /** Words the corpus lacks that the question's reading corrected (`expandQuestion`). */
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

/** An answer before its citations are numbered and checked against the files (`compose`). */
export interface AnswerDraft {
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
