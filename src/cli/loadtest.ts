// `npm run loadtest`: the emulator on loopback, the real bot, many users and an admin at once; prints answers per
// second, latency percentiles and lost or duplicated replies (exit 1 unless both are 0). Not part of `npm test`.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseCli } from "./args.js";

const USAGE =
  "npm run loadtest -- [--users 200] [--chats 50] [--questions 2000] [--bot child|inline] [--think-ms 0] " +
  "[--admin-pause-ms 500] [--timeout-ms 60000] [--corpus DIR] [--seed 1] [--json FILE]";

const { values } = parseCli(
  {
    users: { type: "string", default: "200" },
    chats: { type: "string", default: "50" },
    questions: { type: "string", default: "2000" },
    bot: { type: "string", default: "child" },
    "think-ms": { type: "string", default: "0" },
    "admin-pause-ms": { type: "string", default: "500" },
    "timeout-ms": { type: "string", default: "60000" },
    "grace-ms": { type: "string", default: "1000" },
    corpus: { type: "string" },
    seed: { type: "string", default: "1" },
    json: { type: "string" },
  },
  USAGE,
);

function count(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(
      `--${name} must be a whole number of at least ${min} (got ${raw})\nUsage: ${USAGE}\n`,
    );
    process.exit(2);
  }
  return n;
}

if (values.bot !== "child" && values.bot !== "inline") {
  process.stderr.write(`--bot must be child or inline (got ${values.bot})\nUsage: ${USAGE}\n`);
  process.exit(2);
}

const { runLoad } = await import("../loadtest/run-load.js");
const { formatReport, passed } = await import("../loadtest/report.js");
const { PROJECT_ROOT } = await import("../loadtest/bot-process.js");
const report = await runLoad({
  users: count("users", values.users, 1),
  chats: count("chats", values.chats, 1),
  questions: count("questions", values.questions, 1),
  bot: values.bot,
  thinkMs: count("think-ms", values["think-ms"], 0),
  adminPauseMs: count("admin-pause-ms", values["admin-pause-ms"], 0),
  timeoutMs: count("timeout-ms", values["timeout-ms"], 100),
  graceMs: count("grace-ms", values["grace-ms"], 0),
  corpusDir: path.resolve(values.corpus ?? path.join(PROJECT_ROOT, "corpus")),
  seed: count("seed", values.seed, 0),
  progress: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${formatReport(report)}\n`);
if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
process.exitCode = passed(report) ? 0 : 1;
