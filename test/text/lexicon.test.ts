// The English–Russian word list, read as stems both ways.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Lexicon, stemsFileOf } from "../../src/text/lexicon.js";
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

  it("keeps an English word's translations of several words as their content words' stems, one way", () => {
    const l = Lexicon.fromText(
      "roundtable\tкруглый стол|>круглый стол\nduring\tво время|в ходе\nvalid\tдействительный|срок действия\n",
    );
    expect(l.phrasesOf(stem("roundtable"))).toEqual([[stem("круглый"), stem("стол")]]);
    expect(l.phrasesOf(stem("valid"))).toEqual([[stem("срок"), stem("действия")]]);
    // "во время", "в ходе": one content word, or none, is no phrase.
    expect(l.phrasesOf(stem("during"))).toEqual([]);
    // Not the other way, nor as one-word translations.
    expect(l.translate(stem("стол"))).toEqual([]);
    expect(l.translate(stem("roundtable"))).toEqual([]);
  });

  it("reads a place's adjective the list lacks as the place, and names the adjectives of a place", () => {
    const places = Lexicon.fromText("prague\tпрага\nkrakow\tкраков\nsoviet\tсоветский\ncouncil\tсовет\n");
    expect(places.translate(stem("пражской"))).toEqual(["pragu"]);
    expect(places.translate(stem("краковская"))).toEqual(["krakow"]);
    // Listed as a word of its own, an adjective is not read as its noun: "советский" is Soviet, not council.
    expect(places.translate(stem("советской"))).toEqual(["soviet"]);
    expect(places.translate(stem("новой"))).toEqual([]);
    expect(places.adjectivesOf(stem("прага"))).toContain(stem("пражская"));
    expect(places.adjectivesOf(stem("краков"))).toContain(stem("краковской"));
    expect(places.adjectivesOf(stem("совет"))).not.toContain(stem("советской"));
  });

  it("reads a Russian word marked '>' one way only: the English word's rendering, not a meaning of its own", () => {
    const oneWay = Lexicon.fromText("appeal\tобращение\nrequest\tзапрос|>обращение\n");
    expect(oneWay.translate("request")).toEqual([stem("запрос"), stem("обращение")]);
    expect(oneWay.translate(stem("обращение"))).toEqual(["appeal"]);
    expect(oneWay.translate(stem("запрос"))).toEqual(["request"]);
  });

  it("reads a Russian word's forms the stemmer does not join to it as the word: вёл, вела as вести", () => {
    const l = Lexicon.fromText("lead\tвести\nperson\tчеловек\n");
    expect(l.translate(stem("вел"))).toEqual(["lead"]);
    expect(l.translate(stem("вела"))).toEqual(["lead"]);
    expect(l.translate(stem("людей"))).toEqual(["person"]);
    expect(l.translate(stem("ведро"))).toEqual([]);
  });

  it("reads a stem that is a word and another word's form as either, but an ordinal not as its number", () => {
    const l = Lexicon.fromText("housing\tжильё\nlive\tжить\neight\tвосемь\neighth\tвосьмой\n");
    // "жили" (they lived) stems as "жильё" (housing) does.
    expect(l.translate(stem("жили"))).toEqual(expect.arrayContaining(["hous", "live"]));
    // "восьмой" stems as "восьми" (of восемь) does: "the eighth session" is not "fifty-eight delegates".
    expect(l.translate(stem("восьмой"))).toEqual(["eighth"]);
  });

  it("translates an English word by its own entries, and its stem's others only where they share a root", () => {
    const l = Lexicon.fromText(
      "legislative\tзаконодательный\nlegislator\tдепутат|законодатель\nchair\tпредседатель\n" +
        "approve\tутвердить\napproval\tутверждение|поддержка\n",
    );
    // Snowball cuts both words to "legisl": the stem means either.
    expect(stem("legislative")).toBe(stem("legislator"));
    expect(l.translate(stem("legislative"))).toContain(stem("депутат"));
    // "законодатель" of "legislator" shares a root with "законодательный"; "депутат" does not.
    expect(l.translateWord("legislative", stem("legislative"))).toEqual([
      stem("законодательный"),
      stem("законодатель"),
    ]);
    expect(l.translateWord("legislator", stem("legislator"))).toEqual([
      stem("депутат"),
      stem("законодатель"),
      stem("законодательный"),
    ]);
    // "утверждение" of "approval" meets "утверждён": kin of "утвердить"; "поддержка" is not.
    expect(l.translateWord("approve", stem("approve"))).toEqual([stem("утвердить"), stem("утверждение")]);
    // A word the list lacks, by the listed word it begins with that has its stem: "chairs" as "chair".
    expect(l.translateWord("chairs", stem("chairs"))).toEqual([stem("председатель")]);
    // Else by every entry of its stem: "legislation" begins with no listed word.
    expect(l.translateWord("legislation", stem("legislation"))).toEqual(l.translate(stem("legislation")));
    expect(l.translateWord(undefined, stem("legislative"))).toEqual(l.translate(stem("legislative")));
  });

  it("loads the project's list", () => {
    const project = Lexicon.load();
    expect(project.size).toBeGreaterThan(3000);
    expect(project.translate(stem("варшава"))).toContain("warsaw");
    // A Latin name with diacritics is looked up in plain letters: the list writes "krakow".
    expect(project.translate(stem("kraków"))).toContain(stem("краков"));
    // Both aspects of a verb: "возглавил" (perfective) heads and leads as "возглавляет" does.
    expect(project.translate(stem("возглавил"))).toEqual(expect.arrayContaining(["head", "lead", "chair"]));
    // "Сессия обошлась в 31 000 евро": what it cost.
    expect(project.translate("cost")).toContain(stem("обойтись"));
  });
});

