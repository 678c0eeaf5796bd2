// The full evaluation report and where it is written: JSON (--json FILE), with Markdown and HTML beside it.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderHtml } from "./html-report.js";
import { renderMarkdown } from "./markdown-report.js";
import type { EvalReport } from "./runner.js";
import type { ThresholdCheck } from "./thresholds.js";

export interface RunInfo {
  questionsFile: string;
  corpusDir: string;
  startedAt: string;
  finishedAt: string;
}

/** What --json writes: the contract's {summary, results}, plus the threshold checks and where the run came from. */
export interface FullReport extends EvalReport {
  thresholds: ThresholdCheck[];
  run: RunInfo;
}

/** Where the Markdown and HTML reports go: next to --json FILE, else reports/eval.md and reports/eval.html. */
export function reportPaths(jsonFile: string | undefined, defaultDir: string) {
  const base = jsonFile ? jsonFile.replace(/\.json$/i, "") : path.join(defaultDir, "eval");
  return { json: jsonFile, markdown: `${base}.md`, html: `${base}.html` };
}

export async function writeReports(
  report: FullReport,
  paths: ReturnType<typeof reportPaths>,
): Promise<string[]> {
  const files: [string, string][] = [
    [paths.markdown, renderMarkdown(report)],
    [paths.html, renderHtml(report)],
  ];
  if (paths.json) files.unshift([paths.json, `${JSON.stringify(report, null, 2)}\n`]);
  for (const [file, content] of files) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return files.map(([file]) => file);
}
