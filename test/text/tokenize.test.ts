// Tokens as every part reads them: words, their stems, and which are stop words.
import { describe, expect, it } from "vitest";
import { contentTerms, tokenize } from "../../src/text/tokenize.js";

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
