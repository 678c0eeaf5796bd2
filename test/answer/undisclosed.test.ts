import { describe, expect, it } from "vitest";
import { readQuestion } from "../../src/answer/question.js";
import { notKnownIn } from "../../src/answer/undisclosed.js";

describe("notKnownIn: a sentence that says what the question asks is not known", () => {
  it.each([
    // A date not set, in either language; a date named beside a place that is known.
    [
      "What are the exact dates of the eighth session in Prague?",
      "The eighth session is planned for Prague in spring 2026; exact dates have not yet been set.",
      true,
    ],
    [
      "Where will the eighth session be held?",
      "The eighth session is planned for Prague in spring 2026; exact dates have not yet been set.",
      false,
    ],
    [
      "Когда откроется приёмная «Правового щита» в Ереване?",
      "В 2025 году «Правовой щит» планирует открыть вторую приёмную — в Ереване; дата открытия пока не определена.",
      true,
    ],
    [
      "What is the exact opening date of the Tallinn session?",
      "Седьмая сессия пройдёт в Таллине весной 2025 года; точную дату определит президиум.",
      true,
    ],
    // A place not decided.
    [
      "Where will the School hold its second summer school?",
      "- провести вторую летнюю школу, место проведения которой пока не определено.",
      true,
    ],
    // Names withheld; a name withheld does not hide a place or a count said beside it.
    [
      "What are the names of the five members of the grants commission?",
      "Имена членов комиссии не публикуются по соображениям безопасности.",
      true,
    ],
    [
      "Where does the anonymous sceptic quoted at the end of the Riga report now live?",
      "said a historian from Kazan now living in Helsinki, who asked not to be named.",
      false,
    ],
    [
      "Сколько депутатов Съезда отказались раскрыть своё участие?",
      "Их имена не публикуются; по данным секретариата, таких депутатов девять.",
      false,
    ],
    // A body that will decide a date says it is not decided; a budget the session "will approve" is stated.
    ["How big will the 2025 budget be?", "Съезд утвердит бюджет на 2025 год в размере 410 000 евро.", false],
    // A count that is not disclosed.
    [
      "How many members does the Platform have?",
      "The Platform did not disclose the number of its members.",
      true,
    ],
    // A response declined.
    [
      "What did the Finnish government say about the Helsinki session?",
      "A spokesman for the Finnish foreign ministry declined to comment on the session.",
      true,
    ],
    // Words of not knowing far from what the question asks, or a sentence that simply answers.
    [
      "When was the Assembly founded?",
      "The Assembly was founded in Tallinn in May 2022 by councillors whose names were not published.",
      false,
    ],
    ["When was the Assembly founded?", "The Assembly was founded in Tallinn in May 2022.", false],
    // A question that asks why: nothing it asks for is a date, a place, a name or a number.
    ["Why did the delegates walk out?", "The date of the next session has not been set.", false],
  ])("%s / %s: %s", (question, sentence, expected) => {
    expect(notKnownIn(readQuestion(question))(sentence)).toBe(expected);
  });
});
