// Follow-ups read with the conversation's last question and answer.
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import {
  isFollowUp,
  pointsAtPerson,
  resolveFollowUp,
  standalone,
  turnOf,
} from "../../src/answer/follow-up.js";

describe("isFollowUp", () => {
  it.each([
    ["and where?", true],
    ["who leads it", true],
    ["when did he found it?", true],
    ["а где?", true],
    ["Where did the fifth session take place?", false],
    ["Who leads the congress?", false],
    // A quoted title's "its" is the title's.
    ["Что известно о «Congress of People's Deputies opens its fifth session in Warsaw»?", false],
    ["What is known about “It opens its doors”?", false],
  ])("%s: %s", (q, expected) => {
    expect(isFollowUp(q)).toBe(expected);
  });
});

describe("standalone", () => {
  const leads = {
    question: "Who leads the congress?",
    answer: "Spearheaded by Ilya Ponomarev, this congress… [1]",
  };

  it("carries the last question's words into an elliptical one", () => {
    expect(standalone("and where?", [leads])).toBe("and where (leads congress)?");
  });

  it("names the person the last answer gave for 'he'", () => {
    expect(standalone("when did he found it?", [leads])).toContain("Ilya Ponomarev");
  });

  it("drops the last question's ordinal when the follow-up names its own", () => {
    const s = standalone("what about the second one?", [{ question: "Where was the fifth session held?" }]);
    expect(s).toContain("session");
    expect(s).not.toContain("fifth");
  });

  it("resolves a chain of follow-ups and leaves a question that stands alone as it is", () => {
    const history = [leads, { question: "and where?" }];
    expect(standalone("and when?", history)).toContain("congress");
    expect(standalone("Where did the fifth session take place?", [leads])).toBe(
      "Where did the fifth session take place?",
    );
    expect(standalone("and where?", [])).toBe("and where?");
  });
});

describe("turnOf and the last answer's quotes", () => {
  const answer = (over: Partial<Answer>): Answer =>
    ({
      question: "Who stood against Ponomarev?",
      answer: "Ilya Ponomarev won; his only challenger, Svetlana Yermolina, received 14. [1]",
      abstained: false,
      lead: "Svetlana Yermolina",
      citations: [
        {
          n: 1,
          docId: "berlin.md",
          title: "Berlin",
          quote: "…",
          start: 120,
          end: 210,
          line: 4,
          passageId: "p",
          score: 1,
        },
      ],
      passages: [],
      mode: "extractive",
      timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
      ...over,
    }) as Answer;

  it("keeps the answer, its lead and where it quoted; an abstention keeps the question alone", () => {
    expect(turnOf("Who stood against Ponomarev?", answer({}))).toEqual({
      question: "Who stood against Ponomarev?",
      answer: "Ilya Ponomarev won; his only challenger, Svetlana Yermolina, received 14. [1]",
      lead: "Svetlana Yermolina",
      sources: [{ docId: "berlin.md", start: 120, end: 210 }],
    });
    expect(turnOf("What is its budget?", answer({ abstained: true }))).toEqual({
      question: "What is its budget?",
    });
  });

  it("names the person of the lead for 'she', not the first name of the answer's sentence", () => {
    const turn = turnOf("Who stood against Ponomarev?", answer({}));
    const resolved = resolveFollowUp("and where was she a deputy before?", [turn]);
    expect(resolved.context).toContain("Svetlana Yermolina");
    expect(resolved.context).not.toContain("Ilya Ponomarev");
    expect(resolved.previous).toEqual([{ docId: "berlin.md", start: 120, end: 210 }]);
  });

  it("names no one for 'she' where the answer has no lead and its sentence says 'she' before any name", () => {
    const turn = turnOf(
      "Who chairs the Legislative Committee?",
      answer({
        answer: "Since June 2023 she has chaired the Legislative Committee, convened by Ilya Ponomarev. [1]",
        lead: undefined,
      }),
    );
    const resolved = resolveFollowUp("and when was she elected?", [turn]);
    expect(resolved.context).not.toMatch(/Ponomarev|Since June/);
    expect(resolved.context).toContain("Legislative");
    // Where the sentence names her, it does.
    const named = turnOf(
      "Who chairs the Legislative Committee?",
      answer({ answer: "Vera Kuzmina chairs the Legislative Committee. [1]", lead: undefined }),
    );
    expect(resolveFollowUp("and when was she elected?", [named]).context).toContain("Vera Kuzmina");
    const first = turnOf(
      "Who chairs the Legislative Committee?",
      answer({ answer: "Vera Kuzmina said she has chaired it since 2023. [1]", lead: undefined }),
    );
    expect(resolveFollowUp("and when was she elected?", [first]).context).toContain("Vera Kuzmina");
  });

  it("gives a question that stands alone no quotes to read next to", () => {
    const turn = turnOf("Who stood against Ponomarev?", answer({}));
    expect(resolveFollowUp("Where did the fifth session take place?", [turn]).previous).toEqual([]);
  });
});

describe("pointsAtPerson", () => {
  it.each([
    ["how many votes did he receive?", true],
    ["and what is her profession?", true],
    ["сколько голосов она получила?", true],
    ["how many delegates attended it?", false],
    ["what did they decide?", false],
  ])("%s -> %s", (text, expected) => {
    expect(pointsAtPerson(text)).toBe(expected);
  });
});
