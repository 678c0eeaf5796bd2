// The corpus vocabulary: near spellings and cognates across scripts, and what expansion makes of a question.
import { describe, expect, it } from "vitest";
import { expandQuestion } from "../../src/answer/expand.js";
import { type Question, readQuestion } from "../../src/answer/question.js";
import { Vocabulary } from "../../src/retrieval/vocabulary.js";
import { Lexicon } from "../../src/text/lexicon.js";
import { termSource } from "../helpers/terms.js";

const CORPUS =
  "The congress opened its session in Warsaw. Ponomarev chaired the presidium. The parliament met in Vilnius. " +
  "Пятая сессия парламента прошла в Таллине.";

describe("Vocabulary", () => {
  const v = Vocabulary.of(termSource(CORPUS));

  it.each([
    ["sesion", "session"],
    ["ponomarv", "ponomarev"],
    ["presidum", "presidium"],
    ["budget", undefined],
    ["cat", undefined],
  ])("reads %s as %s", (word, expected) => {
    expect(v.nearest(word)).toBe(expected);
  });

  it("finds English cognates of a Russian word, and Russian ones of an English word", () => {
    expect(v.latinCognates("сессии")).toContain("session");
    expect(v.latinCognates("парламента")).toContain("parliament");
    expect(v.cyrillicCognates("parliament")).toEqual(expect.arrayContaining(["парламент"]));
    expect(v.latinCognates("бюджет")).toEqual([]);
  });

  it("is built once per source", () => {
    const s = termSource(CORPUS);
    expect(Vocabulary.of(s)).toBe(Vocabulary.of(s));
  });
});

