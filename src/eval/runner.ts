// Runs a question set through the answer pipeline, one question at a time, and builds the report.
import { type Turn, turnOf } from "../answer/follow-up.js";
import type { Answer } from "../answer/answer.js";
import type { AnswerPipeline, AskOptions } from "../answer/pipeline.js";
import { ParagraphBm25 } from "./baseline.js";
import type { CorpusTexts } from "./corpus-texts.js";
import { buildSummary, type QuestionResult, scoreAnswer, type Summary } from "./metrics.js";
import type { EvalQuestion } from "./questions.js";

export interface EvalRun {
  pipeline: AnswerPipeline;
  corpus: CorpusTexts;
  questions: EvalQuestion[];
  k: number;
  mode: "extractive" | "llm";
  /** Questions with one of these tags are not asked and not counted anywhere. */
  excludeTags?: string[];
  onResult?: (result: QuestionResult, done: number, total: number) => void;
}

export interface EvalReport {
  summary: Summary;
  results: QuestionResult[];
}

/**
 * Asks a question at the end of its conversation: its `history` first, in order, each with the answers before it
 * (their answers unscored), then the question itself with `options` (a trace, say) and the whole history.
 */
export async function askInConversation(
  pipeline: AnswerPipeline,
  q: Pick<EvalQuestion, "question" | "history">,
  options: AskOptions = {},
): Promise<Answer> {
  const { trace: _, ...earlierOptions } = options;
  const history: Turn[] = [];
  for (const earlier of q.history ?? []) {
    const a = await pipeline.ask(earlier, { ...earlierOptions, history });
    history.push(turnOf(earlier, a));
  }
  return pipeline.ask(q.question, { ...options, history });
}

export function selectQuestions(questions: EvalQuestion[], excludeTags: string[] = []): EvalQuestion[] {
  return questions.filter((q) => !q.tags.some((t) => excludeTags.includes(t)));
}

export async function runEval(run: EvalRun): Promise<EvalReport> {
  const questions = selectQuestions(run.questions, run.excludeTags);
  const results: QuestionResult[] = [];
  const baseline = new ParagraphBm25(run.corpus.entries());
  for (const q of questions) {
    const began = performance.now();
    let result: QuestionResult;
    try {
      const answer = await askInConversation(run.pipeline, q, { k: run.k, mode: run.mode });
      result = await scoreAnswer(q, answer, {
        k: run.k,
        baseline: baseline.search(q.question, run.k),
        corpus: run.corpus,
        elapsedMs: performance.now() - began,
      });
    } catch (e) {
      // One failing question must not hide the others: it scores as a wrong answer and is reported.
      const error = e instanceof Error ? e.message : String(e);
      result = await scoreAnswer(q, undefined, {
        k: run.k,
        corpus: run.corpus,
        elapsedMs: performance.now() - began,
        error,
      });
    }
    results.push(result);
    run.onResult?.(result, results.length, questions.length);
  }
  const summary = buildSummary(results, { k: run.k, mode: run.mode, excludedTags: run.excludeTags });
  return { summary, results };
}
