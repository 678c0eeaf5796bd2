// The retrieval yardstick: plain BM25 over paragraphs.
import { describe, expect, it } from "vitest";
import { ParagraphBm25 } from "../../src/eval/baseline.js";

describe("ParagraphBm25", () => {
  const docs: [string, string][] = [
    [
      "a.md",
      "# Title\n\nThe congress met in Warsaw.\nIt was the fifth session.\n\nDelegates voted on budgets.\n",
    ],
    ["b.md", "The forum met in Vilnius.\n\nNothing else happened.\n"],
  ];
  const bm25 = new ParagraphBm25(docs);

  it("returns paragraphs as exact spans, best first", () => {
    const [first] = bm25.search("Where did the fifth session of the congress meet?", 3);
    expect(first!.docId).toBe("a.md");
    const text = docs[0]![1].slice(first!.start, first!.end);
    expect(text).toBe("The congress met in Warsaw.\nIt was the fifth session.");
  });

  it("returns nothing for words no paragraph has, and at most k", () => {
    expect(bm25.search("banana", 3)).toEqual([]);
    expect(bm25.search("met", 1)).toHaveLength(1);
  });
});
