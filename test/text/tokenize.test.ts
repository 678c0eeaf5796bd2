// Tokens as every part reads them: words, their stems, and which are stop words.
import { describe, expect, it } from "vitest";
import { contentTerms, tokenize, WORD } from "../../src/text/tokenize.js";

describe("tokenize", () => {
  it("reads a negated auxiliary as 'not', as documents often write it out", () => {
    expect(contentTerms("Why couldn't the ship keep its boiler?")).toEqual(
      contentTerms("Why could not the ship keep its boiler?"),
    );
    expect(tokenize("didn’t").map((t) => t.word)).toEqual(["not"]);
    expect(tokenize("Didn't")[0]).toMatchObject({ start: 0, end: 6 });
  });

  it("keeps a possessive and other apostrophes in the word", () => {
    expect(tokenize("Ponomarev's").map((t) => t.word)).toEqual(["ponomarev's"]);
    expect(tokenize("o'clock").map((t) => t.word)).toEqual(["o'clock"]);
  });
});

describe("tokenize reads the words WORD matches", () => {
  const byPattern = (t: string) => [...t.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
  const read = (t: string) => tokenize(t).map((x) => [x.start, x.end]);

  it.each([
    ["rock'n'roll o’brien don't", "apostrophes between letters"],
    ["o'brien2 x' 'y ’’z", "an apostrophe not followed by a letter, a number after the last letters"],
    ["Café e\u0301te Ёлка 1990-е", "a combining mark ends a word; Cyrillic; a hyphen"],
    ["𝐀𝐁 😀 ٣٤ \ud800x \udc00y", "letters and numbers beyond 16 bits, a lone surrogate"],
  ])("%s (%s)", (text) => {
    expect(read(text)).toEqual(byPattern(text));
  });

  it("on 20,000 random strings of letters, numbers, marks, apostrophes and surrogates", () => {
    const pieces = [
      "a",
      "Z",
      "я",
      "Ё",
      "1",
      "٣",
      "'",
      "’",
      " ",
      "-",
      "é",
      "e\u0301",
      "𝐀",
      "😀",
      "\ud800",
      "\udc00",
      "ß",
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      for (let i = 1 + Math.floor(next() * 12); i > 0; i--)
        text += pieces[Math.floor(next() * pieces.length)];
      expect(read(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });
});
