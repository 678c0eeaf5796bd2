// Fitting the answer scorer: the ranking learns which candidates answer; thresholds and vetoes are chosen by data.
import { describe, expect, it } from "vitest";
import {
  abstentionInput,
  chooseHedge,
  chooseThreshold,
  chooseThresholdOutOfFold,
  crossValidate,
  crossValidateRanking,
  firstCovering,
  fitRanker,
  fitTwoStage,
  type Group,
  holding,
  outOfFold,
  pickWeight,
  rankScore,
  rightFirst,
  scoreGroup,
  type TwoStage,
} from "../../src/eval/fit.js";

/** Seeded so the fitted figures do not change from run to run. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** Feature 0 marks the answer in answerable parts; feature 1 is noise; feature 2 is set only in unanswerable ones. */
function groups(n: number, seed = 1): Group[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, k) => {
    const answerable = k % 3 !== 0;
    const features = Array.from({ length: 6 }, (_, i) => [
      answerable && i === 2 ? 0.9 : r() * 0.4,
      r(),
      answerable ? 0 : 1,
    ]);
    return {
      corpus: `c${k % 4}`,
      questionId: String(k),
      answerable,
      features,
      labels: features.map((_, i) => answerable && i === 2),
    };
  });
}

describe("fitting the answer scorer", () => {
  it("ranks the candidate that answers first", () => {
    const ranker = fitRanker(groups(80));
    expect(ranker[0]!).toBeGreaterThan(1);
    for (const g of groups(40, 7).filter((x) => x.answerable)) {
      const scores = g.features.map((f) => rankScore(ranker, f));
      expect(scores.indexOf(Math.max(...scores))).toBe(2);
    }
  });

  it("fits only the weights it is told to, holding the others where they start (`--only`)", () => {
    const held = { start: [0.25, -0.5, 0], free: [true, false, false] };
    const ranker = fitRanker(groups(80), 1, 30, held);
    expect(ranker[1]).toBe(-0.5);
    expect(ranker[2]).toBe(0);
    expect(ranker[0]!).toBeGreaterThan(1);
    const model = fitTwoStage(groups(80), 1, [], {
      ranker: [0.25, -0.5, 0],
      abstainer: { bias: 0, weights: [0, 0, 0, 0, 0] },
      free: [false, false, true],
    });
    // The ranker's held weights stay; the abstainer learns from the free feature (set only where none answers).
    expect(model.ranker).toEqual([0.25, -0.5, 0]);
    expect(model.abstainer.weights[2]).toBe(0);
    expect(model.abstainer.weights[3]).toBe(0);
    expect(model.abstainer.weights[4]!).toBeLessThan(0);
    // The abstainer's bias moves with it.
    expect(model.abstainer.bias).not.toBe(0);
  });

  it("abstains where the documents do not answer, at the threshold it chooses", () => {
    const model = fitTwoStage(groups(80));
    const threshold = chooseThreshold(groups(80), model);
    for (const g of groups(40, 9)) {
      expect(scoreGroup(model, g.features).probability >= threshold, g.questionId).toBe(g.answerable);
    }
  });

  it("chooses the threshold for unseen corpora from models that did not see them, and it separates new questions", () => {
    const model = fitTwoStage(groups(120));
    const threshold = chooseThresholdOutOfFold(outOfFold(groups(120)));
    expect(threshold).toBeGreaterThan(0.05);
    expect(threshold).toBeLessThan(0.95);
    for (const g of groups(40, 11)) {
      expect(scoreGroup(model, g.features).probability >= threshold, g.questionId).toBe(g.answerable);
    }
  });

  it("says answers tentatively below the probability from which answers as sure were, unseen, right at least half the time", () => {
    // The best candidate is the one with feature 0; the probability is sigmoid(feature 1) of the best.
    const model: TwoStage = { ranker: [1, 0], abstainer: { bias: 0, weights: [0, 0, 0, 1] }, vetoes: [] };
    const logit = (p: number) => Math.log(p / (1 - p));
    // Ten parts at each probability 0.605, 0.615 … 0.975; the best candidate is right from 0.8 up.
    const parts = (right: (p: number) => boolean): Group[] =>
      Array.from({ length: 380 }, (_, i) => {
        const p = 0.605 + Math.floor(i / 10) / 100;
        return {
          corpus: "c",
          questionId: String(i),
          answerable: true,
          features: [
            [1, logit(p)],
            [0, 0],
          ],
          labels: [right(p), !right(p)],
        };
      });
    const hedge = (right: (p: number) => boolean) =>
      chooseHedge([{ train: [], test: parts(right), model }], 0.6);
    // A band of 0.1 from 0.75 holds 0.755 … 0.845: five probabilities wrong, five right.
    expect(hedge((p) => p >= 0.8)).toBe(0.75);
    expect(hedge(() => true)).toBe(0.6);
    // Never right: every answer seen is tentative.
    expect(hedge(() => false)).toBeGreaterThan(0.975);
  });

  it("left out one corpus at a time, still answers what it should", () => {
    const outcomes = crossValidate(groups(120));
    expect(outcomes.map((o) => o.corpus).sort()).toEqual(["c0", "c1", "c2", "c3"]);
    for (const o of outcomes) {
      expect(o.top1).toBeGreaterThanOrEqual(0.85);
      expect(o.abstainAccuracy).toBeGreaterThanOrEqual(0.85);
      expect(o.falseAbstainRate).toBeLessThanOrEqual(0.15);
    }
  });

  it("skips a vetoed candidate, and has no best when all are vetoed", () => {
    const features = [
      [0.9, 0, 1],
      [0.5, 0, 0],
    ];
    expect(abstentionInput([2, 1], features, [2])!.best).toBe(1);
    expect(abstentionInput([2, 1], features, [])!.best).toBe(0);
    expect(abstentionInput([2, 1], [features[0]!], [2])).toBeUndefined();
  });
});

