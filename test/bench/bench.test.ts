// The benchmark: the corpus generator is deterministic and lands on the passage count, and `--quick` writes a sane report.
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/bench/corpus-generator.js";
import type { BenchReport } from "../../src/bench/report.js";
import type { Latency } from "../../src/bench/stats.js";
import { documentFromBytes } from "../../src/corpus/documents.js";
import { splitPassages } from "../../src/corpus/passages.js";
import { tempDir } from "../helpers/temp.js";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

async function readCorpus(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const file = path.join(e.parentPath, e.name);
      out.set(path.relative(dir, file), await readFile(file, "utf8"));
    }
  }
  return out;
}

describe("synthetic corpus generator", () => {
  it("writes the same corpus for the same seed, with exactly the passages asked for", async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const made = await generateCorpus({ corpusDir: a, passages: 150, seed: 7, queries: 40, warmup: 10 });
    await generateCorpus({ corpusDir: b, passages: 150, seed: 7, queries: 40, warmup: 10 });
    const files = await readCorpus(a);
    expect(await readCorpus(b)).toEqual(files);

    let passages = 0;
    for (const [docId, text] of files)
      passages += splitPassages(documentFromBytes(docId, Buffer.from(text))).length;
    expect(made.passages).toBe(passages);
    expect(passages).toBeGreaterThanOrEqual(150);
    expect(passages).toBeLessThanOrEqual(152);
    expect(made.documents).toBe(files.size);
    expect(made.queries).toHaveLength(40);
    expect(made.warmup).toHaveLength(10);
  });

  it("writes English and Russian prose with a skewed (Zipf-like) word distribution", async () => {
    const dir = await tempDir();
    await generateCorpus({ corpusDir: dir, passages: 300, seed: 1 });
    const text = [...(await readCorpus(dir)).values()].join("\n");
    expect(text).toMatch(/\p{Script=Cyrillic}{4,}/u);
    expect(text).toMatch(/\b[A-Z][a-z]+ [a-z]+ [a-z]+/);
    const counts = new Map<string, number>();
    for (const w of text.toLowerCase().match(/[\p{L}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    const freq = [...counts.values()].sort((x, y) => y - x);
    // The most frequent word is far more common than the median one, and most words are rare.
    expect(freq[0]!).toBeGreaterThan(50 * freq[Math.floor(freq.length / 2)]!);
    expect(freq.filter((f) => f === 1).length).toBeGreaterThan(freq.length / 4);
  });
});

function expectLatency(l: Latency, n: number): void {
  expect(l.n).toBe(n);
  expect(l.p50Ms).toBeGreaterThan(0);
  expect(l.p50Ms).toBeLessThanOrEqual(l.p95Ms);
  expect(l.p95Ms).toBeLessThanOrEqual(l.p99Ms);
  expect(l.p99Ms).toBeLessThanOrEqual(l.maxMs);
  expect(l.cpu.p50Ms).toBeLessThanOrEqual(l.cpu.p95Ms);
}

describe("npm run bench -- --quick", () => {
  it("refuses a malformed --build-sweep, saying what it takes", async () => {
    const failed = await run("npx", ["tsx", "src/cli/bench.ts", "--quick", "--build-sweep", "16"], {
      cwd: ROOT,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain("--build-sweep takes M:EFC pairs");
  });

  it("runs every phase on 1,000 passages and writes a report with sane figures", {
    timeout: 240_000,
  }, async () => {
    const out = path.join(await tempDir(), "bench.json");
    const profiles = await tempDir();
    const args = ["--quick", "--json", out, "--build-sweep", "4:10,16:200", "--profile", profiles];
    const { stdout } = await run("npx", ["tsx", "src/cli/bench.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent" },
      maxBuffer: 16 * 2 ** 20,
    });
    expect(stdout).toContain("HNSW recall@10");
    expect(stdout).toMatch(/Targets at 1,000 passages/);

    const report = JSON.parse(await readFile(out, "utf8")) as BenchReport;
    expect(report.options).toMatchObject({ sizes: [1000], rounds: 1 });
    expect(report.results).toHaveLength(1);
    const r = report.results[0]!;
    const queries = report.options.queries;

    // Every phase saw the same passages.
    expect(r.passages).toBeGreaterThanOrEqual(1000);
    expect(r.ingest.passages).toBe(r.passages);
    expect(r.serve.passages).toBe(r.passages);
    expect(r.vectors.vectors).toBe(r.passages);
    expect(r.ingest.documents).toBe(r.documents);

    expect(r.ingest.passagesPerSec).toBeGreaterThan(0);
    for (const stage of ["readMs", "splitMs", "embedMs", "indexMs", "saveMs"] as const) {
      expect(r.ingest[stage]).toBeGreaterThanOrEqual(0);
    }
    expect(r.ingest.embedMs + r.ingest.indexMs + r.ingest.saveMs).toBeLessThanOrEqual(r.ingest.totalMs);
    expect(Object.keys(r.ingest.indexFiles)).toEqual(
      expect.arrayContaining([
        "manifest.json",
        "passages.json",
        "vectors.f32",
        "vectors.0.hnsw",
        "vectors.1.hnsw",
      ]),
    );
    expect(r.ingest.indexBytes).toBe(Object.values(r.ingest.indexFiles).reduce((a, b) => a + b, 0));
    expect(r.serve.coldLoadMs).toBeGreaterThan(0);
    expect(Object.keys(r.serve.loadSteps).sort()).toEqual(["bm25", "checksums", "passages", "vectors"]);
    expect(r.ingest.cpuUtilisation).toBeGreaterThan(0);
    // Each share is rounded to 0.001: their sum may pass 1 by half of that per share (it was 1.0010000000000001).
    const shares = Object.values(r.ingest.shares);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + shares.length * 0.0005 + 1e-9);
    // The hybrid finds most questions' source passages, at every beam (the default among them).
    expect(r.serve.sourceRecall.map((s) => s.efSearch)).toContain(r.serve.efSearch);
    for (const s of r.serve.sourceRecall) expect(s.recallAtK).toBeGreaterThan(0.5);
    expect(stdout).toContain("hybrid recall@10 of the source passage");

    for (const l of Object.values(r.serve.latency)) expectLatency(l, queries);
    expect(r.serve.answers.questions).toBe(queries);
    expect(r.serve.answers.answered + r.serve.answers.abstained).toBe(queries);
    expect(r.serve.answers.answered).toBeGreaterThan(0);
    expect(r.serve.answers.citations).toBeGreaterThanOrEqual(r.serve.answers.answered);

    // A profile per phase and thread; the serving phase's main thread is the one that answered.
    expect((await readdir(profiles)).sort()).toEqual(["1000-ingest", "1000-serve", "1000-vectors"]);
    const serving = (await readdir(path.join(profiles, "1000-serve"))).filter((f) =>
      /\.\d+\.0\.\d+\.cpuprofile$/.test(f),
    );
    expect(serving).toHaveLength(1);
    const profile = await readFile(path.join(profiles, "1000-serve", serving[0]!), "utf8");
    expect(profile).toContain("src/answer/pipeline.ts");

    expect(r.vectors.queries).toBeGreaterThan(0);
    expect(r.vectors.k).toBe(10);
    expectLatency(r.vectors.hnsw.latency, r.vectors.queries);
    expectLatency(r.vectors.exact.latency, r.vectors.queries);
    expect(r.vectors.hnsw.recallAtK).toBeGreaterThan(0);
    expect(r.vectors.hnsw.recallAtK).toBeLessThanOrEqual(1);
    // Wider beams on the same graph: a beam as wide as the corpus searches it all, so it finds the exact top 10.
    expect(r.vectors.efSweep.map((e) => e.efSearch)).toEqual([128, 256, 512, 1024, 2048]);
    expect(r.vectors.efSweep.at(-1)!.recallAtK).toBeGreaterThanOrEqual(0.99);
    for (const e of r.vectors.efSweep) expect(e.speedupP50).toBeGreaterThan(0);
    // Exact neighbours' cosines fall with rank.
    const cosines = r.vectors.exactScores.map((e) => e.medianCosine);
    expect(r.vectors.exactScores.map((e) => e.rank)).toEqual([1, 2, 10, 11, 20, 50, 100]);
    expect(cosines).toEqual([...cosines].sort((a, b) => b - a));
    expect(cosines[0]!).toBeGreaterThan(cosines.at(-1)!);
    // Graphs built anew from the same vectors: a sparse, hastily built one finds fewer of the exact neighbours at
    // the default beam than the project's, and more with wider beams; the project's, searched with a beam wider than
    // the corpus, finds them all (a graph of degree 4 may fall apart into pieces no beam crosses).
    expect(r.vectors.buildSweep.map((b) => [b.m, b.efConstruction])).toEqual([
      [4, 10],
      [16, 200],
    ]);
    const [sparse, dense] = r.vectors.buildSweep;
    for (const b of [sparse!, dense!]) {
      expect(b.vectorsPerSec).toBeGreaterThan(0);
      expect(b.beams.map((e) => e.efSearch)).toEqual([32, 128, 256, 512, 1024, 2048]);
    }
    expect(dense!.beams.at(-1)!.recallAtK).toBeGreaterThanOrEqual(0.99);
    expect(sparse!.beams[0]!.recallAtK).toBeLessThan(dense!.beams[0]!.recallAtK);
    expect(sparse!.beams.at(-1)!.recallAtK).toBeGreaterThan(sparse!.beams[0]!.recallAtK);
    expect(stdout).toContain("graph built anew");
    // LangChain's store is brute force too: it must agree with our exact search.
    expect(r.vectors.memoryVectorStore.recallAtK).toBeGreaterThanOrEqual(0.99);
    expect(r.peakRssMb).toBeGreaterThan(0);

    expect(report.targets.map((t) => t.name)).toHaveLength(5);
    for (const t of report.targets) {
      expect(t.size).toBe(1000);
      expect(typeof t.met).toBe("boolean");
      expect(Number.isFinite(t.value)).toBe(true);
    }
  });
});
