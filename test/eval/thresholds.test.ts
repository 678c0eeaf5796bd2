import { describe, expect, it } from "vitest";
import { buildSummary } from "../../src/eval/metrics.js";
import {
  checkThresholds,
  mergeThresholds,
  parseThresholdFlag,
  ThresholdError,
} from "../../src/eval/thresholds.js";

const summary = {
  ...buildSummary([], { k: 5, mode: "extractive", excludedTags: ["skip"] }),
  hitAtK: 0.85,
  mrr: 0.9,
  falseAbstainRate: 0.2,
  p95Ms: 120,
  byTag: { ru: { ...buildSummary([], { k: 5, mode: "extractive" }), factRecall: 0.1 } },
};

describe("--min flags", () => {
  it("reads overall and per-tag limits", () => {
    expect(parseThresholdFlag("hitAtK=0.9")).toEqual({ metric: "hitAtK", limit: 0.9 });
    expect(parseThresholdFlag("ru.factRecall=0.2")).toEqual({ metric: "factRecall", tag: "ru", limit: 0.2 });
    expect(parseThresholdFlag("byTag.ru.mrr=0")).toEqual({ metric: "mrr", tag: "ru", limit: 0 });
    expect(parseThresholdFlag("p95Ms=1500")).toEqual({ metric: "p95Ms", limit: 1500 });
  });

  it("refuses unknown metrics, missing values and shares above 1", () => {
    expect(() => parseThresholdFlag("hitRate=0.9")).toThrow(ThresholdError);
    expect(() => parseThresholdFlag("hitRate=0.9")).toThrow(/unknown metric "hitRate"/);
    expect(() => parseThresholdFlag("hitAtK")).toThrow(/expected NAME=VALUE/);
    expect(() => parseThresholdFlag("hitAtK=")).toThrow(/number/);
    expect(() => parseThresholdFlag("hitAtK=90")).toThrow(/from 0 to 1/);
  });

  it("replace the file's limit on the same metric", () => {
    const merged = mergeThresholds(
      [
        { metric: "hitAtK", limit: 0.9 },
        { metric: "mrr", limit: 0.5 },
      ],
      [{ metric: "hitAtK", limit: 0.8 }],
    );
    expect(merged).toEqual([
      { metric: "mrr", limit: 0.5 },
      { metric: "hitAtK", limit: 0.8 },
    ]);
  });
});

describe("checking thresholds", () => {
  it("treats shares as floors and falseAbstainRate and latency as ceilings", () => {
    const checks = checkThresholds(summary, [
      { metric: "hitAtK", limit: 0.9 },
      { metric: "mrr", limit: 0.9 },
      { metric: "falseAbstainRate", limit: 0.1 },
      { metric: "p95Ms", limit: 200 },
    ]);
    expect(checks.map((c) => [c.name, c.direction, c.passed])).toEqual([
      ["hitAtK", "min", false],
      ["mrr", "min", true],
      ["falseAbstainRate", "max", false],
      ["p95Ms", "max", true],
    ]);
    expect(checks[0]!.message).toBe("hitAtK = 0.850, needs at least 0.900");
  });

  it("checks per-tag limits, misses what was not measured, and skips excluded tags", () => {
    const checks = checkThresholds(summary, [
      { metric: "factRecall", tag: "ru", limit: 0.2 },
      { metric: "abstainAccuracy", limit: 0.5 },
      { metric: "hitAtK", tag: "absent", limit: 0.5 },
      { metric: "hitAtK", tag: "skip", limit: 0.5 },
    ]);
    expect(checks.map((c) => [c.name, c.passed, c.skipped])).toEqual([
      ["byTag.ru.factRecall", false, false],
      ["abstainAccuracy", false, false],
      ["byTag.absent.hitAtK", false, false],
      ["byTag.skip.hitAtK", true, true],
    ]);
    expect(checks[1]!.message).toMatch(/not measured/);
  });
});
