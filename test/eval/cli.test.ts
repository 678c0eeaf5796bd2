// `npm run eval` as a user runs it: a child process on a temp corpus that differs from the project's.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRIC_NAMES } from "../../src/eval/metrics.js";
import {
  evalEnv,
  FIXTURE_DOCS,
  FIXTURE_QUESTIONS,
  makeFixture,
  ROOT,
  runEvalCli,
  startFakeLlm,
} from "./cli-helpers.js";

let dir: string;
let corpus: string;
let questions: string;
let tmp: string;

beforeAll(async () => {
  dir = await makeFixture();
  corpus = path.join(dir, "corpus");
  questions = path.join(dir, "questions.json");
  // The child's os.tmpdir(): lets the test see that the temporary index is gone afterwards.
  tmp = path.join(dir, "tmp");
  await mkdir(tmp);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const run = (args: string[]) =>
  runEvalCli(["--questions", questions, "--corpus", corpus, ...args], evalEnv({ TMPDIR: tmp }));

async function jsonReport(name: string, args: string[] = []) {
  const file = path.join(dir, `${name}.json`);
  const result = await run(["--json", file, ...args]);
  return {
    ...result,
    file,
    report: result.code === 2 ? undefined : JSON.parse(await readFile(file, "utf8")),
  };
}

/** Every file under the project's index folder with its size and mtime ("missing" when there is none). */
async function snapshot(folder: string): Promise<string> {
  if (!existsSync(folder)) return "missing";
  const entries = await readdir(folder, { recursive: true });
  const lines = await Promise.all(
    entries.sort().map(async (e) => {
      const s = await stat(path.join(folder, e));
      return `${e} ${s.size} ${s.mtimeMs}`;
    }),
  );
  return lines.join("\n");
}

// Each run starts a process that loads the whole app: slow on a busy machine.
describe("npm run eval on another corpus", { timeout: 120_000 }, () => {
  it("prints a row per question and the summary, and writes the JSON, Markdown and HTML reports", async () => {
    const indexBefore = await snapshot(path.join(ROOT, "index"));
    const { code, stdout, stderr, file, report } = await jsonReport("full", ["--min", "hitAtK=0"]);
    expect(code, stderr).toBe(0);
    for (const q of FIXTURE_QUESTIONS.questions) expect(stdout).toMatch(new RegExp(`^${q.id}\\s`, "m"));
    expect(stdout).toMatch(/Summary: 7 questions \(5 answerable, 2 unanswerable\), k=5, mode=extractive/);
    expect(stdout).toMatch(/ok\s+hitAtK = /);

    expect(Object.keys(report)).toEqual(expect.arrayContaining(["summary", "results"]));
    const { summary, results } = report;
    for (const name of METRIC_NAMES)
      expect(summary[name] === null || typeof summary[name] === "number").toBe(true);
    expect(summary).toMatchObject({ n: 7, k: 5, mode: "extractive" });
    expect(summary.byTag.x.n).toBe(2);
    expect(results.map((r: { id: string }) => r.id)).toEqual(FIXTURE_QUESTIONS.questions.map((q) => q.id));
    for (const r of results) {
      for (const key of ["id", "question", "answer", "abstained", "hit", "rank", "factRecall", "citations"]) {
        expect(r).toHaveProperty(key);
      }
      for (const c of r.citations) expect(Object.keys(FIXTURE_DOCS)).toContain(c.docId);
    }
    expect(summary.factRecall).toBeLessThan(1);
    // The summary agrees with the per-question results it came from.
    const exact = results.flatMap((r: { citations: { exact: boolean }[] }) =>
      r.citations.map((c) => c.exact),
    );
    if (exact.length) expect(summary.quoteExactness).toBeCloseTo(exact.filter(Boolean).length / exact.length);
    const answerable = results.filter((r: { hit: boolean | null }) => r.hit !== null);
    expect(summary.hitAtK).toBeCloseTo(answerable.filter((r: { hit: boolean }) => r.hit).length / 5);

    expect(existsSync(file.replace(/\.json$/, ".md"))).toBe(true);
    const html = await readFile(file.replace(/\.json$/, ".html"), "utf8");
    expect(html).toContain("<svg");

    // The project's index is untouched, and the temporary one is gone.
    expect(await snapshot(path.join(ROOT, "index"))).toBe(indexBefore);
    expect((await readdir(tmp)).filter((e) => e.startsWith("congress-eval-"))).toEqual([]);
  });

  it("--k sets the retrieval depth", async () => {
    const { code, report } = await jsonReport("k1", ["--k", "1"]);
    expect(code).toBe(0);
    expect(report.summary.k).toBe(1);
    for (const r of report.results) expect(r.passages.length).toBeLessThanOrEqual(1);
    expect(report.summary.mrr).toBeCloseTo(report.summary.hitAtK);
  });

  it("--exclude-tags leaves the tagged questions out of the run and its summary", async () => {
    const { code, report } = await jsonReport("excluded", ["--exclude-tags", "x,unused"]);
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ n: 5, nAnswerable: 3, excludedTags: ["x", "unused"] });
    expect(report.summary.byTag).toEqual({});
    expect(report.results.map((r: { id: string }) => r.id)).not.toContain("f3");
  });

  it("a missed --min threshold exits 1 and names the metric; reports go to reports/ without --json", async () => {
    // Run from the fixture folder, so that its reports/ folder receives the default reports.
    const { code, stdout, stderr } = await runEvalCli(
      ["--questions", questions, "--corpus", corpus, "--min", "factRecall=1", "--min", "abstainAccuracy=0"],
      evalEnv({ TMPDIR: tmp }),
      dir,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/Missed 1 threshold\(s\): factRecall/);
    expect(stdout).toMatch(/MISSED factRecall = [\d.]+, needs at least 1\.000/);
    expect(stdout).toMatch(/ok\s+abstainAccuracy/);
    expect(stdout).toMatch(/Reports: reports\/eval\.md, reports\/eval\.html/);
    expect(await readFile(path.join(dir, "reports", "eval.md"), "utf8")).toMatch(/\*\*MISSED\*\*/);
    expect(existsSync(path.join(dir, "reports", "eval.html"))).toBe(true);
  });

  it("the question file's thresholds block gates too, and a flag overrides it", async () => {
    const file = path.join(dir, "gated.json");
    await writeFile(file, JSON.stringify({ ...FIXTURE_QUESTIONS, thresholds: { factRecall: 1 } }));
    const gated = await runEvalCli(["--questions", file, "--corpus", corpus], evalEnv({ TMPDIR: tmp }), dir);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/factRecall/);
    const relaxed = await runEvalCli(
      ["--questions", file, "--corpus", corpus, "--min", "factRecall=0"],
      evalEnv({ TMPDIR: tmp }),
      dir,
    );
    expect(relaxed.code, relaxed.stderr).toBe(0);
  });

  it("a question file whose evidence is not in the corpus stops before evaluating, naming the question", async () => {
    // The project's own set cites the project's corpus, not this one.
    const { code, stderr, stdout } = await runEvalCli(["--corpus", corpus], evalEnv({ TMPDIR: tmp }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/question "q01": evidence ".+" occurs in no document of/);
    expect(stdout).toBe("");
  });

  it("a malformed question file names the bad question", async () => {
    const file = path.join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ questions: [{ id: "b7", question: "Why?" }] }));
    const { code, stderr } = await runEvalCli(
      ["--questions", file, "--corpus", corpus],
      evalEnv({ TMPDIR: tmp }),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/question "b7" \(questions\[0\]\): answerable: Required/);
  });

  it("--mode llm answers with the configured LLM", async () => {
    const llm = await startFakeLlm();
    try {
      const json = path.join(dir, "llm.json");
      const env = evalEnv({
        TMPDIR: tmp,
        LLM_PROVIDER: "openai",
        OPENAI_BASE_URL: llm.url,
        OPENAI_API_KEY: "",
      });
      const { code, stderr } = await runEvalCli(
        ["--questions", questions, "--corpus", corpus, "--mode", "llm", "--json", json],
        env,
      );
      expect(code, stderr).toBe(0);
      const { summary, results } = JSON.parse(await readFile(json, "utf8"));
      expect(summary).toMatchObject({ mode: "llm", n: 7, errors: 0 });
      // The model's verbatim quotes were accepted: no answer fell back to the extractive one.
      expect(results.filter((r: { fallback?: string }) => r.fallback)).toEqual([]);
      expect(llm.requests()).toBeGreaterThanOrEqual(FIXTURE_QUESTIONS.questions.length);
    } finally {
      await llm.close();
    }
  });

  it("refuses bad flags with exit code 2", async () => {
    const onlyX = FIXTURE_QUESTIONS.questions.filter((q) => q.tag === "x");
    await writeFile(path.join(dir, "only-x.json"), JSON.stringify({ questions: onlyX }));
    for (const [args, message] of [
      [["--k", "0"], /--k 0: expected a whole number/],
      [["--mode", "llm"], /--mode llm needs an LLM: set LLM_PROVIDER/],
      [["--mode", "smart"], /--mode smart: expected extractive or llm/],
      [["--exclude-tags", "x", "--questions", path.join(dir, "only-x.json")], /leaves no question/],
    ] as const) {
      const refused = await run([...args]);
      expect(refused.code, args.join(" ")).toBe(2);
      expect(refused.stderr).toMatch(message);
    }
    const bad = await run(["--min", "recall=0.5"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown metric "recall"/);
  });
});
