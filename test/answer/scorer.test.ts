// The answer scorer's weights file: refused, with how to fix it, when it was fitted for other features.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PASSAGE_FEATURES } from "../../src/answer/rerank.js";
import { Scorer, ScorerError, type ScorerWeights } from "../../src/answer/scorer.js";
import { tempDir } from "../helpers/temp.js";

const committed = (): ScorerWeights =>
  JSON.parse(readFileSync(new URL("../../src/answer/model/weights.json", import.meta.url), "utf8"));

describe("the answer scorer's weights", () => {
  it("scores a passage by the fitted passage weights", () => {
    const weights = committed();
    const ranker = PASSAGE_FEATURES.map((_, i) => (i === 1 ? 2 : 0));
    const scorer = new Scorer({ ...weights, passages: { features: [...PASSAGE_FEATURES], ranker } });
    expect(scorer.passageScore(PASSAGE_FEATURES.map(() => 0.5))).toBe(1);
  });

  it("refuses a file fitted without the passage features, and says to fit again", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "weights.json");
    const { passages: _, ...old } = committed();
    await writeFile(file, JSON.stringify(old));
    expect(() => Scorer.load(file)).toThrow(ScorerError);
    expect(() => Scorer.load(file)).toThrow(/passage features none.*npm run fit/);
    const renamed = { ...committed(), passages: { features: ["fusedPrior"], ranker: [1] } };
    expect(() => new Scorer(renamed)).toThrow(/passage features fusedPrior, not fusedPrior, lexicalPrior/);
  });
});
