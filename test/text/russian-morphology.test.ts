// Russian proper names by OpenCorpora's dictionary (the az package).
import { describe, expect, it } from "vitest";
import { lemmaOf, nameKinds } from "../../src/text/russian-morphology.js";

describe("nameKinds", () => {
  it.each([
    // Given names, surnames and patronymics in any case.
    ["Виктор", "person"],
    ["Пономарёв", "person"],
    ["Калмыкова", "person"],
    ["Викторович", "person"],
    ["Сальникова", "person"],
    // Geographical names in any case.
    ["Варшаве", "place"],
    ["Махачкалы", "place"],
    ["Тбилиси", "place"],
    ["Вильнюсе", "place"],
  ])("%s is a %s", (word, kind) => {
    expect(nameKinds(word)[kind as "person" | "place"]).toBe(true);
  });

  it.each(["Комиссия", "Съезда", "Совет", "Члены", "Европейского"])("%s names nothing", (word) => {
    expect(nameKinds(word)).toMatchObject({ person: false, place: false, known: true });
  });

  it("tells a word it does not know (a foreign name, likely)", () => {
    expect(nameKinds("Кюсюр")).toMatchObject({ known: false, place: false });
  });
});

describe("lemmaOf", () => {
  it.each([
    // Past tenses and conjugations the stemmer does not join to their infinitive, with ё written or folded.
    ["вёл", "вести"],
    ["вел", "вести"],
    ["живет", "жить"],
    ["прошел", "пройти"],
    ["обошлась", "обойтись"],
    // A noun's suppletive plural.
    ["люди", "человек"],
  ])("%s is a form of %s", (word, lemma) => {
    expect(lemmaOf(word)).toBe(lemma);
  });

  it("has nothing for a word in its dictionary form or one the dictionary does not know", () => {
    expect(lemmaOf("сессия")).toBeUndefined();
    expect(lemmaOf("кюсюр")).toBeUndefined();
  });
});
