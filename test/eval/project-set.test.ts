// The project's own question set: its shape, and the CI gate that runs it in extractive mode against its thresholds.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusTexts } from "../../src/eval/corpus-texts.js";
import { normalizeForMatch } from "../../src/eval/match.js";
import { loadQuestionSet, type QuestionSet } from "../../src/eval/questions.js";
import { evalEnv, ROOT, runEvalCli } from "./cli-helpers.js";

const QUESTIONS = path.join(ROOT, "test/eval/questions.json");
let set: QuestionSet;
let corpusText: string;

beforeAll(async () => {
  const corpus = await CorpusTexts.load(path.join(ROOT, "corpus"));
  set = await loadQuestionSet(QUESTIONS, corpus);
  corpusText = normalizeForMatch(
    (await Promise.all(corpus.documentIds.map((id) => corpus.source(id)))).join("\n"),
  );
});

describe("the project's question set", () => {
  it("has at least 40 questions, 8 unanswerable and 5 in Russian, and valid evidence", () => {
    const { questions } = set;
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(8);
    expect(questions.filter((q) => q.tags.includes("ru")).length).toBeGreaterThanOrEqual(5);
    expect(questions.filter((q) => q.answerable && q.facts.length > 1).length).toBeGreaterThanOrEqual(5);
    for (const q of questions.filter((x) => x.answerable)) {
      expect(q.evidence.length, q.id).toBeGreaterThan(0);
      expect(q.facts.length, q.id).toBeGreaterThan(0);
    }
  });

  it("paraphrases the corpus rather than copying it", () => {
    // No question repeats six consecutive words of the corpus (the congress's name counts as one word).
    const name = (s: string) => s.replaceAll("congress of people's deputies", "congress");
    const corpus = name(corpusText);
    for (const q of set.questions) {
      const words = name(normalizeForMatch(q.question)).replace(/[?.,]/g, "").split(" ");
      for (let i = 0; i + 6 <= words.length; i++) {
        expect(corpus.includes(words.slice(i, i + 6).join(" ")), `${q.id}: ${q.question}`).toBe(false);
      }
    }
  });

  it("sets CI thresholds on the summary metrics", () => {
    expect(set.thresholds.map((t) => t.metric)).toEqual(
      expect.arrayContaining([
        "hitAtK",
        "mrr",
        "factRecall",
        "citationRecall",
        "quoteExactness",
        "abstainAccuracy",
      ]),
    );
  });
});

describe("CI gate: the project's set in extractive mode", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "eval-project-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("meets the thresholds of test/eval/questions.json", { timeout: 180_000 }, async () => {
    const json = path.join(dir, "report.json");
    // The project's corpus, read only; a throwaway index.
    const env = evalEnv({
      CORPUS_DIR: path.join(ROOT, "corpus"),
      INDEX_DIR: path.join(dir, "index"),
      DATA_DIR: path.join(dir, "data"),
    });
    // Latency only gets a loose ceiling: CI machines differ too much for a tight one.
    const args = ["--mode", "extractive", "--json", json, "--min", "p95Ms=5000"];
    const { code, stdout, stderr } = await runEvalCli(args, env);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    const { summary } = JSON.parse(await readFile(json, "utf8"));
    expect(summary).toMatchObject({ n: set.questions.length, mode: "extractive", errors: 0 });
    // Russian questions are reported on their own, never hidden.
    expect(summary.byTag.ru.n).toBe(set.questions.filter((q) => q.tags.includes("ru")).length);
  });
});
