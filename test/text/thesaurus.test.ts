// The thesaurus index answers exactly as the synonyms package does, headwords and listed words alike.
import synonyms from "synonyms";
import { describe, expect, it } from "vitest";
import { synonymsOf } from "../../src/text/thesaurus.js";

describe("synonymsOf", () => {
  it("equals synonyms(word) for headwords, words only listed under others, and unknown words", () => {
    const headwords = Object.keys(synonyms.dictionary);
    const listed = [
      ...new Set(Object.values(synonyms.dictionary).flatMap((e) => Object.values(e).flat())),
    ].filter((w) => !Object.hasOwn(synonyms.dictionary, w));
    const sample = [
      ...headwords.filter((_, i) => i % 997 === 0),
      ...listed.filter((_, i) => i % 1999 === 0),
      "spearhead",
      "Lead",
      "zzzunknownword",
    ];
    expect(listed.length).toBeGreaterThan(100);
    for (const word of sample) expect(synonymsOf(word), word).toEqual(synonyms(word));
  });
});
