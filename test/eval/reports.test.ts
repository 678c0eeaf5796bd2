import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { formatConsoleReport } from "../../src/eval/console-report.js";
import { CorpusTexts } from "../../src/eval/corpus-texts.js";
import { renderHtml } from "../../src/eval/html-report.js";
import { renderMarkdown } from "../../src/eval/markdown-report.js";
import { buildSummary, scoreAnswer } from "../../src/eval/metrics.js";
import { type FullReport, reportPaths, writeReports } from "../../src/eval/report.js";
import { checkThresholds } from "../../src/eval/thresholds.js";

const DOC = "The fleet sailed from Gdansk | on <Monday> & returned later.";
const corpus = CorpusTexts.of("/c", { "a.md": DOC });

async function report(): Promise<FullReport> {
  const q = {
    id: "q<1>",
    question: "When did the fleet sail?",
    answerable: true,
    facts: [["Monday"], ["Gdansk"]],
    evidence: ["sailed from Gdansk"],
    tags: ["x"],
  };
  const start = DOC.indexOf("The fleet");
  const answer = {
    question: q.question,
    answer: "It sailed <script>alert(1)</script> on Monday [1].",
    abstained: false,
    mode: "extractive" as const,
    citations: [
      {
        n: 1,
        docId: "a.md",
        title: "A",
        quote: "The fleet sailed from Gdansk",
        start,
        end: start + 28,
        line: 1,
        passageId: "p",
        score: 1,
      },
    ],
    passages: [{ passageId: "p", docId: "a.md", start: 0, end: DOC.length, score: 1 }],
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
  };
  const results = [
    await scoreAnswer(q, answer, { k: 3, corpus, elapsedMs: 0 }),
    await scoreAnswer({ ...q, id: "u1", answerable: false, facts: [], evidence: [], tags: [] }, answer, {
      k: 3,
      corpus,
      elapsedMs: 0,
    }),
  ];
  const summary = buildSummary(results, { k: 3, mode: "extractive" });
  const thresholds = checkThresholds(summary, [
    { metric: "factRecall", limit: 0.9 },
    { metric: "hitAtK", limit: 0.5 },
  ]);
  const run = { questionsFile: "q.json", corpusDir: "/c", startedAt: "t0", finishedAt: "t1" };
  return { summary, results, thresholds, run };
}

describe("report writers", () => {
  it("console: a row per question, the summary per tag, and the missed threshold", async () => {
    const text = formatConsoleReport(await report());
    const rows = text.split("\n");
    expect(rows.find((l) => l.startsWith("q<1>"))).toMatch(
      /q<1>\s+x\s+#1\s+1\/2\s+covers\s+answered\s+2\s+When did/,
    );
    expect(rows.find((l) => l.startsWith("u1"))).toMatch(/WRONG: answered/);
    expect(text).toMatch(/Summary: 2 questions \(1 answerable, 1 unanswerable\), k=3, mode=extractive/);
    expect(text).toMatch(/factRecall\s+0\.500\s+0\.500/);
    expect(text).toMatch(/MISSED factRecall = 0\.500, needs at least 0\.900/);
  });

  it("Markdown: tables stay intact around pipes, and each answer is quoted with its citations", async () => {
    const md = renderMarkdown(await report());
    expect(md).toMatch(/^# Evaluation report/);
    expect(md).toMatch(/\| factRecall \| 0\.500 \| 0\.500 \| ≥ 0\.900 \*\*MISSED\*\* \|/);
    expect(md).toContain("> It sailed <script>");
    expect(md).toContain('Missing facts: "Gdansk".');
    expect(md).toContain('- [1] a.md:1 (covers evidence, exact): "The fleet sailed from Gdansk"');
  });

  it("HTML: self-contained, escaped, with a chart of the summary and every question", async () => {
    const html = renderHtml(await report());
    const $ = load(html);
    expect($("script")).toHaveLength(0);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect($("[src], link[href]")).toHaveLength(0);
    expect($("svg rect").length).toBeGreaterThan(8);
    expect($("svg text").text()).toContain("citationPrecision");
    expect($("svg line[stroke='#c00']")).toHaveLength(2);
    expect($("table").last().find("tr")).toHaveLength(3);
    expect($("details blockquote").first().text()).toContain("on Monday [1]");
  });

  it("writes Markdown and HTML next to the --json file, or into the default folder", async () => {
    expect(reportPaths("/out/run.json", "/r")).toEqual({
      json: "/out/run.json",
      markdown: "/out/run.md",
      html: "/out/run.html",
    });
    expect(reportPaths(undefined, "/r")).toEqual({
      json: undefined,
      markdown: "/r/eval.md",
      html: "/r/eval.html",
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), "eval-reports-"));
    try {
      const r = await report();
      const written = await writeReports(r, reportPaths(path.join(dir, "sub", "r.json"), dir));
      expect(written.map((f) => path.relative(dir, f))).toEqual(["sub/r.json", "sub/r.md", "sub/r.html"]);
      expect(JSON.parse(await readFile(written[0]!, "utf8")).summary.n).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
