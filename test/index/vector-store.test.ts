// The full vectors rescoring reads: the same rows and scores whether read whole or a row at a time from the file.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VectorStore } from "../../src/index/vector-store.js";
import { tempDir } from "../helpers/temp.js";
import { randomVectors } from "./vector-index.contract.js";

const DIM = 8;

function unit(v: number[]): number[] {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

describe("VectorStore", () => {
  it("reads a big store lazily, keeps changes beside it, and saves them all", async () => {
    const store = new VectorStore(DIM);
    const vectors = randomVectors(50, DIM).map(unit);
    vectors.forEach((v, label) => {
      store.set(label, v);
    });
    const file = path.join(await tempDir(), "vectors.f32");
    await store.save(file);
    const whole = await VectorStore.load(file, DIM);
    const lazy = await VectorStore.load(file, DIM, 0);
    const q = Float64Array.from(unit(randomVectors(1, DIM, 3)[0]!));
    // Every row, scored the same from the file as from memory.
    expect(lazy.nearest(q, 50)).toHaveLength(50);
    expect(lazy.nearest(q, 50)).toEqual(whole.nearest(q, 50));
    expect(lazy.vector(7)).toEqual(whole.vector(7));

    lazy.remove(3);
    lazy.set(4, vectors[9]!);
    lazy.set(60, vectors[1]!);
    expect(lazy.size).toBe(50);
    expect(lazy.has(3)).toBe(false);
    expect(lazy.vector(4)).toEqual(whole.vector(9));
    // Saved into another file, as every save writes a new generation folder.
    const next = path.join(path.dirname(file), "next.f32");
    await lazy.save(next);
    const again = await VectorStore.load(next, DIM);
    expect(again.labelList().sort((a, b) => a - b)).toEqual(lazy.labelList().sort((a, b) => a - b));
    expect(again.score(q, [4, 60])).toEqual(lazy.score(q, [4, 60]));
  });

  it("refuses a cut file", async () => {
    const store = new VectorStore(DIM);
    store.set(1, unit([1, 2, 3, 4, 5, 6, 7, 8]));
    const file = path.join(await tempDir(), "vectors.f32");
    await store.save(file);
    const { truncate } = await import("node:fs/promises");
    await truncate(file, 20);
    await expect(VectorStore.load(file, DIM, 0)).rejects.toThrow(/not a whole store/);
    await expect(VectorStore.load(file, DIM)).rejects.toThrow(/not a whole store/);
  });
});
