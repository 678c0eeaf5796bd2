// Sets of fictional documents and questions written apart from the code (test/eval/held-out/*): the answers must
// keep their figures on documents the rules were not written for, not only on the project's own corpus.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalEnv, ROOT, runEvalCli } from "./cli-helpers.js";

/** Held-out sets, development sets and the blind set: each a corpus folder and a question file with thresholds. */
const SETS = [
  ...["set1", "set2", "set3", "set4"].map((s) => ({ name: s, dir: `test/eval/held-out/${s}`, blind: false })),
  ...[
    "d1",
    "d2",
    "d3",
    "d4",
    "d5",
    "d6",
    "d7",
    "d8",
    "d9",
    "d10",
    "d11",
    "d12",
    "d13",
    "d14",
    "d15",
    "d16",
    "d17",
  ].map((s) => ({
    name: s,
    dir: `test/eval/dev/${s}`,
    blind: false,
  })),
  { name: "blind", dir: "test/eval/blind", blind: true },
];

describe("CI gate: the held-out, development and blind sets in extractive mode", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "eval-held-out-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  for (const set of SETS) {
    it(`meets the thresholds of ${set.dir}`, { timeout: 180_000 }, async () => {
      const base = path.join(ROOT, set.dir);
      const json = path.join(dir, `${set.name}.json`);
      const env = evalEnv({
        INDEX_DIR: path.join(dir, set.name, "index"),
        DATA_DIR: path.join(dir, set.name, "data"),
      });
      const args = ["--corpus", path.join(base, "corpus"), "--questions", path.join(base, "questions.json")];
      const { code, stdout, stderr } = await runEvalCli(
        [...args, "--mode", "extractive", "--json", json, "--min", "p95Ms=5000"],
        env,
      );
      // The blind set's questions and per-question rows are never shown: only its summary and thresholds.
      const shown = set.blind ? stdout.slice(Math.max(0, stdout.indexOf("Summary:"))) : stdout;
      expect(code, `${shown}\n${set.blind ? "" : stderr}`).toBe(0);
      const { summary } = JSON.parse(await readFile(json, "utf8"));
      expect(summary).toMatchObject({ mode: "extractive", errors: 0 });
      expect(summary.n).toBeGreaterThanOrEqual(40);
    });
  }
});
