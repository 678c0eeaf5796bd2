// A Russian question's words are compared in meaning with an English sentence's, through their translations.
import { describe, expect, it } from "vitest";
import { englishWordsOf, matchable, StemMatcher } from "../../src/answer/extractive.js";
import type { Question } from "../../src/answer/question.js";
import { stem, tokenize } from "../../src/text/tokenize.js";
import { WordVectors } from "../../src/text/word-vectors.js";
import { suiteApp } from "../helpers/app.js";
import { evalCorpus } from "../helpers/corpus.js";
import { queryTerm } from "../helpers/terms.js";

const term = queryTerm;

describe("the English words a question term is compared by in meaning", () => {
  const vectors = WordVectors.load();

  it.each([
    ["an English word: its own", term({ term: "alli", word: "allies" }), ["allies"]],
    ["an English word the vectors lack: none", term({ term: "zzqx", word: "zzqx" }), []],
    [
      "a Russian word: its translations' commonest words",
      term({ term: "союзник", word: "союзники", forms: [stem("allies"), stem("partners"), "союзн"] }),
      ["allies", "partner"],
    ],
    ["a Russian word without translations: none", term({ term: "кот", word: "кот" }), []],
    ["a phrase: none", term({ term: "take", forms: [] }), []],
  ])("%s", (_, t, expected) => {
    expect(englishWordsOf(t, vectors)).toEqual(expected);
  });

  it("compares at most three translations", () => {
    const forms = ["meet", "session", "assembl", "congress", "gather"];
    expect(englishWordsOf(term({ term: "съезд", word: "съезд", forms }), vectors)).toHaveLength(3);
  });
});

// One app on d10 for the file: both directions ask of it.
const d10 = suiteApp({ seed: false, docs: evalCorpus("d10") });

describe("a Russian question is answered by an English sentence that says it in other words", () => {
  const d12 = suiteApp({ seed: false, docs: evalCorpus("d12") });

  it("«летняя школа» in a city: the summer school held in Tartu", async () => {
    const a = await d10().pipeline.ask("В каком городе прошла летняя школа Молодёжной палаты?");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toContain("summer school in Tartu");
  });

  it("who «сменил» her: the deputy elected to replace her", async () => {
    const a = await d12().pipeline.ask(
      "Кто сменил Елену Бортник во главе комитета по международным отношениям?",
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toContain("Pavel Sedykh");
  });
});

describe("a term's translation of several words", () => {
  const valid = term({ term: stem("valid"), phrases: [[stem("срок"), stem("действия")]] });
  const question = { terms: [valid], cyrillic: false } as unknown as Question;
  const gain = (sentence: string) =>
    new StemMatcher([valid]).gains(matchable(question, tokenize(sentence)), [1])[0];

  it.each([
    ["its words together", "Срок действия паспорта — пять лет.", 1],
    ["its words together, a stop word between", "Срок их действия — пять лет.", 1],
    ["its words apart", "Срок оформления — 45 дней, а действия комиссии не обжалуются.", 0],
    ["one of its words", "Срок оформления — 45 дней.", 0],
  ])("matches a sentence with %s", (_, sentence, expected) => {
    expect(gain(sentence)).toBe(expected);
  });
});

describe("an English question is answered by a Russian sentence that says one of its words in two", () => {
  it("how long a passport is «valid»: its «срок действия»", async () => {
    const a = await d10().pipeline.ask("How long is a Free Russia passport valid?");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toContain("Срок действия паспорта — пять лет");
  });
});

describe("an English word is translated by its own entries, not by another word of its stem", () => {
  it("«legislative» is «законодательный», not «депутат» (of «legislator»)", async () => {
    // "Его возглавила Ольга Смирягина, бывший депутат Иркутской городской думы" is of another committee: with
    // "депутат" for "legislative" it matched every word of the question and was the answer.
    const a = await d10().pipeline.ask("Who chairs the Legislative Committee?");
    expect(a.answer).not.toContain("Смирягина");
    expect(a.citations[0]!.quote).toMatch(/Legislative Committee|Законодательн/);
  });
});
