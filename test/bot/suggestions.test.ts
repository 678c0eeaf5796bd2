// Suggested questions: made from every document's headings and title, kept only when answered, surest first.
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import type { AskOptions } from "../../src/answer/pipeline.js";
import { candidateQuestions, Suggestions } from "../../src/bot/suggestions.js";
import type { Passage } from "../../src/corpus/types.js";
import type { DocumentEntry } from "../../src/index/passage-index.js";
import { createLogger } from "../../src/logger.js";

/** An index of documents, each a title and its passages' headings: all the suggestions read of one. */
function indexOf(docs: Record<string, { title: string; headings: string[] }>) {
  const passages: Passage[] = [];
  const entries: Record<string, DocumentEntry> = {};
  for (const [docId, doc] of Object.entries(docs)) {
    const labels = doc.headings.map((heading) => passages.push({ heading } as Passage) - 1);
    entries[docId] = { title: doc.title, labels } as DocumentEntry;
  }
  return {
    documentIds: () => Object.keys(entries),
    document: (id: string) => entries[id],
    passage: (label: number) => passages[label],
  };
}

/** A pipeline that answers what `answered` gives a confidence for, and abstains on the rest. */
function pipeline(answered: Record<string, number>) {
  const asked: { question: string; options?: AskOptions }[] = [];
  return {
    asked,
    async ask(question: string, options?: AskOptions): Promise<Answer> {
      asked.push({ question, options });
      const confidence = answered[question];
      return { question, abstained: confidence === undefined, confidence } as Answer;
    },
  };
}

const q = (topic: string) => `What is known about “${topic}”?`;

describe("candidateQuestions", () => {
  it("asks about each document's headings, then its title, going round the documents; in the user's language", () => {
    const index = indexOf({
      "a.md": { title: "Alpha", headings: ["", "Origins", "Origins", "Aims"] },
      "b.md": { title: "Beta", headings: ["Beta", "x".repeat(81)] },
    });
    expect(candidateQuestions(index, "en").map((c) => c.question)).toEqual([
      q("Origins"),
      q("Beta"),
      q("Aims"),
      q("Alpha"),
    ]);
    expect(candidateQuestions(index, "ru")[0]?.question).toBe("Что известно о «Origins»?");
  });
});

describe("Suggestions", () => {
  const log = createLogger("silent", []);

  it("offers two that are answered, the surest of each document first, checked in extractive mode", async () => {
    const index = indexOf({
      "a.md": { title: "Alpha", headings: ["Origins", "Aims"] },
      "b.md": { title: "Beta", headings: ["Members"] },
    });
    const answering = pipeline({ [q("Aims")]: 0.9, [q("Origins")]: 0.95, [q("Beta")]: 0.7 });
    const suggestions = new Suggestions(answering, { index: () => index });
    expect(await suggestions.for("en")).toEqual([q("Origins"), q("Beta")]);
    expect(answering.asked.every((a) => a.options?.mode === "extractive")).toBe(true);
    // Worked out once per index and language.
    const count = answering.asked.length;
    await suggestions.warm(log);
    await suggestions.for("en");
    expect(answering.asked.length).toBe(count + candidateQuestions(index, "ru").length);
  });

  it("offers none when nothing is answered, and tries again after a failure", async () => {
    const index = indexOf({ "a.md": { title: "Alpha", headings: [] } });
    expect(await new Suggestions(pipeline({}), { index: () => index }).for("en")).toEqual([]);
    let fail = true;
    const flaky = {
      async ask(question: string): Promise<Answer> {
        if (fail) throw new Error("index busy");
        return { question, abstained: false, confidence: 0.8 } as Answer;
      },
    };
    const suggestions = new Suggestions(flaky, { index: () => index });
    await expect(suggestions.for("en")).rejects.toThrow("index busy");
    fail = false;
    expect(await suggestions.for("en")).toEqual([q("Alpha")]);
  });
});
