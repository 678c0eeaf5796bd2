// Russian proper names by OpenCorpora's dictionary (the az package).
import { describe, expect, it } from "vitest";
import { formsOf, nameKinds, namesBeings, pluralNoun } from "../../src/text/russian-morphology.js";

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

describe("formsOf", () => {
  it("gives a verb's tenses and a noun's cases, with the forms the stemmer does not join", () => {
    expect(formsOf("вести")).toEqual(expect.arrayContaining(["веду", "ведёт", "вёл", "вела", "вели"]));
    expect(formsOf("человек")).toEqual(expect.arrayContaining(["людей", "люди"]));
  });

  it("has none for a word not in its dictionary form, or one the dictionary does not know", () => {
    expect(formsOf("вела")).toEqual([]);
    expect(formsOf("кюсюр")).toEqual([]);
  });
});

describe("pluralNoun", () => {
  it("finds the genitive plural noun a 'сколько' counts, past the words before it, and whether it is of people", () => {
    expect(pluralNoun(["у", "ассоциации", "ассоциированных", "членов"])).toEqual({
      word: "членов",
      animate: true,
    });
    expect(pluralNoun(["депутатов"])).toEqual({ word: "депутатов", animate: true });
    expect(pluralNoun(["стран", "названо"])).toEqual({ word: "стран", animate: false });
    expect(pluralNoun(["было", "на"])).toBeUndefined();
  });
});

describe("namesBeings", () => {
  it("tells a noun of living beings, in any form, from one of things and from other words", () => {
    expect(namesBeings("депутат")).toBe(true);
    expect(namesBeings("членов")).toBe(true);
    expect(namesBeings("Председатель")).toBe(true);
    expect(namesBeings("бюджет")).toBe(false);
    expect(namesBeings("позицию")).toBe(false);
    expect(namesBeings("быстро")).toBe(false);
  });
});