describe("picking one ranker weight by right first candidates (`--pick`)", () => {
  // Feature 0 is the score as fitted; feature 1 marks the sentence the last answer quoted. The answer trails the
  // repeated sentence by 0.6 in corpora c0–c2; in c3 the repeat is right, 0.1 ahead of the other.
  const part = (corpus: string, lead: number, repeatRight = false): Group => ({
    corpus,
    questionId: `${corpus}-${lead}`,
    answerable: true,
    features: [
      [1 + lead, 0],
      [1, 1],
    ],
    labels: [!repeatRight, repeatRight],
  });
  const parts = [
    ...["c0", "c1", "c2"].flatMap((c) => [part(c, -0.6), part(c, -0.6)]),
    part("c3", -0.1, true),
  ];

  it("counts the parts whose best candidate, none vetoed, covers the evidence", () => {
    expect(rightFirst(parts, [1, 0])).toBe(1);
    expect(rightFirst(parts, [1, 0], [1])).toBe(6);
    expect(rightFirst(parts, [1, -1])).toBe(6);
  });

  it("picks the smallest weight that puts the most right sentences first, and shows each corpus left out", () => {
    // (As committed, -2; each corpus left out is shown without the feature, at 0, and at the weight picked.)
    const pick = pickWeight(parts, [1, -2], 1);
    // -0.75 is the smallest in size that beats the 0.6 lead; the c3 repeat is then second, a loss of one for six.
    expect(pick.weight).toBe(-0.75);
    expect(pick.folds.find((f) => f.corpus === "c0")).toEqual({
      corpus: "c0",
      weight: -0.75,
      before: 0,
      after: 2,
    });
    expect(pick.folds.find((f) => f.corpus === "c3")).toEqual({
      corpus: "c3",
      weight: -0.75,
      before: 1,
      after: 0,
    });
  });
});

describe("a full fit holding what --pick chose", () => {
  it("fits every other weight and leaves the picked one where it was, its abstainer weight too", () => {
    const data = groups(90);
    const held = holding(
      ["answer", "noise", "unanswerable"],
      { noise: -2 },
      { bias: 0, weights: [0, 0, 0, 0.5, 0] },
    );
    expect(held.free).toEqual([true, false, true]);
    expect(held.ranker).toEqual([0, -2, 0]);
    const model = fitTwoStage(data, 1, [], held);
    expect(model.ranker[1]).toBe(-2);
    expect(model.abstainer.weights[3]).toBe(0.5);
    expect(model.ranker[0]).toBeGreaterThan(1);
  });
});

describe("fitting the passage ranker", () => {
  /** Passages in pool order: the one that covers the evidence is third, and alone has feature 1 set. */
  function pools(n: number): Group[] {
    return Array.from({ length: n }, (_, k) => {
      const features = Array.from({ length: 8 }, (_, i) => [1 / (i + 1), i === 2 ? 1 : 0]);
      return {
        corpus: `c${k % 3}`,
        questionId: String(k),
        answerable: true,
        features,
        labels: features.map((_, i) => i === 2),
      };
    });
  }

  it("finds the first covering passage where a ranking puts it, and none where no passage covers", () => {
    expect(firstCovering([0.1, 0.9, 0.5], [false, false, true])).toBe(2);
    expect(firstCovering([0.1, 0.9, 0.5], [false, false, false])).toBeUndefined();
    // Ties keep pool order.
    expect(firstCovering([1, 1, 1], [false, true, true])).toBe(2);
  });

  it("left out one corpus at a time, ranks the covering passage first where the pool's order has it third", () => {
    const outcomes = crossValidateRanking(pools(30), 2);
    expect(outcomes.map((o) => o.corpus)).toEqual(["c0", "c1", "c2"]);
    for (const o of outcomes) {
      expect(o).toMatchObject({ questions: 10, hitAtK: 1, mrr: 1, poolHitAtK: 0, poolMrr: 0 });
    }
  });
});
