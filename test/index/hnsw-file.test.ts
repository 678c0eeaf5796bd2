// hnswlib's writeIndex never reports a failed write; checkHnswFile finds a file that a full disk cut short.
import { readFile, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StorageError } from "../../src/errors.js";
import { checkHnswFile } from "../../src/index/hnsw-file.js";
import { HnswVectorIndex } from "../../src/index/vector-index.js";
import { tempDir } from "../helpers/temp.js";

const DIM = 16;

/** A saved index of `n` pseudo-random vectors (enough for some upper-level link lists). */
async function savedIndex(n: number): Promise<string> {
  const index = HnswVectorIndex.create(DIM);
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (let label = 0; label < n; label++) index.add(label, Array.from({ length: DIM }, next));
  const file = path.join(await tempDir("hnsw-file-"), "vectors.hnsw");
  await index.save(file);
  return file;
}

describe("checkHnswFile", () => {
  it("accepts a whole file, as saved", async () => {
    const file = await savedIndex(500);
    await expect(checkHnswFile(file)).resolves.toBeUndefined();
  });

  it.each([
    ["in the header", () => 40],
    ["among the vectors", (size: number) => Math.floor(size / 3)],
    ["among the link lists", (size: number) => size - 3],
    ["empty", () => 0],
  ])("refuses a file cut short %s", async (_, at) => {
    const file = await savedIndex(500);
    const whole = await readFile(file);
    await truncate(file, at(whole.length));
    await expect(checkHnswFile(file)).rejects.toThrow(StorageError);
    await expect(checkHnswFile(file)).rejects.toThrow(/The disk is full/);
  });

  it("refuses a file with bytes after the last link list", async () => {
    const file = await savedIndex(200);
    await writeFile(file, Buffer.concat([await readFile(file), Buffer.from([0, 0, 0, 0])]));
    await expect(checkHnswFile(file)).rejects.toThrow(StorageError);
  });

  it("is what save() runs: a whole file loads again", async () => {
    const file = await savedIndex(300);
    expect((await stat(file)).size).toBeGreaterThan(300 * DIM * 4);
    const loaded = await HnswVectorIndex.load(file, DIM, [0, 1, 2]);
    expect(loaded.size).toBe(3);
  });
});