describe("the list's kept stems", () => {
  const file = fileURLToPath(new URL("../../src/text/data/en-ru.tsv", import.meta.url));
  const tmp = mkdtempSync(path.join(tmpdir(), "lexicon-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("are what stemming the list gives today (else: npm run build-snapshots)", () => {
    const kept = JSON.parse(readFileSync(stemsFileOf(file), "utf8"));
    const fresh = Lexicon.stemsOf(readFileSync(file, "utf8"));
    expect(JSON.stringify(kept) === JSON.stringify(fresh), "stale stems: run npm run build-snapshots").toBe(
      true,
    );
  });

  it("are ignored once the list changes: the list is stemmed instead", () => {
    const list = path.join(tmp, "list.tsv");
    writeFileSync(list, "session\tсессия\n");
    writeFileSync(stemsFileOf(list), JSON.stringify(Lexicon.stemsOf("city\tгород\n")));
    const lexicon = Lexicon.load(list);
    expect(lexicon.translate("session")).toEqual([stem("сессия")]);
    expect(lexicon.translate("city")).toEqual([]);
  });

  it("are used while the list is as they were made from", () => {
    const list = path.join(tmp, "same.tsv");
    writeFileSync(list, "city\tгород\n");
    // Stems that stemming would not give: only a kept file can have said them.
    writeFileSync(
      stemsFileOf(list),
      JSON.stringify({ ...Lexicon.stemsOf("city\tгород\n"), toRussian: [["city", ["x"]]] }),
    );
    expect(Lexicon.load(list).translate("city")).toEqual(["x"]);
  });
});

describe("WordVectors", () => {
  it("says how near two words are in meaning", () => {
    const v = WordVectors.load();
    expect(v.similarity("city", "town")!).toBeGreaterThan(0.7);
    expect(v.similarity("city", "banana")!).toBeLessThan(0.3);
    expect(v.similarity("city", "qwertyuiop")).toBeUndefined();
  });

  it("gives the commonest word of a stem, for a stem known only as a stem", () => {
    const v = WordVectors.load();
    expect(v.wordOfStem(stem("allies"))).toMatch(/^all(y|ies)$/);
    expect(v.wordOfStem(stem("sessions"))).toBe("session");
    expect(v.wordOfStem("сесс")).toBeUndefined();
  });

  it("refuses a file that is not its own, saying how to rebuild it", () => {
    expect(() => WordVectors.fromBuffer(Buffer.from("nope"), "x.bin")).toThrow(WordVectorsError);
    expect(() => WordVectors.fromBuffer(Buffer.from("nope"), "x.bin")).toThrow(/npm run build-vectors/);
  });
});
