import { describe, expect, it } from "vitest";
import type { Answer, Citation, PassageRef } from "../../src/answer/answer.js";
import { CorpusTexts } from "../../src/eval/corpus-texts.js";
import {
  buildSummary,
  percentile,
  type QuestionResult,
  reliability,
  scoreAnswer,
  summarize,
} from "../../src/eval/metrics.js";
import type { EvalQuestion } from "../../src/eval/questions.js";

const DOC =
  "Alpha opened in Warsaw on Wednesday. The budget is secret. Beta ends on Saturday. Beta ends again.";
const corpus = CorpusTexts.of("/nowhere", { "a.md": DOC });

/** The span of `text` (its first occurrence after `from`) in DOC. */
function at(text: string, from = 0) {
  const start = DOC.indexOf(text, from);
  if (start < 0) throw new Error(`not in DOC: ${text}`);
  return { docId: "a.md", start, end: start + text.length };
}

function cite(n: number, text: string, quote = text): Citation {
  return { ...at(text), n, title: "A", quote, line: 1, passageId: `p${n}`, score: 1 };
}

function passage(text: string): PassageRef {
  return { ...at(text), passageId: text, score: 1 };
}

function answer(a: Partial<Answer> & { totalMs: number }): Answer {
  return {
    question: "?",
    answer: "",
    abstained: false,
    mode: "extractive",
    citations: [],
    passages: [],
    ...a,
    timings: { retrieveMs: 0, answerMs: 0, totalMs: a.totalMs },
  };
}

const q = (id: string, over: Partial<EvalQuestion>): EvalQuestion => ({
  id,
  question: `question ${id}`,
  answerable: true,
  facts: [],
  evidence: [],
  tags: [],
  ...over,
});

const QUESTIONS = [
  q("q1", { facts: [["Warsaw"], ["Wednesday"]], evidence: ["opened in Warsaw"] }),
  q("q2", { facts: [["saturday"]], evidence: ["Beta ends on Saturday"], tags: ["ru"] }),
  q("q3", { answerable: false }),
  q("q4", { answerable: false, tags: ["ru"] }),
  // "Beta ends" occurs twice: covering either occurrence counts.
  q("q5", { facts: [["Beta"]], evidence: ["Beta ends"] }),
];

const ANSWERS = [
  // Right facts in part, covering citation, first covering passage at rank 2.
  answer({
    answer: "Alpha opened in Warsaw [1].",
    citations: [cite(1, "Alpha opened in Warsaw")],
    passages: [passage("The budget is secret."), passage("Alpha opened in Warsaw on Wednesday.")],
    totalMs: 10,
  }),
  // All facts; one covering citation whose quote is wrong, one citation off the evidence; covering passage only at rank 3.
  answer({
    answer: "Beta ends on SATURDAY [1] [2].",
    citations: [cite(1, "Beta ends on Saturday", "Beta ends on Sunday"), cite(2, "The budget is secret.")],
    passages: [passage("Alpha opened"), passage("The budget"), passage("Beta ends on Saturday.")],
    totalMs: 20,
  }),
  answer({ answer: "The documents do not answer this.", abstained: true, totalMs: 30 }),
  // Should have abstained; its citation is exact but is not judged for coverage.
  answer({ answer: "The budget is secret [1].", citations: [cite(1, "The budget is secret.")], totalMs: 40 }),
  // A false abstention with a covering passage at rank 1 and no citation.
  answer({ answer: "No answer.", abstained: true, passages: [passage("Beta ends again.")], totalMs: 50 }),
];

async function scoreAll(k = 2) {
  const results = [];
  for (const [i, question] of QUESTIONS.entries()) {
    results.push(await scoreAnswer(question, ANSWERS[i], { k, corpus, elapsedMs: 0 }));
  }
  return results;
}

