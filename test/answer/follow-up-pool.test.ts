// Follow-ups: the pool holds the passages beside what the last answer quoted, and the answer is not that quote again.
import { describe, expect, it } from "vitest";
import { turnOf } from "../../src/answer/follow-up.js";
import { suiteApp } from "../helpers/app.js";
import { evalCorpus } from "../helpers/corpus.js";

describe("a follow-up reads the passages beside the last answer", () => {
  const app = suiteApp({ seed: false, docs: evalCorpus("d2") });

  it("lists the passage after the last answer's, where the follow-up's own words find nothing", async () => {
    const first = "Since when has Ruth Tallman been chief of Birch Bend?";
    const answered = await app().pipeline.ask(first);
    expect(answered.abstained).toBe(false);
    const a = await app().pipeline.ask("where did she work before that?", {
      history: [turnOf(first, answered)],
    });
    const texts = a.passages.slice(0, 5).map((p) => app().kb.index().passageById(p.passageId)?.text ?? "");
    expect(texts.some((t) => t.includes("Before that I spent four years at Ramparts Station"))).toBe(true);
  });
});

describe("a follow-up asks something its last answer's sentence did not say", () => {
  const app = suiteApp({ seed: false, docs: evalCorpus("d4") });

  it("is answered by another sentence than the one just quoted, though that one matches the borrowed words best", async () => {
    const first = "What budget did the Congress approve for 2025?";
    const answered = await app().pipeline.ask(first);
    expect(answered.answer).toContain("410");
    const a = await app().pipeline.ask("how much of that is for running sessions?", {
      history: [turnOf(first, answered)],
    });
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("120 000");
    expect(a.citations[0]?.quote).not.toBe(answered.citations[0]?.quote);
  });
});
