// Issue 22: vectors.hnsw damaged in place (4 KB overwritten, same size) passed the layout check and crashed the native
// search. Its SHA-256 in the manifest now finds the damage at load: warning, rebuild from the corpus, right answer.
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { ingest } from "../../src/index/ingest.js";
import { currentGeneration } from "../../src/index/storage.js";
import { createLogger } from "../../src/logger.js";
import { tempApp } from "../helpers/app.js";

/** Overwrites 4 KB (or what is left of the file) at `fraction` of its length with a pattern, keeping its size. */
async function overwrite(file: string, fraction: number): Promise<void> {
  const { size } = await stat(file);
  const at = Math.min(Math.floor(size * fraction), Math.max(0, size - 4096));
  const junk = Buffer.alloc(Math.min(4096, size - at), 0xa7);
  const fh = await open(file, "r+");
  try {
    await fh.write(junk, 0, junk.length, at);
  } finally {
    await fh.close();
  }
  expect((await stat(file)).size).toBe(size);
}

describe("a graph file (vectors.0.hnsw) damaged in place", { timeout: 60_000 }, () => {
  // The header, the middle of the vectors and links, and the end of the file (upper-level link lists).
  it.each([0.001, 0.3, 0.6, 0.999])(
    "at %s of its length: warned, rebuilt, and answered",
    async (fraction) => {
      const app = await tempApp();
      try {
        const vectors = path.join((await currentGeneration(app.config.indexDir))!, "vectors.0.hnsw");
        await overwrite(vectors, fraction);
        const logs: string[] = [];
        const reopened = await buildApp(
          app.config,
          createLogger("debug", [], (line) => logs.push(line) > 0),
        );
        expect(logs.join("\n")).toMatch(
          /WARN index unreadable \(.+damaged: vectors\.0\.hnsw does not match the SHA-256.+\); rebuilding from the corpus/,
        );
        const answer = await reopened.pipeline.ask("Where did the fifth session open?");
        expect(answer.abstained).toBe(false);
        expect(answer.answer).toContain("Warsaw");
      } finally {
        await app.cleanup();
      }
    },
  );

  it("is found by an ingest too (npm run ingest), which rebuilds instead of saying up to date", async () => {
    const app = await tempApp();
    try {
      const vectors = path.join((await currentGeneration(app.config.indexDir))!, "vectors.0.hnsw");
      await overwrite(vectors, 0.5);
      const warnings: string[] = [];
      const { report } = await ingest({
        corpusDir: app.config.corpusDir,
        indexDir: app.config.indexDir,
        embeddings: app.embeddings,
        log: { warn: (m: string) => warnings.push(m), info: () => undefined },
      });
      expect(warnings.join("\n")).toMatch(/damaged: vectors\.0\.hnsw .+rebuilding from the corpus/);
      expect(report.upToDate).toBe(false);
      expect(report.rebuiltDamaged).toBe(true);
      expect(report.added).toEqual(["congress-fifth-session-warsaw.md"]);
    } finally {
      await app.cleanup();
    }
  });
});
