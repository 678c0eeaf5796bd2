// Sets of fictional documents and questions written apart from the code (test/eval/held-out/*): the answers must
// keep their figures on documents the rules were not written for, not only on the project's own corpus.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalEnv, ROOT, runEvalCli } from "./cli-helpers.js";

const SETS = ["set1", "set2", "set3", "set4"];

describe("CI gate: the held-out sets in extractive mode", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "eval-held-out-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  for (const set of SETS) {
    it(`meets the thresholds of test/eval/held-out/${set}`, { timeout: 180_000 }, async () => {
      const base = path.join(ROOT, "test/eval/held-out", set);
      const json = path.join(dir, `${set}.json`);
      const env = evalEnv({ INDEX_DIR: path.join(dir, set, "index"), DATA_DIR: path.join(dir, set, "data") });
      const args = ["--corpus", path.join(base, "corpus"), "--questions", path.join(base, "questions.json")];
      const { code, stdout, stderr } = await runEvalCli(
        [...args, "--mode", "extractive", "--json", json, "--min", "p95Ms=5000"],
        env,
      );
      expect(code, `${stdout}\n${stderr}`).toBe(0);
      const { summary } = JSON.parse(await readFile(json, "utf8"));
      expect(summary).toMatchObject({ mode: "extractive", errors: 0 });
      expect(summary.n).toBeGreaterThanOrEqual(40);
    });
  }
});
