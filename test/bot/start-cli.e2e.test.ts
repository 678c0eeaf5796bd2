// `npm start` as a process: refuses to run without a token, and otherwise serves until SIGTERM, then exits cleanly.
import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, expect, it } from "vitest";
import { SEED_CORPUS, SEED_DOC } from "../helpers/corpus.js";
import { UserChat } from "./helpers/chat.js";
import { BotApiEmulator } from "./helpers/emulator.js";
import { TOKEN } from "./helpers/fixture.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** `npm start` runs `node --import tsx src/cli/start.ts`: one process, which gets the signals itself. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function start(env: Record<string, string>, cwd: string): Run {
  const child = spawn(process.execPath, ["--import", TSX, path.join(ROOT, "src/cli/start.ts")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exit;
  });
  return { child, stderr: () => err, exit };
}

async function tempRoot(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bot-cli-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

it("without TELEGRAM_BOT_TOKEN exits non-zero, naming the variable and suggesting npm run chat", async () => {
  const run = start({ TELEGRAM_BOT_TOKEN: "" }, await tempRoot());
  expect(await run.exit).not.toBe(0);
  expect(run.stderr()).toContain("TELEGRAM_BOT_TOKEN");
  expect(run.stderr()).toContain("npm run chat");
});

it("serves questions by long polling, and on SIGTERM stops cleanly with exit code 0", async () => {
  const emulator = await BotApiEmulator.launch();
  cleanups.push(() => emulator.stop());
  const root = await tempRoot();
  await mkdir(path.join(root, "corpus"));
  await cp(path.join(SEED_CORPUS, SEED_DOC), path.join(root, "corpus", SEED_DOC));
  const run = start(
    {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      CORPUS_DIR: "corpus",
      INDEX_DIR: "index",
      DATA_DIR: "data",
      LOG_LEVEL: "debug",
    },
    root,
  );
  const chat = new UserChat(emulator, TOKEN, { userId: 51 });
  await chat.say("Who leads the congress?");
  expect((await chat.reply(60_000)).text).toContain("Ponomarev");
  expect(run.stderr()).toContain("is polling for updates");

  run.child.kill("SIGTERM");
  expect(await run.exit).toBe(0);
  expect(run.stderr()).toContain("bot stopped");
  expect(run.stderr()).not.toContain(TOKEN);
}, 90_000);
