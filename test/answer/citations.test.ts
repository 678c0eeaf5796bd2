// The source check: a quote holds only while the file on disk still has it, and a large corpus is not all kept.
import { utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SourceChecker } from "../../src/answer/citations.js";
import { tempDir } from "../helpers/temp.js";

describe("SourceChecker", () => {
  it("confirms quotes against the files, sees a file change, and keeps only the recent files' text", async () => {
    const dir = await tempDir();
    const size = Math.floor(SourceChecker.CACHE_CHARS / 3) + 1;
    const docs = ["a.md", "b.md", "c.md", "d.md"];
    for (const [i, doc] of docs.entries()) {
      await writeFile(path.join(dir, doc), `Doc ${i} says hello.\n${"x".repeat(size)}`);
    }
    const checker = new SourceChecker(dir);
    const quote = (doc: string, i: number) => ({
      docId: doc,
      start: 0,
      end: 16,
      quote: `Doc ${i} says hello`,
    });

    for (const [i, doc] of docs.entries()) {
      expect(await checker.holds(quote(doc, i))).toBe(true);
      expect(await checker.holds({ ...quote(doc, i), quote: "Doc 9 says hello" })).toBe(false);
      // Four files of a third of the budget each: never more than the budget held.
      expect(checker.heldChars).toBeLessThanOrEqual(SourceChecker.CACHE_CHARS);
    }
    expect(checker.heldChars).toBeGreaterThan(0);

    // A file dropped from memory is read again; a file changed on disk (new modification time) is read anew.
    expect(await checker.holds(quote("a.md", 0))).toBe(true);
    await writeFile(path.join(dir, "d.md"), `Doc 7 says hello.\n${"x".repeat(size)}`);
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(dir, "d.md"), later, later);
    expect(await checker.holds(quote("d.md", 3))).toBe(false);
    expect(await checker.holds(quote("d.md", 7))).toBe(true);
    expect(checker.heldChars).toBeLessThanOrEqual(SourceChecker.CACHE_CHARS);
    expect(await checker.holds(quote("missing.md", 0))).toBe(false);
  });
});
