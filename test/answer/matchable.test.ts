// What of a sentence can match a question whose words an ordinal qualifies.
import { describe, expect, it } from "vitest";
import { matchable, sentenceTokens } from "../../src/answer/extractive.js";
import { readQuestion } from "../../src/answer/question.js";
import { stem } from "../../src/text/tokenize.js";

describe("matchable", () => {
  it("does not match a word the sentence qualifies with another ordinal, in its translation too", () => {
    const question = readQuestion("Как проголосовали за закон в первом чтении?");
    const reading = question.terms.find((t) => t.term === stem("чтении"))!;
    expect(reading.ordinal).toBe(stem("первом"));
    // The translation expandQuestion gives it.
    const translated = {
      ...question,
      terms: question.terms.map((t) => (t === reading ? { ...t, forms: ["read"] } : t)),
    };
    const second = matchable(
      translated,
      sentenceTokens("The law passed its second reading by 74 votes to 9."),
    );
    expect(second.other).toContain(reading.term);
    const first = matchable(translated, sentenceTokens("The law passed its first reading by 70 votes to 6."));
    expect(first.other.size).toBe(0);
  });
});
