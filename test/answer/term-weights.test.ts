// How much a question's words count: rarer ones more, an absent one as the rarest, a borrowed one half.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTEXT_WEIGHT, type TermWeights, termWeights } from "../../src/answer/term-weights.js";
import { type TempApp, tempApp } from "../helpers/app.js";
import { queryTerm } from "../helpers/terms.js";

const term = queryTerm;

describe("termWeights", () => {
  let app: TempApp;
  let weights: TermWeights;
  beforeAll(async () => {
    app = await tempApp({
      seed: false,
      docs: {
        "a.md": "The congress met in Warsaw.\n\nThe congress voted on the budget.",
        "b.md": "The congress elected a chair.",
      },
    });
    weights = termWeights(() => app.kb.index());
  });
  afterAll(() => app.cleanup());

  it("weighs a rare word above a common one", () => {
    expect(weights.search(term({ term: "warsaw" }))).toBeGreaterThan(
      weights.search(term({ term: "congress" })),
    );
  });

  it("weighs a word the corpus never uses at least as the rarest, less when it has many senses", () => {
    const absent = weights.search(term({ term: "budgetari" }));
    expect(absent).toBeGreaterThanOrEqual(weights.search(term({ term: "warsaw" })));
    expect(weights.search(term({ term: "take", senses: 40 }))).toBeLessThan(absent);
  });

  it("counts a word a follow-up borrows at CONTEXT_WEIGHT", () => {
    const own = weights.search(term({ term: "warsaw" }));
    expect(weights.search(term({ term: "warsaw", context: true }))).toBeCloseTo(own * CONTEXT_WEIGHT);
  });

  it("weighs a word for the answer by the form the corpus has: «избрал» as «elected», not as absent", () => {
    const russian = term({ term: "избра", forms: ["elect"] });
    const elected = weights.search(term({ term: "elect" }));
    expect(weights.answer(russian)).toBeCloseTo(elected);
    expect(weights.search(russian)).toBeGreaterThan(elected);
  });

  it("weighs a word the corpus has only as a phrase of its translation by the phrase's rarest word", () => {
    const chair = term({ term: "chairperson", phrases: [["congress", "warsaw"]] });
    expect(weights.answer(chair)).toBeCloseTo(weights.search(term({ term: "warsaw" })));
    expect(weights.answer(term({ term: "chairperson" }))).toBeGreaterThan(weights.answer(chair));
  });
});
