import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TempApp, tempApp } from "./helpers/app.js";

describe("KnowledgeBase: answering while the corpus changes", () => {
  let app: TempApp;
  beforeEach(async () => {
    app = await tempApp();
  });
  afterEach(() => app.cleanup());

  it("keeps answering from the current index during an ingest, and sees the new one as soon as it is swapped in", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const file = path.join(app.config.corpusDir, "lisbon.md");
    const changing = app.kb.change(async () => {
      await writeFile(file, "The congress registered a foundation in Lisbon to fund independent media.");
      await held; // the ingest has not run yet: the file is on disk, the index is the old one
    });
    const during = await app.pipeline.ask("Who leads the congress?");
    expect(during.answer).toContain("Ilya Ponomarev");
    expect(app.kb.index().documentIds()).not.toContain("lisbon.md");
    release();
    await changing;
    expect(app.kb.index().documentIds()).toContain("lisbon.md");
    const after = await app.pipeline.ask("Where did the congress register a foundation?");
    expect(after.citations[0]?.docId).toBe("lisbon.md");
  });

  it("runs ingests one at a time, in order", async () => {
    const order: string[] = [];
    const a = app.kb.change(async () => {
      order.push("a start");
      await new Promise((r) => setTimeout(r, 50));
      order.push("a end");
    });
    const b = app.kb.change(async () => {
      order.push("b start");
    });
    await Promise.all([a, b]);
    expect(order).toEqual(["a start", "a end", "b start"]);
  });
});
