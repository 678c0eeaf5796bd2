// The real bot (`src/cli/start.ts`, what `npm start` runs) as a child process: node itself with tsx's loader, so that
// a signal reaches the bot and not a wrapper (SIGKILL cannot be relayed).
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BotProcess {
  child: ChildProcess;
  /** Every stderr line so far (the logger writes there). */
  lines: string[];
  /** Every stdout line so far. */
  stdout: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first line matching, seen or future; rejects on exit or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface BotProcessOptions {
  /**
   * The largest file the bot may write, in KiB (the shell's `ulimit -f`): a write past it fails with EFBIG, as one
   * on a full disk fails with ENOSPC. The shell execs node, so signals still reach the bot itself.
   */
  fileSizeLimitKb?: number;
}

/**
 * Starts the bot with exactly `env` (plus PATH and HOME) in `cwd`. A .env file in `cwd` would be read too, as by
 * `npm start`: run it in a folder of its own.
 */
export function startBotProcess(
  env: Record<string, string>,
  cwd: string,
  options: BotProcessOptions = {},
): BotProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const node = [process.execPath, "--import", tsx, path.join(PROJECT_ROOT, "src/cli/start.ts")];
  const limit = options.fileSizeLimitKb;
  const [command, ...args] =
    limit === undefined
      ? node
      : ["/bin/sh", "-c", `ulimit -f ${Math.ceil(limit)} && exec "$@"`, "sh", ...node];
  const child = spawn(command!, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const stdout: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => stdout.push(line));
  const watchers = new Set<(line: string) => void>();
  createInterface({ input: child.stderr! }).on("line", (line) => {
    lines.push(line);
    for (const w of watchers) w(line);
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return resolve(seen);
      const done = (fn: () => void) => {
        clearTimeout(timer);
        watchers.delete(watch);
        fn();
      };
      const watch = (line: string) => pattern.test(line) && done(() => resolve(line));
      const timer = setTimeout(
        () => done(() => reject(new Error(`bot never logged ${pattern}:\n${lines.slice(-20).join("\n")}`))),
        timeoutMs,
      );
      watchers.add(watch);
      void exit.then(({ code, signal }) =>
        done(() => reject(new Error(`bot exited (${code ?? signal}):\n${lines.slice(-20).join("\n")}`))),
      );
    });
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exit;
  };
  return { child, lines, stdout, exit, waitFor, kill };
}
