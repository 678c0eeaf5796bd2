// The contract every VectorIndex implementation keeps (Hono's common.case.test.ts, for vector stores).
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { VectorIndex } from "../../src/index/vector-index.js";
import { tempDir } from "../helpers/temp.js";

export interface VectorIndexFactory {
  create(dimension: number): VectorIndex;
  /** Reads what `save` wrote; `live` are the labels added and not removed. */
  load(file: string, dimension: number, live: number[]): Promise<VectorIndex>;
}

/** Deterministic pseudo-random vectors (a small LCG), so that failures reproduce. */
export function randomVectors(count: number, dimension: number, seed = 7): number[][] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => Array.from({ length: dimension }, next));
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
}

const labels = (hits: { label: number }[]) => hits.map((h) => h.label);

/** Unit vector along axis i, in 4 dimensions, optionally with some weight on axis j. */
function axis(i: number, j?: number, w = 0): number[] {
  const v = [0, 0, 0, 0];
  v[i] = 1;
  if (j !== undefined) v[j] = w;
  return v;
}

export function vectorIndexContract(name: string, factory: VectorIndexFactory): void {
  describe(`VectorIndex contract: ${name}`, () => {
    it("returns nothing from an empty index", () => {
      const index = factory.create(4);
      expect(index.size).toBe(0);
      expect(index.search(axis(0), 5)).toEqual([]);
    });

    it("orders hits by cosine similarity, highest first, with cosine scores", () => {
      const index = factory.create(4);
      index.add(10, axis(0)); // same direction as the query
      index.add(11, axis(0, 1, 1)); // 45 degrees away
      index.add(12, axis(1)); // orthogonal
      index.add(13, [-3, 0, 0, 0]); // opposite, and long: length must not matter
      index.add(14, [5, 0.5, 0, 0]); // close, and long
      const hits = index.search([2, 0, 0, 0], 5);
      expect(labels(hits)).toEqual([10, 14, 11, 12, 13]);
      expect(hits[0]!.score).toBeCloseTo(1, 5);
      expect(hits[2]!.score).toBeCloseTo(Math.SQRT1_2, 5);
      expect(hits[3]!.score).toBeCloseTo(0, 5);
      expect(hits[4]!.score).toBeCloseTo(-1, 5);
      expect(labels(index.search(axis(0), 2))).toEqual([10, 14]);
    });

    it("never returns a removed vector, whatever k is", () => {
      const index = factory.create(4);
      index.add(1, axis(0));
      index.add(2, axis(0, 1, 0.1));
      index.add(3, axis(1));
      index.remove(1);
      index.remove(99); // unknown: no effect
      expect(index.size).toBe(2);
      expect(labels(index.search(axis(0), 1))).toEqual([2]);
      expect(labels(index.search(axis(0), 10)).sort()).toEqual([2, 3]);
      index.remove(2);
      index.remove(3);
      expect(index.size).toBe(0);
      expect(index.search(axis(0), 10)).toEqual([]);
    });

    it("replaces the vector of a label added again, also after removal", () => {
      const index = factory.create(4);
      index.add(1, axis(0));
      index.add(2, axis(1));
      index.add(1, axis(2));
      expect(index.size).toBe(2);
      expect(labels(index.search(axis(2), 1))).toEqual([1]);
      index.remove(2);
      index.add(2, axis(3));
      expect(index.size).toBe(2);
      expect(labels(index.search(axis(3), 1))).toEqual([2]);
    });

    it("returns every live vector when k is larger than the index, and nothing for k = 0", () => {
      const index = factory.create(4);
      for (let i = 0; i < 3; i++) index.add(i, axis(i));
      expect(index.search(axis(0), 100)).toHaveLength(3);
      expect(index.search(axis(0), 0)).toEqual([]);
    });

    it("accepts a zero vector but never ranks it, and finds nothing for a zero query", () => {
      const index = factory.create(4);
      index.add(1, [0, 0, 0, 0]);
      index.add(2, axis(0, 1, 10)); // only slightly towards the query
      index.add(3, axis(1));
      const hits = index.search([1, 0.01, 0, 0], 3);
      expect(labels(hits)[0]).toBe(2);
      expect(labels(hits)).not.toContain(1);
      for (const h of hits) expect(Number.isFinite(h.score)).toBe(true);
      expect(index.search([0, 0, 0, 0], 3)).toEqual([]);
      // A label whose vector becomes zero drops out.
      index.add(3, [0, 0, 0, 0]);
      expect(labels(index.search(axis(1), 3))).toEqual([2]);
    });

    it("refuses vectors and queries of another dimension", () => {
      const index = factory.create(4);
      expect(() => index.add(1, [1, 2, 3])).toThrow(/3 dimensions.*4/);
      expect(() => index.add(1, [1, 2, 3, 4, 5])).toThrow(/5 dimensions.*4/);
      expect(index.size).toBe(0);
      index.add(1, axis(0));
      expect(() => index.search([1, 0, 0], 1)).toThrow(/3 dimensions.*4/);
    });

    it("finds the true nearest neighbours among many vectors (recall at 10 of at least 0.9)", () => {
      const dim = 16;
      const data = randomVectors(1500, dim); // past the initial capacity, so the index has to grow
      const index = factory.create(dim);
      for (const [i, v] of data.entries()) index.add(i, v);
      for (let i = 0; i < 1500; i += 3) index.remove(i);
      expect(index.size).toBe(1000);
      let found = 0;
      const queries = randomVectors(20, dim, 99);
      for (const q of queries) {
        const truth = data
          .map((v, i) => ({ i, s: cosine(q, v) }))
          .filter((x) => x.i % 3 !== 0)
          .sort((a, b) => b.s - a.s)
          .slice(0, 10)
          .map((x) => x.i);
        const got = labels(index.search(q, 10));
        expect(got.every((l) => l % 3 !== 0)).toBe(true);
        found += got.filter((l) => truth.includes(l)).length;
      }
      expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.9);
    });

    it("gives the same results after save and load, and keeps working", async () => {
      const dim = 8;
      const data = randomVectors(200, dim, 3);
      const index = factory.create(dim);
      for (const [i, v] of data.entries()) index.add(i, v);
      for (const l of [0, 5, 17]) index.remove(l);
      index.add(500, new Array(dim).fill(0));
      const file = path.join(await tempDir(), "vectors.bin");
      await index.save(file);
      const live = data.map((_, i) => i).filter((i) => ![0, 5, 17].includes(i));
      const loaded = await factory.load(file, dim, [...live, 500]);
      expect(loaded.size).toBe(index.size);
      for (const q of randomVectors(10, dim, 11)) {
        const before = index.search(q, 20);
        const after = loaded.search(q, 20);
        expect(labels(after)).toEqual(labels(before));
        for (const [i, h] of after.entries()) expect(h.score).toBeCloseTo(before[i]!.score, 5);
        expect(labels(after)).not.toContain(0);
        expect(labels(after)).not.toContain(500);
      }
      loaded.add(1000, data[0]!);
      loaded.remove(1);
      expect(labels(loaded.search(data[0]!, 1))).toEqual([1000]);
      expect(labels(loaded.search(data[1]!, 300))).not.toContain(1);
    });
  });
}
