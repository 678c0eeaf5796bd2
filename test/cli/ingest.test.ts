// `npm run ingest` as a user runs it: counts on the first run, "up to date" on the second, clear errors otherwise.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentFromBytes } from "../../src/corpus/documents.js";
import { splitPassages } from "../../src/corpus/passages.js";
import type { Manifest } from "../../src/index/passage-index.js";
import { currentGeneration } from "../../src/index/storage.js";
import { writeDocs } from "../helpers/corpus.js";
import { tempDir } from "../helpers/temp.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function npmIngest(args: string[], env: Record<string, string>): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "ingest", ...(args.length ? ["--", ...args] : [])], {
      cwd: ROOT,
      // Explicit values, so that a developer's .env cannot change what is tested.
      env: { ...process.env, EMBEDDINGS_PROVIDER: "local", EMBEDDINGS_MODEL: "", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const DOCS = {
  "one.md": "# One\n\nThe congress opened its fifth session in Warsaw on Wednesday.\n",
  "two.txt": "Конгресс народных депутатов провёл сессию в Варшаве.\r\nВторая строка.",
};

async function setup() {
  const corpusDir = await tempDir();
  const indexDir = path.join(await tempDir(), "index");
  await writeDocs(corpusDir, DOCS);
  return { corpusDir, indexDir, env: { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir } };
}

describe("npm run ingest", { timeout: 60_000 }, () => {
  it("prints what it added, says up to date on the second run, and refuses other embeddings", async () => {
    const { corpusDir, indexDir, env } = await setup();
    const first = await npmIngest([], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 added, 0 changed, 0 removed/);

    const second = await npmIngest([], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/up to date/i);
    expect(second.stdout).not.toMatch(/added/);

    // Passage ids written by the command are the ones this process computes: stable across runs.
    const manifestFile = path.join((await currentGeneration(indexDir))!, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
    expect(Object.keys(manifest.documents).sort()).toEqual(Object.keys(DOCS).sort());
    for (const [docId, entry] of Object.entries(manifest.documents)) {
      const doc = documentFromBytes(docId, await readFile(path.join(corpusDir, docId)));
      expect(entry.passageIds).toEqual(splitPassages(doc).map((p) => p.passageId));
    }
    expect(manifest.embeddings).toMatchObject({ provider: "local", model: "hash-512", dimension: 512 });

    const refused = await npmIngest([], { ...env, EMBEDDINGS_MODEL: "hash-256" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("npm run ingest -- --rebuild");
    expect(refused.stderr).not.toMatch(/^\s+at /m);

    const rebuilt = await npmIngest(["--rebuild"], { ...env, EMBEDDINGS_MODEL: "hash-256" });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/2 added/);
  });

  // Issue 22: with vectors.hnsw damaged in place it said "Index is up to date", and the bot crashed on the next search.
  it("finds a graph file (vectors.0.hnsw) damaged in place (same size) and rebuilds it, saying so", async () => {
    const { indexDir, env } = await setup();
    expect((await npmIngest([], env)).code).toBe(0);
    const vectors = path.join((await currentGeneration(indexDir))!, "vectors.0.hnsw");
    const bytes = await readFile(vectors);
    bytes.fill(
      0x5a,
      Math.floor(bytes.length / 3),
      Math.min(bytes.length, Math.floor(bytes.length / 3) + 1024),
    );
    await writeFile(vectors, bytes);
    const again = await npmIngest([], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(
      /WARN index unreadable \(.+damaged: vectors\.0\.hnsw .+\); rebuilding from the corpus/,
    );
    expect(again.stdout).toMatch(/2 added/);
    expect(again.stdout).not.toMatch(/up to date/i);
  });

  it("names a bad variable and exits non-zero without a stack trace", async () => {
    const { env } = await setup();
    const result = await npmIngest([], { ...env, EMBEDDINGS_PROVIDER: "foo" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("EMBEDDINGS_PROVIDER");
    expect(result.stderr).toContain("local, openai, ollama, transformers");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
