// What capitalised words name, by the dictionaries alone.
import { describe, expect, it } from "vitest";
import { kindOfName, namedWords } from "../../src/text/names.js";

describe("kindOfName", () => {
  it.each([
    ["Riga", "place"],
    ["Георгия", "name"],
    ["Риге", "place"],
    ["Hostova", "name"],
    ["Council", undefined],
    ["Saturday", undefined],
    ["Совет", undefined],
  ])("%s names %s", (word, kind) => {
    expect(kindOfName(word)).toBe(kind);
  });
});

describe("namedWords", () => {
  it("reads runs of capitalised words as names or places, and leaves out words of the language", () => {
    expect(namedWords("Who chaired the Riga session with Ilya Ponomarev on Saturday?", true)).toEqual([
      { words: ["Riga"], kind: "place" },
      { words: ["Ilya", "Ponomarev"], kind: "name" },
    ]);
  });

  it("reads a name the dictionaries do not know as a place after a preposition", () => {
    expect(namedWords("How many people live on Skarvøy?", true)).toEqual([
      { words: ["Skarvøy"], kind: "place" },
    ]);
  });
});
