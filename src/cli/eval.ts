// `npm run eval`: runs a question file through the answer pipeline, prints the table and summary, writes reports, gates on thresholds.
import path from "node:path";
import type { Config } from "../config.js";
import { formatConsoleReport } from "../eval/console-report.js";
import { CorpusTexts } from "../eval/corpus-texts.js";
import { loadQuestionSet } from "../eval/questions.js";
import { type FullReport, reportPaths, writeReports } from "../eval/report.js";
import { runEval, selectQuestions } from "../eval/runner.js";
import { checkThresholds, mergeThresholds, parseThresholdFlag, ThresholdError } from "../eval/thresholds.js";
import { parseCli } from "./args.js";
import { runCli } from "./run.js";
import { scratchConfig } from "./scratch.js";

const USAGE =
  "npm run eval -- [--questions FILE] [--corpus DIR] [--k N] [--json FILE] [--mode extractive|llm] [--exclude-tags a,b] [--min METRIC=VALUE]...";

/** A flag with a bad value: says so and exits 2, like parseCli. */
function usageError(message: string): never {
  process.stderr.write(`${message}\nUsage: ${USAGE}\n`);
  process.exit(2);
}

const isMode = (m: string): m is "extractive" | "llm" => m === "extractive" || m === "llm";

function readFlags(config: Config) {
  const { values } = parseCli(
    {
      questions: { type: "string", default: "test/eval/questions.json" },
      corpus: { type: "string" },
      k: { type: "string" },
      json: { type: "string" },
      mode: { type: "string" },
      "exclude-tags": { type: "string", default: "" },
      min: { type: "string", multiple: true, default: [] },
    },
    USAGE,
  );
  const k = values.k === undefined ? config.TOP_K : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 100)
    usageError(`--k ${values.k}: expected a whole number from 1 to 100`);
  const mode = values.mode ?? (config.LLM_PROVIDER === "none" ? "extractive" : "llm");
  if (!isMode(mode)) usageError(`--mode ${mode}: expected extractive or llm`);
  if (mode === "llm" && config.LLM_PROVIDER === "none") {
    usageError("--mode llm needs an LLM: set LLM_PROVIDER to openai or ollama (see .env.example).");
  }
  let minimums: ReturnType<typeof parseThresholdFlag>[];
  try {
    minimums = values.min.map(parseThresholdFlag);
  } catch (e) {
    if (e instanceof ThresholdError) usageError(e.message);
    throw e;
  }
  const excludeTags = values["exclude-tags"]
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    questions: path.resolve(values.questions),
    corpus: values.corpus,
    k,
    mode,
    json: values.json,
    excludeTags,
    minimums,
  };
}

/** Prints the console report, writes the files, and says what failed; returns the exit code. */
async function publish(report: FullReport, json: string | undefined): Promise<number> {
  process.stdout.write(formatConsoleReport(report));
  const written = await writeReports(
    report,
    reportPaths(json && path.resolve(json), path.resolve("reports")),
  );
  const shown = written.map((f) => (path.relative(".", f).startsWith("..") ? f : path.relative(".", f)));
  process.stdout.write(`Reports: ${shown.join(", ")}\n`);
  const missed = report.thresholds.filter((t) => !t.passed);
  if (missed.length > 0) {
    process.stderr.write(`Missed ${missed.length} threshold(s): ${missed.map((t) => t.name).join(", ")}\n`);
  }
  // A question the pipeline threw on is a bug, whatever the thresholds say.
  const failed = report.results.filter((r) => r.error !== undefined);
  if (failed.length > 0) {
    const first = failed[0]!;
    process.stderr.write(
      `${failed.length} question(s) failed with an error, first ${first.id}: ${first.error}\n`,
    );
  }
  return missed.length > 0 || failed.length > 0 ? 1 : 0;
}

/** A progress line on a terminal; nothing in logs and pipes. */
function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(done < total ? `\reval ${done}/${total}` : "\r\x1b[K");
}

runCli(async ({ config, log }) => {
  const flags = readFlags(config);
  const corpusDir = flags.corpus ? path.resolve(flags.corpus) : config.corpusDir;
  const corpus = await CorpusTexts.load(corpusDir);
  // The question file is checked before any indexing, so a bad file fails fast.
  const set = await loadQuestionSet(flags.questions, corpus);
  if (selectQuestions(set.questions, flags.excludeTags).length === 0) {
    usageError(
      `--exclude-tags ${flags.excludeTags.join(",")} leaves no question of ${flags.questions} to ask`,
    );
  }
  const scratch = flags.corpus ? await scratchConfig(config, corpusDir) : undefined;
  try {
    const startedAt = new Date().toISOString();
    // Imported only now: the app loads every provider, and a bad flag or file should not wait for that.
    const { buildApp } = await import("../app.js");
    const app = await buildApp(scratch?.config ?? config, log);
    const { k, mode, excludeTags } = flags;
    const report = await runEval({
      pipeline: app.pipeline,
      corpus,
      questions: set.questions,
      k,
      mode,
      excludeTags,
      onResult: (_, done, total) => progress(done, total),
    });
    const thresholds = checkThresholds(report.summary, mergeThresholds(set.thresholds, flags.minimums));
    const run = {
      questionsFile: flags.questions,
      corpusDir,
      startedAt,
      finishedAt: new Date().toISOString(),
    };
    return await publish({ ...report, thresholds, run }, flags.json);
  } finally {
    await scratch?.cleanup();
  }
});
