// A pasted note's title: given ("Title | text", "# Title"), else its first sentence or line, cut at a word boundary.
import { describe, expect, it } from "vitest";
import { readNote, shortTitle, TITLE_MAX } from "../../src/intake/note-title.js";

describe("readNote", () => {
  it.each([
    [
      "the first sentence",
      "The archive committee met in Vilnius. It reviewed the files sent by deputies.",
      "The archive committee met in Vilnius.",
    ],
    ["the first line", "Oslo donors\nThe congress held a donor conference in Oslo.", "Oslo donors"],
    [
      "a long first sentence cut at a word boundary",
      "The archive committee of the congress met in Vilnius on 3 March 2026 to review the files sent by deputies from Poland and Lithuania.",
      "The archive committee of the congress met in Vilnius on 3 March 2026 to review…",
    ],
    [
      "a title given with a bar",
      "Vilnius plans | The sixth session will be held in Vilnius.",
      "Vilnius plans",
    ],
    ["a Markdown heading", "# Charter draft\nDelegates will adopt a charter.", "Charter draft"],
  ])("takes %s as the title", (_case, text, title) => {
    expect(readNote(text).title).toBe(title);
  });

  it("stores the text after the bar, and the whole text otherwise", () => {
    expect(readNote("Plans | Vilnius in March.\nMore.").body).toBe("Vilnius in March.\nMore.");
    expect(readNote("# Plans\nVilnius in March.").body).toBe("# Plans\nVilnius in March.");
    expect(readNote("  Vilnius in March. More.  ").body).toBe("Vilnius in March. More.");
  });

  it("never cuts inside a word, and stays within the limit", () => {
    const title = shortTitle("word ".repeat(40));
    expect(Array.from(title).length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title).toMatch(/ word…$/);
  });
});
