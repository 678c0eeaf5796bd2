import { describe, expect, it } from "vitest";
import { coversOccurrence, matchFacts, normalizeForMatch } from "../../src/eval/match.js";

describe("fact matching", () => {
  it("ignores case, accents and repeated white space", () => {
    expect(normalizeForMatch("  Café\n\t MÜNCHEN  ")).toBe("cafe munchen");
    expect(matchFacts("The session opened in  WARSAW\non Wednesday.", [["warsaw"], ["wednesday"]])).toEqual([
      "warsaw",
      "wednesday",
    ]);
    expect(matchFacts("Ponomarëv leads it", [["Ponomarev"]])).toEqual(["Ponomarev"]);
    expect(matchFacts("Съезд открылся в Варшаве", [["варшав"]])).toEqual(["варшав"]);
  });

  it("takes any alternative of a group and reports a group with none as missing", () => {
    expect(matchFacts("It began on Wed.", [["Wednesday", "Wed"], ["Saturday"]])).toEqual(["Wed", undefined]);
  });

  it("does not ignore punctuation or spelling", () => {
    expect(matchFacts("Kyiv's strategy", [["Kiev"]])).toEqual([undefined]);
  });
});

describe("covering evidence", () => {
  const occurrence = { docId: "a.md", start: 100, end: 120 };

  it("covers when the span overlaps at least half of the occurrence", () => {
    expect(coversOccurrence({ docId: "a.md", start: 0, end: 500 }, occurrence)).toBe(true);
    expect(coversOccurrence({ docId: "a.md", start: 110, end: 200 }, occurrence)).toBe(true);
    expect(coversOccurrence({ docId: "a.md", start: 0, end: 110 }, occurrence)).toBe(true);
  });

  it("does not cover with less than half, another document, or mere adjacency", () => {
    expect(coversOccurrence({ docId: "a.md", start: 111, end: 200 }, occurrence)).toBe(false);
    expect(coversOccurrence({ docId: "a.md", start: 0, end: 109 }, occurrence)).toBe(false);
    expect(coversOccurrence({ docId: "b.md", start: 0, end: 500 }, occurrence)).toBe(false);
    expect(coversOccurrence({ docId: "a.md", start: 120, end: 300 }, occurrence)).toBe(false);
  });
});
