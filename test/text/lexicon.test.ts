// The English–Russian word list, read as stems both ways.
import { describe, expect, it } from "vitest";
import { Lexicon } from "../../src/text/lexicon.js";
import { stem } from "../../src/text/tokenize.js";
import { WordVectors, WordVectorsError } from "../../src/text/word-vectors.js";

describe("Lexicon", () => {
  const lexicon = Lexicon.fromText("session\tсессия|заседание\ntake place\tсостояться\n\nbroken line\n");

  it("translates stems both ways", () => {
    expect(lexicon.translate(stem("сессии"))).toEqual(["session"]);
    expect(lexicon.translate("session")).toEqual(expect.arrayContaining([stem("сессия"), stem("заседание")]));
  });

  it("maps a Russian word to the content words of an English phrase, not the phrase's words back", () => {
    expect(lexicon.translate(stem("состоялся"))).toContain("place");
    expect(lexicon.translate("place")).toEqual([]);
  });

  it("loads the project's list", () => {
    const project = Lexicon.load();
    expect(project.size).toBeGreaterThan(3000);
    expect(project.translate(stem("варшава"))).toContain("warsaw");
  });
});

describe("WordVectors", () => {
  it("says how near two words are in meaning", () => {
    const v = WordVectors.load();
    expect(v.similarity("city", "town")!).toBeGreaterThan(0.7);
    expect(v.similarity("city", "banana")!).toBeLessThan(0.3);
    expect(v.similarity("city", "qwertyuiop")).toBeUndefined();
  });

  it("refuses a file that is not its own, saying how to rebuild it", () => {
    expect(() => WordVectors.fromBuffer(Buffer.from("nope"), "x.bin")).toThrow(WordVectorsError);
    expect(() => WordVectors.fromBuffer(Buffer.from("nope"), "x.bin")).toThrow(/npm run build-vectors/);
  });
});
