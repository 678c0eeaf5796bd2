import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusTexts } from "../../src/eval/corpus-texts.js";
import { loadQuestionSet, parseQuestionFile, QuestionFileError } from "../../src/eval/questions.js";

const corpus = CorpusTexts.of("/corpus", { "a.md": "The session opened in Warsaw on Wednesday." });

function problemsOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(QuestionFileError);
    return (e as QuestionFileError).message;
  }
  throw new Error("expected a QuestionFileError");
}

describe("question file structure", () => {
  it("reads the contract's format, bare-string facts, and tags", () => {
    const set = parseQuestionFile("f.json", {
      questions: [
        {
          id: "q01",
          question: "Where?",
          answerable: true,
          facts: [["Warsaw"], "Wednesday"],
          evidence: ["Warsaw"],
        },
        { id: "u01", question: "Budget?", answerable: false, tag: "ru" },
      ],
      thresholds: { hitAtK: 0.9, byTag: { ru: { abstainAccuracy: 0.5 } } },
    });
    expect(set.questions[0]).toMatchObject({ facts: [["Warsaw"], ["Wednesday"]], tags: [] });
    expect(set.questions[1]).toMatchObject({ facts: [], evidence: [], tags: ["ru"] });
    expect(set.thresholds).toEqual([
      { metric: "hitAtK", limit: 0.9 },
      { metric: "abstainAccuracy", tag: "ru", limit: 0.5 },
    ]);
  });

  it("names the question with a bad field", () => {
    const message = problemsOf(() =>
      parseQuestionFile("f.json", {
        questions: [
          { id: "q01", question: "Fine?", answerable: true },
          { id: "q02", question: "", answerable: "yes", facts: [[]] },
        ],
      }),
    );
    expect(message).toContain('question "q02"');
    expect(message).toMatch(/question: must not be empty/);
    expect(message).toMatch(/answerable/);
    expect(message).toMatch(/facts\.0/);
    expect(message).not.toContain('"q01"');
  });

  it("rejects duplicate ids, a missing question list, and unknown threshold metrics", () => {
    const q = { id: "q01", question: "Where?", answerable: true };
    expect(problemsOf(() => parseQuestionFile("f.json", { questions: [q, q] }))).toMatch(
      /question "q01" \(questions\[1\]\): the id is used twice/,
    );
    expect(problemsOf(() => parseQuestionFile("f.json", { items: [] }))).toMatch(/expected \{"questions"/);
    expect(
      problemsOf(() => parseQuestionFile("f.json", { questions: [q], thresholds: { hitRate: 1 } })),
    ).toMatch(/thresholds: hitRate: unknown metric/);
  });
});

describe("question file against the corpus", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "eval-questions-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("rejects evidence that occurs in no document, naming the question", async () => {
    const file = path.join(dir, "q.json");
    await writeFile(
      file,
      JSON.stringify({
        questions: [
          { id: "good", question: "Where?", answerable: true, evidence: ["opened in Warsaw"] },
          { id: "q-bad", question: "When?", answerable: true, evidence: ["opened in Warsaw on Thursday"] },
        ],
      }),
    );
    await expect(loadQuestionSet(file, corpus)).rejects.toThrow(
      /question "q-bad": evidence "opened in Warsaw on Thursday" occurs in no document of \/corpus/,
    );
  });

  it("says so when the file is missing or is not JSON", async () => {
    await expect(loadQuestionSet(path.join(dir, "none.json"), corpus)).rejects.toThrow(/no such file/);
    const file = path.join(dir, "broken.json");
    await writeFile(file, "{ questions: ");
    await expect(loadQuestionSet(file, corpus)).rejects.toThrow(/cannot be read as JSON/);
  });
});
