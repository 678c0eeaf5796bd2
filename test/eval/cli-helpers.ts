// Runs `npm run eval`'s entry as a child process, and builds a small corpus unlike the project's in a temp folder.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment a developer's .env cannot change: offline embeddings, no LLM, quiet logs. */
export function evalEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LLM_PROVIDER: "none",
    EMBEDDINGS_PROVIDER: "local",
    EMBEDDINGS_MODEL: "",
    TOP_K: "5",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

/** tsx's loader by absolute URL, so the child can run from any working directory. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** `npm run eval -- ARGS`, from the project root unless `cwd` says otherwise. */
export function runEvalCli(args: string[], env: NodeJS.ProcessEnv = evalEnv(), cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", TSX, path.join(ROOT, "src/cli/eval.ts"), ...args],
      { cwd, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export const FIXTURE_DOCS: Record<string, string> = {
  "lighthouse.md": `---
title: The keepers of Skerry Light
---
# The keepers of Skerry Light

Skerry Light stands on a granite reef eleven miles off the northern coast. It was first lit in 1852 by the engineer Margaret Holloway.

The lamp burned whale oil until 1911, when it was converted to paraffin. Three keepers lived on the rock in rotations of six weeks.

Supplies arrived every fortnight by the tender boat Petrel, weather permitting.
`,
  "notes/bees.txt": `The apiary behind the old mill keeps forty hives. Honey is harvested twice a year, in July and in September.
The beekeeper, Tomas Verhoeven, sells it at the Saturday market in Dunmore.
`,
};

export const FIXTURE_QUESTIONS = {
  questions: [
    {
      id: "f1",
      question: "Who first lit Skerry Light?",
      answerable: true,
      facts: [["Holloway"]],
      evidence: ["first lit in 1852 by the engineer Margaret Holloway"],
    },
    {
      id: "f2",
      question: "How many hives does the apiary keep?",
      answerable: true,
      facts: [["forty", "40"]],
      evidence: ["keeps forty hives"],
    },
    {
      id: "f3",
      tag: "x",
      question: "In which months is the honey harvested?",
      answerable: true,
      facts: [["July"], ["September"]],
      evidence: ["in July and in September"],
    },
    {
      id: "f4",
      tag: "x",
      question: "Which boat brought supplies to the keepers?",
      answerable: true,
      facts: [["Petrel"]],
      evidence: ["by the tender boat Petrel"],
    },
    // No answer can contain this fact, so factRecall is below 1 whatever the pipeline does.
    {
      id: "f5",
      question: "What is the reef made of?",
      answerable: true,
      facts: [["zzqx-never-said"]],
      evidence: ["granite reef"],
    },
    { id: "f6", question: "What is the lighthouse's annual budget?", answerable: false },
    { id: "f7", question: "Who won the 1998 chess olympiad?", answerable: false },
  ],
};

/** A temp folder with `corpus/` (the fixture documents) and `questions.json`. */
export async function makeFixture(questions: unknown = FIXTURE_QUESTIONS): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "eval-cli-"));
  for (const [docId, text] of Object.entries(FIXTURE_DOCS)) {
    const file = path.join(dir, "corpus", docId);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  await writeFile(path.join(dir, "questions.json"), JSON.stringify(questions, null, 2));
  return dir;
}

/**
 * A stand-in for an OpenAI-compatible server: it answers every chat completion with a claim quoting the first
 * words of the longest line of passage [1], the JSON the answer prompt asks for. `requests` counts the calls.
 */
export async function startFakeLlm(): Promise<{
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}> {
  const { createServer } = await import("node:http");
  let count = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      count++;
      const messages = (JSON.parse(body || "{}").messages ?? []) as { content: string }[];
      const user = messages.at(-1)?.content ?? "";
      // Passage [1] runs from its "[1] title" line to the next "[2]" (or the question); quote its longest line.
      const passage = /\[1\][^\n]*\n([\s\S]*?)(?:\n\[2\]|\nQuestion:|$)/.exec(user)?.[1] ?? "";
      const line = passage.split("\n").sort((a, b) => b.length - a.length)[0] ?? "";
      const quote = line.split(" ").slice(0, 8).join(" ");
      const draft = quote
        ? { claims: [{ text: quote, quotes: [{ source: 1, quote }] }] }
        : { abstain: true, claims: [] };
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          id: `fake-${count}`,
          object: "chat.completion",
          created: 0,
          model: "fake",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: JSON.stringify(draft) },
              finish_reason: "stop",
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
