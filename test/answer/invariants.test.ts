import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { tempApp } from "../helpers/app.js";
import { evalCorpus } from "../helpers/corpus.js";

/**
 * Every [n] names a citation, every citation is named, every quote is the file's text at its offsets and line, and
 * comes from a passage the answer lists.
 */
function checkAnswer(corpusDir: string, a: Answer) {
  const marks = new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  expect([...marks].sort()).toEqual(a.citations.map((c) => c.n).sort());
  a.citations.forEach((c, i) => {
    expect(c.n).toBe(i + 1);
    const text = readFileSync(path.join(corpusDir, c.docId), "utf8");
    expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(c.line).toBe(text.slice(0, c.start).split("\n").length);
    expect(a.passages.map((p) => p.passageId)).toContain(c.passageId);
  });
  if (a.abstained && a.citations.length > 0) expect(a.related).toBe(true);
  if (!a.abstained) expect(a.citations.length).toBeGreaterThan(0);
}

const EN = [
  "congress",
  "delegates",
  "Warsaw",
  "session",
  "budget",
  "treaty",
  "Vilnius",
  "assembly",
  "vote",
  "charter",
  "partisan",
  "opposition",
  "November",
  "2023",
  "council",
];
const RU = [
  "конгресс",
  "депутаты",
  "Варшава",
  "сессия",
  "бюджет",
  "голосование",
  "оппозиция",
  "ноябрь",
  "🙂",
  "совет",
];
// "this", "they", "она"…: a sentence they open is quoted with its neighbour (one quote over two sentences).
const word = fc.constantFrom(
  ...EN,
  ...RU,
  "the",
  "of",
  "in",
  "was",
  "by",
  "this",
  "they",
  "its",
  "она",
  "эти",
);
const sentence = fc
  .array(word, { minLength: 3, maxLength: 25 })
  .map((ws) => `${ws.join(" ").replace(/^./, (c) => c.toUpperCase())}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((ss) => ss.join(" "));
const document = fc
  .record({
    heading: fc.option(fc.constantFrom("Background", "Decisions of the Session", "Итоги"), {
      nil: undefined,
    }),
    paras: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
    eol: fc.constantFrom("\n", "\r\n"),
    finalNewline: fc.boolean(),
  })
  .map(({ heading, paras, eol, finalNewline }) => {
    const body = (heading ? [heading, ...paras] : paras).join(eol + eol);
    return finalNewline ? body + eol : body;
  });
const question = fc
  .tuple(
    fc.constantFrom("Who", "When", "Where", "How many", "What", "Кто", "Где", ""),
    fc.array(word, { minLength: 0, maxLength: 6 }),
  )
  .map(([w, ws]) => `${w} ${ws.join(" ")}?`);

describe("Answer invariants", () => {
  it("hold over generated documents and questions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(document, { minLength: 1, maxLength: 4 }),
        fc.array(question, { minLength: 5, maxLength: 12 }),
        async (docs, questions) => {
          const app = await tempApp({
            seed: false,
            docs: Object.fromEntries(docs.map((d, i) => [`doc-${i}.md`, d])),
          });
          try {
            for (const q of questions) checkAnswer(app.config.corpusDir, await app.pipeline.ask(q));
          } finally {
            await app.cleanup();
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it("hold on the seed corpus for questions of every kind", async () => {
    const app = await tempApp();
    try {
      for (const q of [
        "Who leads the congress?",
        "When did it open?",
        "Where?",
        "How many countries are partners?",
        "Кто возглавляет конгресс?",
        "",
        "???",
        "What is the annual budget?",
      ]) {
        checkAnswer(app.config.corpusDir, await app.pipeline.ask(q));
      }
    } finally {
      await app.cleanup();
    }
  });
});

describe("the passages an answer lists", () => {
  it("hold every passage it quotes, first, on a ten-document corpus, when it answers and when it offers a related one", async () => {
    // The answerer also reads passages beyond the ranked k (those whose best sentence matches most): one it quotes
    // must be listed too.
    const app = await tempApp({ seed: false, docs: evalCorpus("d5") });
    try {
      const answered = await app.pipeline.ask(
        "how many delegates showed up to the founding congress in riga",
      );
      const related = await app.pipeline.ask("Who nominated Anton Pridvorov for the Lantern Award?");
      expect(answered.abstained).toBe(false);
      expect(related.related).toBe(true);
      for (const a of [answered, related]) {
        checkAnswer(app.config.corpusDir, a);
        // The passages it quotes first, in the order it cites them, then the rest of the ranked five.
        const quoted = [...new Set(a.citations.map((c) => c.passageId))];
        expect(a.passages.slice(0, quoted.length).map((p) => p.passageId)).toEqual(quoted);
        for (const p of a.passages.slice(quoted.length)) expect(quoted).not.toContain(p.passageId);
        expect(a.passages.length).toBeGreaterThanOrEqual(5);
      }
      // Both quote a passage beyond the ranked five here.
      expect([answered.passages.length, related.passages.length].every((n) => n > 5)).toBe(true);
    } finally {
      await app.cleanup();
    }
  });
});
