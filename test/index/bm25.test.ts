// BM25: the inverted index ranks exactly as scoring every passage and sorting would, also after changes and a reload.
import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../src/index/bm25.js";
import { contentTerms } from "../../src/text/tokenize.js";

const WORDS =
  "congress session warsaw deputies vote resolution partisan border budget council река сессия депутат"
    .split(" ")
    .concat(Array.from({ length: 30 }, (_, i) => `term${i}`));

/** Deterministic texts: word choice skewed so that some terms are common and scores tie now and then. */
function texts(n: number, seed = 1): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, () =>
    Array.from(
      { length: 3 + Math.floor(next() * 25) },
      () => WORDS[Math.floor(next() ** 2 * WORDS.length)],
    ).join(" "),
  );
}

/** BM25 by the book: score every passage, sort all by score then label. */
function reference(docs: Map<number, string>, query: string, k: number) {
  const terms = [...new Set(contentTerms(query))];
  const tokens = new Map([...docs].map(([l, t]) => [l, contentTerms(t)]));
  const avg = [...tokens.values()].reduce((a, t) => a + t.length, 0) / Math.max(1, docs.size);
  const scores = new Map<number, number>();
  for (const term of terms) {
    const df = [...tokens.values()].filter((t) => t.includes(term)).length;
    if (df === 0) continue;
    const idf = Math.log(1 + (docs.size - df + 0.5) / (df + 0.5));
    for (const [label, t] of tokens) {
      const tf = t.filter((x) => x === term).length;
      if (tf === 0) continue;
      const s = (idf * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * t.length) / avg));
      scores.set(label, (scores.get(label) ?? 0) + s);
    }
  }
  return [...scores]
    .map(([label, score]) => ({ label, score }))
    .sort((a, b) => b.score - a.score || a.label - b.label)
    .slice(0, k);
}

function expectSameRanking(index: Bm25Index, docs: Map<number, string>, queries: string[]): void {
  for (const q of queries) {
    for (const k of [1, 3, 10, 1000]) {
      const got = index.search(q, k);
      const want = reference(docs, q, k);
      expect(got.map((h) => h.label)).toEqual(want.map((h) => h.label));
      for (const [i, h] of got.entries()) expect(h.score).toBeCloseTo(want[i]!.score, 9);
    }
  }
}

describe("Bm25Index", () => {
  const queries = texts(25, 99).map((t) => t.split(" ").slice(0, 4).join(" "));

  it("ranks as full scoring and sorting would, ties broken by label", () => {
    const docs = new Map(texts(300).map((t, i) => [i, t]));
    const index = new Bm25Index();
    for (const [l, t] of docs) index.add(l, t);
    expectSameRanking(index, docs, [...queries, "congress", "сессия депутат", "nothing-here"]);
    expect(index.search("congress", 0)).toEqual([]);
  });

  it("keeps ranking right after removals, re-adds and a save and load", () => {
    const docs = new Map(texts(200, 5).map((t, i) => [i * 3, t]));
    const index = new Bm25Index();
    for (const [l, t] of docs) index.add(l, t);
    const gone = [0, 3, 30, 300, 597];
    index.remove(gone);
    for (const l of gone) docs.delete(l);
    index.add(9, "congress congress warsaw");
    docs.set(9, "congress congress warsaw");
    index.add(1000, "a new deputies vote");
    docs.set(1000, "a new deputies vote");
    expectSameRanking(index, docs, queries);

    const { meta, postings } = index.toFiles();
    const loaded = Bm25Index.fromFiles(JSON.parse(JSON.stringify(meta)), Buffer.from(postings));
    expect(loaded.size).toBe(docs.size);
    expectSameRanking(loaded, docs, queries);
    // Lists read from the file are changed copy-on-write, and the rest stay right.
    loaded.add(2000, "congress budget");
    loaded.remove([3]);
    docs.set(2000, "congress budget");
    docs.delete(3);
    expectSameRanking(loaded, docs, queries);
  });

  it("reads the older all-JSON form, and refuses postings that name unknown passages", () => {
    const legacy = {
      lengths: [
        [0, 2],
        [1, 1],
      ] as [number, number][],
      postings: { congress: [0, 1, 1, 1], session: [0, 1] },
    };
    const index = Bm25Index.fromFiles(legacy);
    expect(index.search("congress session", 5).map((h) => h.label)).toEqual([0, 1]);
    expect(() => Bm25Index.fromFiles({ ...legacy, postings: { congress: [7, 1] } })).toThrow(/passage 7/);
    const { meta, postings } = index.toFiles();
    expect(() => Bm25Index.fromFiles(meta, postings.subarray(4))).toThrow(/do not match/);
  });
});
