// Near-duplicates by word 3-shingles: containment of the new text in a document, and Jaccard of the two.
import { describe, expect, it } from "vitest";
import { NEAR_DUPLICATE_SHARE, nearDuplicateOf, overlap, shingles } from "../../src/intake/near-duplicate.js";
import { suiteApp } from "../helpers/app.js";

const CHARTER =
  "The sixth session of the congress will be held in Vilnius in March 2026. Delegates will adopt a charter of twelve articles, and the presidium will report on the work of the standing committees.";

describe("shingles and overlap", () => {
  it("ignores case and punctuation", () => {
    expect([...shingles("The Congress, met. In Vilnius!")]).toEqual([
      "the congress met",
      "congress met in",
      "met in vilnius",
    ]);
  });

  it("measures how much of a new text a document holds", () => {
    const o = overlap(shingles("a b c d"), shingles("a b c d e f g h"));
    expect(o.containment).toBe(1);
    expect(o.jaccard).toBeCloseTo(2 / 6);
  });
});

describe("nearDuplicateOf", () => {
  const app = suiteApp({ docs: { "charter.md": `---\ntitle: Charter plans\n---\n${CHARTER}\n` } });

  it("names the document that holds most of a reworded text", () => {
    const reworded = CHARTER.replace("twelve articles", "12 articles").replace("March 2026", "March");
    const near = nearDuplicateOf(app().kb.index(), reworded);
    expect(near).toMatchObject({ docId: "charter.md", title: "Charter plans" });
    expect(near!.containment).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SHARE);
  });

  it("finds nothing for a text that only shares a few words", () => {
    const other = "The congress opened a legal aid desk in Oslo for deserters, staffed by volunteers.";
    expect(nearDuplicateOf(app().kb.index(), other)).toBeUndefined();
  });
});
