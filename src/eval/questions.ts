// The evaluation question file (../shared/CONTRACTS.md): its schema, and the checks against the evaluated corpus.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { AppError } from "../errors.js";
import type { CorpusTexts } from "./corpus-texts.js";
import { thresholdsSchema, type Thresholds } from "./thresholds.js";

/** The question file cannot be used: unreadable, malformed, or citing evidence the corpus does not contain. */
export class QuestionFileError extends AppError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join("\n  ")}`}`,
      "Fix the question file (format: ../shared/CONTRACTS.md, “Evaluation question file”) or pass another with --questions.",
    );
  }
}

const text = z.string().trim().min(1, "must not be empty");

const questionSchema = z.object({
  id: z.union([text, z.number().transform(String)]),
  question: text,
  answerable: z.boolean(),
  // A bare string is read as a group with one alternative.
  facts: z
    .array(z.union([text.transform((s) => [s]), z.array(text).min(1, "a fact group needs an alternative")]))
    .default([]),
  evidence: z.array(z.string().min(1, "must not be empty")).default([]),
  tag: text.optional(),
  tags: z.array(text).optional(),
  history: z.array(text).optional(),
});

export interface EvalQuestion {
  id: string;
  question: string;
  answerable: boolean;
  /** Groups of alternatives: every group must appear in the answer, any one alternative counts. */
  facts: string[][];
  /** Exact substrings of some corpus document. */
  evidence: string[];
  /** From `tag` (and `tags`, if given). */
  tags: string[];
  /** Earlier questions of the same conversation, oldest first: asked first, not scored. */
  history?: string[];
}

export interface QuestionSet {
  file: string;
  questions: EvalQuestion[];
  thresholds: Thresholds;
}

/** "question "q07" (questions[6])" or "questions[6]" when the entry has no usable id. */
function nameOf(raw: unknown, i: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number"
    ? `question "${id}" (questions[${i}])`
    : `questions[${i}]`;
}

function issueText(issues: z.ZodIssue[]): string {
  return issues.map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; ");
}

/** Parses and checks the structure of a question file's JSON; every problem names its question. */
export function parseQuestionFile(file: string, json: unknown): QuestionSet {
  // A bare array of questions is accepted too.
  const top = (Array.isArray(json) ? { questions: json } : json) as {
    questions?: unknown;
    thresholds?: unknown;
  };
  if (
    typeof top !== "object" ||
    top === null ||
    !Array.isArray(top.questions) ||
    top.questions.length === 0
  ) {
    throw new QuestionFileError(file, ['expected {"questions": [...]} with at least one question']);
  }
  const problems: string[] = [];
  const questions: EvalQuestion[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of (top.questions as unknown[]).entries()) {
    const q = questionSchema.safeParse(raw);
    if (!q.success) {
      problems.push(`${nameOf(raw, i)}: ${issueText(q.error.issues)}`);
      continue;
    }
    const { id, question, answerable, facts, evidence, tag, tags = [], history = [] } = q.data;
    if (seen.has(id)) {
      problems.push(`${nameOf(raw, i)}: the id is used twice`);
      continue;
    }
    seen.add(id);
    questions.push({
      id,
      question,
      answerable,
      facts,
      evidence,
      tags: [...new Set([...(tag ? [tag] : []), ...tags])],
      history,
    });
  }
  const thresholds = thresholdsSchema.safeParse(top.thresholds ?? {});
  if (!thresholds.success) problems.push(`thresholds: ${issueText(thresholds.error.issues)}`);
  if (problems.length > 0 || !thresholds.success) throw new QuestionFileError(file, problems);
  return { file, questions, thresholds: thresholds.data };
}

/** Every evidence string must occur in some document of the corpus being evaluated. */
export function checkEvidence(set: QuestionSet, corpus: CorpusTexts): void {
  if (corpus.documentIds.length === 0) {
    throw new QuestionFileError(set.file, [
      `the corpus folder ${corpus.corpusDir} has no documents (.md, .txt)`,
    ]);
  }
  const problems: string[] = [];
  for (const q of set.questions) {
    for (const e of q.evidence) {
      if (corpus.occurrences(e).length === 0) {
        const shown = e.length > 80 ? `${e.slice(0, 77)}...` : e;
        problems.push(
          `question "${q.id}": evidence ${JSON.stringify(shown)} occurs in no document of ${corpus.corpusDir}`,
        );
      }
    }
  }
  if (problems.length > 0) throw new QuestionFileError(set.file, problems);
}

/** Reads, parses and checks a question file against the corpus. */
export async function loadQuestionSet(file: string, corpus: CorpusTexts): Promise<QuestionSet> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new QuestionFileError(file, [`cannot be read as JSON: ${reason}`]);
  }
  const set = parseQuestionFile(file, json);
  checkEvidence(set, corpus);
  return set;
}
