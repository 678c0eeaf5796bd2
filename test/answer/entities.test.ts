// What a Russian sentence mentions, by answer type: the tagger reads English only.
import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../src/answer/entities.js";

const mentioned = (sentence: string, kind: "person" | "place" | "organization" | "date" | "number") =>
  (mentionsIn(sentence).get(kind) ?? []).map((s) => sentence.slice(s.start, s.end));

describe("mentionsIn, Russian", () => {
  it.each([
    ["Её председателем избран Виктор Нагорный, бывший депутат из Москвы.", ["Виктор Нагорный"]],
    ["С 2018 года станцией руководит Андрей Викторович Лукин.", ["Андрей Викторович Лукин"]],
    // A surname alone, even opening the sentence; a title or body before a name is not the name.
    ["Калмыкова получила 49 голосов.", ["Калмыкова"]],
    ["Председательствовал член Президиума Олег Рудаков.", ["Олег Рудаков"]],
    // Capitalised words that name no one: a body, the sentence's first word.
    ["Комиссия по этике подотчётна пленарному заседанию Съезда.", []],
  ])("people in %s", (sentence, people) => {
    expect(mentioned(sentence, "person")).toEqual(people);
  });

  it.each([
    ["Ветрова переехала из Самары в Варшаву.", ["Самары", "Варшаву"]],
    // A word the dictionary does not know, inside the sentence: a foreign name, likely a place.
    ["Станция стоит у посёлка Кюсюр на Лене.", ["Кюсюр", "Лене"]],
    ["Доклад обсудили на заседании Совета.", []],
  ])("places in %s", (sentence, places) => {
    expect(mentioned(sentence, "place")).toEqual(places);
  });

  it("takes names in «quotes» for organisations, and keeps numbers and dates", () => {
    const sentence = "Ветрова 14 лет проработала в газете «Волжская неделя» до 1 марта 2023 года.";
    expect(mentioned(sentence, "organization")).toEqual(["Волжская неделя"]);
    expect(mentioned(sentence, "date")).toEqual(["1 марта 2023 года"]);
    expect(mentioned(sentence, "number")).toEqual(["14", "1", "2023"]);
  });
});
