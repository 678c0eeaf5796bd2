import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { formatAnswer, langOfQuestion } from "../../src/cli/format.js";

const QUOTE = "The congress opened its fifth session in Warsaw on Wednesday.";

function answer(over: Partial<Answer>): Answer {
  return {
    question: "Where did the fifth session open?",
    answer: `${QUOTE} [1]`,
    abstained: false,
    mode: "extractive",
    citations: [
      {
        n: 1,
        docId: "warsaw.md",
        title: "Fifth session in Warsaw",
        quote: QUOTE,
        start: 0,
        end: QUOTE.length,
        line: 1,
        passageId: "warsaw.md#0",
        score: 1,
      },
    ],
    passages: [],
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
    lead: "Warsaw",
    ...over,
  };
}

describe("console answers", () => {
  it("are labelled in the question's language: Russian for a question in Cyrillic", () => {
    expect(langOfQuestion("Где открылась пятая сессия?")).toBe("ru");
    expect(langOfQuestion("where did the 5th session open")).toBe("en");
    // As the answer's own words are chosen: a name in Cyrillic does not make an English question Russian.
    expect(langOfQuestion("Who is Пономарёв?")).toBe("en");
    const ru = formatAnswer(answer({ tentative: true }), () => "warsaw.md, абзац 1", "ru");
    expect(ru).toContain("Источники:");
    expect(ru).toContain("Не уверен");
    expect(ru).not.toMatch(/Sources|Not certain/);
    const en = formatAnswer(answer({ tentative: true }), () => "warsaw.md, paragraph 1");
    expect(en).toContain("Sources:");
    expect(en).toContain("Not certain");
  });

  it("leads with the short answer and shows its quote once, under its source", () => {
    const out = formatAnswer(answer({}), () => "warsaw.md, paragraph 1");
    expect(out.split("\n")[0]).toBe("Warsaw [1]");
    expect(out.split(QUOTE)).toHaveLength(2);
  });

  it("offers an abstention's passages as the nearest, as the bot does, in Russian too", () => {
    const abstained = answer({ abstained: true, related: true, lead: undefined, answer: "—" });
    expect(formatAnswer(abstained, () => "x", "ru")).toContain("Ближайшие фрагменты");
    expect(formatAnswer(abstained, () => "x")).toContain("Nearest passages");
  });
});
