// The local embeddings on worker threads give the vectors of the ingest's own thread, bit for bit.
import { describe, expect, it } from "vitest";
import { EmbedPool } from "../../src/embeddings/embed-pool.js";
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";

describe("EmbedPool", { timeout: 60_000 }, () => {
  it("embeds as LocalHashEmbeddings does, in order, on every worker", async () => {
    const local = new LocalHashEmbeddings({ dimension: 64 });
    const pool = EmbedPool.forChoice({ provider: "local", model: local.model, embeddings: local }, 2)!;
    try {
      const texts = [
        "The congress opened in Warsaw.",
        "Сессия конгресса открылась в Варшаве.",
        "",
        "Deputies voted.",
      ];
      const [a, b] = await Promise.all([pool.embed(texts), pool.embed(texts.slice(1))]);
      const rows = (v: Float64Array, n: number) =>
        Array.from({ length: n }, (_, i) => Array.from(v.subarray(i * 64, (i + 1) * 64)));
      expect(rows(a, 4)).toEqual(await local.embedDocuments(texts));
      expect(rows(b, 3)).toEqual(await local.embedDocuments(texts.slice(1)));
    } finally {
      await pool.close();
    }
  });

  it("is not offered for embeddings other than the local ones", () => {
    const other = { embedDocuments: async () => [], embedQuery: async () => [] };
    expect(EmbedPool.forChoice({ provider: "openai", model: "m", embeddings: other })).toBeUndefined();
  });
});
