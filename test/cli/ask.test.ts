import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { SEED } from "../helpers/app.js";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

describe("npm run ask and npm run chat", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "rag-cli-"));
    await mkdir(path.join(dir, "corpus"));
    await copyFile(SEED, path.join(dir, "corpus", path.basename(SEED)));
    env = {
      ...process.env,
      // npm prints its "> script" banner on stdout unless its log level is silent (.npmrc); a parent npm may set another.
      npm_config_loglevel: "silent",
      CORPUS_DIR: path.join(dir, "corpus"),
      INDEX_DIR: path.join(dir, "index"),
      DATA_DIR: path.join(dir, "data"),
      LOG_LEVEL: "warn",
    };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("--json prints exactly one Answer object on stdout, building the missing index first", async () => {
    const { stdout } = await run("npm", ["run", "ask", "--", "--json", "Who leads the congress?"], {
      cwd: ROOT,
      env,
    });
    const answer = JSON.parse(stdout) as Answer;
    expect(answer.question).toBe("Who leads the congress?");
    expect(answer.answer).toContain("Ilya Ponomarev");
    expect(answer.citations[0]).toMatchObject({ n: 1, docId: "congress-fifth-session-warsaw.md" });
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(answer.timings.totalMs).toBeGreaterThan(0);
  });

  it("prints the answer and numbered sources with title and paragraph, not repeating the answer's sentence", async () => {
    const { stdout } = await run("npm", ["run", "ask", "--", "Where did the fifth session take place?"], {
      cwd: ROOT,
      env,
    });
    expect(stdout).toMatch(/Warsaw.*\[1\]/);
    expect(stdout).toMatch(
      /\[1\] Congress of People's Deputies opens its fifth session in Warsaw — congress-fifth-session-warsaw\.md, paragraph 1/,
    );
    expect(stdout.split("commenced its fifth plenary session")).toHaveLength(2);
    expect(stdout).not.toMatch(/line \d+/);
  });

  it("labels a Russian question's sources and their paragraphs in Russian", async () => {
    const { stdout } = await run("npm", ["run", "ask", "--", "Где проходила пятая сессия?"], {
      cwd: ROOT,
      env,
    });
    expect(stdout).toMatch(/Источники:\n\[1\] .*, абзац \d+/);
    expect(stdout).not.toMatch(/Sources:|paragraph/);
  });

  it("explains a bad flag and exits non-zero", async () => {
    await expect(run("npm", ["run", "ask", "--", "--nope", "x"], { cwd: ROOT, env })).rejects.toMatchObject({
      stderr: expect.stringMatching(/Usage: npm run ask/),
    });
  });

  /** `npm run chat` with `input` on its standard input: its exit code and what it printed. */
  async function chat(input: string): Promise<{ code: unknown; out: string }> {
    const child = execFile("npm", ["run", "chat"], { cwd: ROOT, env });
    child.stdin!.end(input);
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    const code = await new Promise((resolve) => child.on("close", resolve));
    return { code, out };
  }

  it("chat answers questions from stdin and shows the last answer's passages with /sources", async () => {
    const { code, out } = await chat("Who leads the congress?\n/sources\n");
    expect(code).toBe(0);
    expect(out).toContain("Ilya Ponomarev");
    expect(out).toMatch(/#1 .*congress-fifth-session-warsaw\.md, line \d+/);
  });

  it("chat reads a follow-up with the last question, and /new forgets it", async () => {
    const { code, out } = await chat("Where did the fifth session open?\nand when?\n/new\n");
    expect(code).toBe(0);
    const [, followUp] = out.split("Sources:");
    expect(followUp).toContain("Wednesday");
    expect(out).toContain("New conversation");
  });

  it("chat answers thanks and a greeting with a friendly word, not a search", async () => {
    const { code, out } = await chat("Who leads the congress?\nthanks!\nпривет\n");
    expect(code).toBe(0);
    // One answer with sources (the question's), and the two friendly words after it.
    expect(out.split("Sources:")).toHaveLength(2);
    expect(out).toContain("You're welcome!");
    expect(out).toContain("Здравствуйте!");
  });
});
