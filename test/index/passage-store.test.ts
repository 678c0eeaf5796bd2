// Passages read from disk are made into objects when asked for; changes sit beside the table, and a save sees them all.
import { describe, expect, it } from "vitest";
import type { Passage } from "../../src/corpus/types.js";
import { PassageStore } from "../../src/index/passage-store.js";
import { PassageTable } from "../../src/index/passage-table.js";

function passage(n: number, text: string): Passage {
  return {
    passageId: `p${n}`,
    docId: `doc${n % 2}.md`,
    title: `Title ${n % 2}`,
    text,
    start: 10 * n,
    end: 10 * n + text.length,
    line: n + 1,
    heading: n % 2 ? "Ёлка" : "",
    sentences: [{ start: 10 * n, end: 10 * n + text.length }],
  };
}

/** A table of passages 0..2 with labels 5, 6, 7, laid out as formats.ts writes it. */
function table(): { table: PassageTable; passages: Passage[] } {
  const passages = [passage(0, "Warsaw"), passage(1, "Варшава 🎄"), passage(2, "")];
  const strings = {
    passageIds: passages.map((p) => p.passageId),
    docIds: ["doc0.md", "doc1.md"],
    titles: ["Title 0", "Title 1"],
    headings: ["", "Ёлка"],
  };
  const bytes = passages.map((p) => Buffer.byteLength(p.text));
  const numbers = Int32Array.from([
    ...[5, 6, 7],
    ...[0, 1, 0],
    ...passages.map((p) => p.start),
    ...passages.map((p) => p.end),
    ...passages.map((p) => p.line),
    ...[0, 1, 0],
    ...bytes,
    ...[1, 1, 1],
    ...passages.flatMap((p) => [p.sentences[0]!.start, p.sentences[0]!.end]),
  ]);
  return {
    table: PassageTable.from(numbers, strings, Buffer.from(passages.map((p) => p.text).join(""))),
    passages,
  };
}

describe("PassageStore over a PassageTable", () => {
  it("gives back each passage as written, the same object while it is held", () => {
    const { table: t, passages } = table();
    const store = new PassageStore(t);
    expect(store.size).toBe(3);
    expect([...store.keys()]).toEqual([5, 6, 7]);
    expect(store.get(6)).toEqual(passages[1]);
    expect(store.get(6)).toBe(store.get(6));
    expect(store.passageId(7)).toBe("p2");
    expect(store.get(4)).toBeUndefined();
  });

  it("keeps additions, replacements and removals beside the table", () => {
    const { table: t, passages } = table();
    const store = new PassageStore(t);
    const replaced = passage(9, "replaced");
    store.set(5, replaced);
    store.delete(6);
    store.set(8, passage(8, "new"));
    expect(store.size).toBe(3);
    expect(store.has(6)).toBe(false);
    expect(store.get(5)).toBe(replaced);
    expect([...store.entries()].map(([l, p]) => [l, p.text])).toEqual([
      [7, passages[2]!.text],
      [5, "replaced"],
      [8, "new"],
    ]);
  });

  it("refuses columns that do not fit the texts", () => {
    const { passages } = table();
    const strings = { passageIds: ["a"], docIds: ["d"], titles: ["t"], headings: [""] };
    const numbers = Int32Array.from([0, 0, 0, 5, 1, 0, 99, 0]);
    expect(() => PassageTable.from(numbers, strings, Buffer.from(passages[0]!.text))).toThrow(/cut short/);
  });
});