describe("expandQuestion", () => {
  const v = Vocabulary.of(termSource(CORPUS));
  const lexicon = Lexicon.fromText("session\tсессия|заседание\nchair\tпредседательствовать\ncity\tгород\n");

  it("corrects a misspelled word to the corpus's, and retrieval looks for it", () => {
    const { question, retrieval, corrections } = expandQuestion(
      readQuestion("who chaired the sesion"),
      v,
      lexicon,
    );
    expect(corrections).toBe(1);
    expect(question.terms.map((t) => t.term)).toContain("session");
    expect(retrieval).toContainEqual({ term: "session", weight: expect.any(Number) });
  });

  it("keeps what a word is in each part: borrowed in one, the part's own in another", () => {
    const read = readQuestion("Who chaired the session, and in which city was the session held?");
    const [first, second] = read.parts as [Question, Question];
    const borrowed = {
      ...read,
      parts: [
        first,
        { ...second, terms: second.terms.map((t) => (t.term === "session" ? { ...t, context: true } : t)) },
      ],
    };
    const { question } = expandQuestion(borrowed, v, lexicon);
    const sessionIn = (p: Question) => p.terms.find((t) => t.term === "session")!;
    expect(sessionIn(question.parts[1]!).context).toBe(true);
    expect(sessionIn(question.parts[0]!).context).toBeUndefined();
    // Both with what expanding found.
    expect(sessionIn(question.parts[1]!).forms).toEqual(sessionIn(question.parts[0]!).forms);
  });

  it("does not correct a word the corpus has in the other language", () => {
    const corpus = Vocabulary.of(termSource("The secretariat met. Секретарь Президиума — Вадим Коростелёв."));
    const words = Lexicon.fromText("secretary\tсекретарь\nsecretariat\tсекретариат\n");
    const { question, corrections } = expandQuestion(
      readQuestion("Who is the secretary of the Presidium?"),
      corpus,
      words,
    );
    expect(corrections).toBe(0);
    const secretary = question.terms.find((t) => t.word === "secretary")!;
    expect(secretary.term).toBe("secretari");
    expect(secretary.forms).toContain("секретар");
  });

  it("looks for the place a question describes, as the corpus spells it, and counts it as the description's words", () => {
    const corpus = Vocabulary.of(
      termSource("The sixth session met in Gdańsk. Шестая сессия прошла в Гданьске."),
    );
    const { question, retrieval } = expandQuestion(
      readQuestion("Who presided at the session held in the Polish port city?"),
      corpus,
      lexicon,
    );
    const polish = question.terms.find((t) => t.term === "polish")!;
    expect(polish.places).toEqual(expect.arrayContaining(["gdańsk"]));
    expect(polish.forms).toContain("gdańsk");
    expect(question.terms.find((t) => t.term === "port")!.forms).toContain("gdańsk");
    expect(retrieval.filter((r) => r.term === "gdańsk")).toHaveLength(1);
    expect(retrieval.map((r) => r.term)).toEqual(expect.arrayContaining(["gdańsk"]));
  });

  it("translates a Russian word to the English one the corpus uses", () => {
    const { question, retrieval } = expandQuestion(
      readQuestion("Кто председательствовал на сессии?"),
      v,
      lexicon,
    );
    const all = question.terms.flatMap((t) => [t.term, ...t.forms]);
    expect(all).toContain("chair");
    expect(retrieval.map((r) => r.term)).toEqual(expect.arrayContaining(["chair", "session"]));
  });

  it("translates a Russian verb's form the stemmer does not join to its infinitive: вёл, вести, lead", () => {
    const corpus = Vocabulary.of(termSource("Anna Petrova will lead the session."));
    const words = Lexicon.fromText("lead\tвести\n");
    const { question, retrieval } = expandQuestion(readQuestion("Кто вёл сессию?"), corpus, words);
    const led = question.terms.find((t) => t.word === "вел")!;
    expect(led.forms).toContain("lead");
    expect(retrieval.map((r) => r.term)).toContain("lead");
  });

  it("meets an English word's translation in the forms the stemmer cuts longer: record, запись, записей", () => {
    const corpus = Vocabulary.of(termSource("Омбудсмен рекомендовала удалить 37 таких записей."));
    const words = Lexicon.fromText("record\tзапись\ncost\tобойтись\n");
    const { question, retrieval } = expandQuestion(
      readQuestion("How many records were erased?"),
      corpus,
      words,
    );
    const record = question.terms.find((t) => t.term === "record")!;
    expect(record.forms).toContain("запис");
    expect(retrieval.map((r) => r.term)).toContain("запис");
    // Not a verb's other stems: "обошлась" of "обойтись" ("обошл") meets other words than "cost" too.
    expect(words.longerForms("обойт")).not.toContain("обошл");
  });

  it("translates an English word's dictionary form too: people, person, человек", () => {
    const corpus = Vocabulary.of(termSource("На пикете было двадцать человек. Люди пришли к гостинице."));
    const words = Lexicon.fromText("people\tлюди\nperson\tчеловек\n");
    const { question, retrieval } = expandQuestion(
      readQuestion("How many people were there?"),
      corpus,
      words,
    );
    const people = question.terms.find((t) => t.term === "peopl")!;
    expect(people.forms).toEqual(expect.arrayContaining(["person", "человек", "люд"]));
    expect(retrieval.map((r) => r.term)).toEqual(expect.arrayContaining(["человек", "люд"]));
  });

  it("meets an English place in a Russian document's adjective of it: Prague, пражская", () => {
    const corpus = Vocabulary.of(termSource("Пражская группа приняла 40 человек. В Праге холодно."));
    const words = Lexicon.fromText("prague\tпрага\n");
    const { question, retrieval } = expandQuestion(
      readQuestion("How big is the Prague group?"),
      corpus,
      words,
    );
    const prague = question.terms.find((t) => t.term === "pragu")!;
    expect(prague.forms).toEqual(expect.arrayContaining(["праг", "пражск"]));
    expect(retrieval.map((r) => r.term)).toEqual(expect.arrayContaining(["праг", "пражск"]));
  });

  it("leaves a question in the corpus's own words as it is", () => {
    const q = readQuestion("Who chaired the session?");
    const { question, corrections } = expandQuestion(q, v, Lexicon.empty);
    expect(corrections).toBe(0);
    expect(question.terms.map((t) => t.term)).toEqual(q.terms.map((t) => t.term));
  });
});