describe("scoring one answer", () => {
  it("finds the rank of the first covering passage within the top k only", async () => {
    const [r1, r2, r3, , r5] = await scoreAll();
    expect([r1!.hit, r1!.rank]).toEqual([true, 2]);
    expect([r2!.hit, r2!.rank]).toEqual([false, null]);
    expect(r2!.passages).toHaveLength(2);
    expect([r3!.hit, r3!.rank, r3!.factRecall, r3!.citationCovered]).toEqual([null, null, null, null]);
    expect(r5!.rank).toBe(1);
  });

  it("judges each citation for coverage and for an exact quote", async () => {
    const [r1, r2, , r4] = await scoreAll();
    expect(r1!.citations.map((c) => [c.covers, c.exact])).toEqual([[true, true]]);
    expect(r2!.citations.map((c) => [c.covers, c.exact])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(r4!.citations.map((c) => [c.covers, c.exact])).toEqual([[null, true]]);
  });

  it("counts fact groups and names the missing ones", async () => {
    const [r1] = await scoreAll();
    expect([r1!.factRecall, r1!.factsFound, r1!.factsTotal]).toEqual([0.5, 1, 2]);
    expect(r1!.missingFacts).toEqual([["Wednesday"]]);
  });

  it("scores a question whose pipeline call threw as an empty, non-abstaining answer", async () => {
    const r = await scoreAnswer(QUESTIONS[0]!, undefined, { k: 2, corpus, elapsedMs: 7, error: "boom" });
    expect(r).toMatchObject({
      answer: "",
      abstained: false,
      hit: false,
      factRecall: 0,
      totalMs: 7,
      error: "boom",
    });
  });

  it("treats a citation of a file that does not exist as inexact", async () => {
    const bad = { ...cite(1, "Alpha"), docId: "../outside.md" };
    const r = await scoreAnswer(QUESTIONS[0]!, answer({ citations: [bad], totalMs: 1 }), {
      k: 2,
      corpus,
      elapsedMs: 0,
    });
    expect(r.citations[0]!.exact).toBe(false);
  });
});

describe("summary metrics", () => {
  it("computes every metric as the contract defines it", async () => {
    const m = summarize(await scoreAll());
    expect(m.hitAtK).toBeCloseTo(2 / 3);
    expect(m.mrr).toBeCloseTo((1 / 2 + 0 + 1) / 3);
    expect(m.factRecall).toBeCloseTo((0.5 + 1 + 0) / 3);
    expect(m.citationPrecision).toBeCloseTo(2 / 3);
    expect(m.citationRecall).toBeCloseTo(2 / 3);
    expect(m.quoteExactness).toBeCloseTo(3 / 4);
    expect(m.abstainAccuracy).toBeCloseTo(1 / 2);
    expect(m.falseAbstainRate).toBeCloseTo(1 / 3);
    expect(m.p50Ms).toBe(30);
    expect(m.p95Ms).toBeCloseTo(48);
    expect([m.n, m.nAnswerable, m.nUnanswerable, m.errors]).toEqual([5, 3, 2, 0]);
  });

  it("a larger k can turn a miss into a hit", async () => {
    const m = summarize(await scoreAll(3));
    expect(m.hitAtK).toBe(1);
    expect(m.mrr).toBeCloseTo((1 / 2 + 1 / 3 + 1) / 3);
  });

  it("gives each tag its own summary and keeps tagged questions in the main one", async () => {
    const s = buildSummary(await scoreAll(), { k: 2, mode: "extractive" });
    expect(s.n).toBe(5);
    expect(Object.keys(s.byTag)).toEqual(["ru"]);
    expect(s.byTag.ru).toMatchObject({
      n: 2,
      hitAtK: 0,
      factRecall: 1,
      abstainAccuracy: 0,
      falseAbstainRate: 0,
    });
    expect([s.k, s.mode]).toEqual([2, "extractive"]);
  });

  it("reports null for a metric nothing could measure", () => {
    const m = summarize([]);
    expect(m.hitAtK).toBeNull();
    expect(m.abstainAccuracy).toBeNull();
    expect(m.p95Ms).toBeNull();
    expect(m.n).toBe(0);
  });

  it("interpolates percentiles between ranks", () => {
    expect(percentile([5], 0.95)).toBe(5);
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([10, 20], 0.95)).toBeCloseTo(19.5);
  });
});

describe("reliability", () => {
  const result = (confidence: number, abstained: boolean, covered: boolean, answerable = true) =>
    ({ confidence, abstained, answerable, citationCovered: covered }) as unknown as QuestionResult;

  it("counts questions, answers and right answers per band of confidence", () => {
    const bands = reliability([
      result(0.1, true, false),
      result(0.85, false, true),
      result(0.9, false, false),
      result(1, false, true),
      result(0.95, false, false, false),
    ]);
    expect(bands.map((b) => b.band)).toEqual(["0.0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1.0"]);
    expect(bands[0]).toMatchObject({ questions: 1, answered: 0, right: 0 });
    expect(bands[4]).toMatchObject({ questions: 4, answered: 4, right: 2 });
  });

  it("is empty when no answer carries a confidence", () => {
    expect(reliability([{ abstained: true } as unknown as QuestionResult])).toEqual([]);
  });
});
