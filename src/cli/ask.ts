// `npm run ask -- [--json] "QUESTION"`: one question, one answer. With --json, stdout carries exactly one Answer object.
import { buildApp } from "../app.js";
import { parseCli } from "./args.js";
import { formatAnswer } from "./format.js";
import { runCli } from "./run.js";

const USAGE = 'npm run ask -- [--json] [--k N] "QUESTION"';

runCli(async ({ config, log }) => {
  const { values, positionals } = parseCli(
    { json: { type: "boolean", default: false }, k: { type: "string" } },
    USAGE,
  );
  const question = positionals.join(" ").trim();
  if (!question) {
    process.stderr.write(`Ask a question.\nUsage: ${USAGE}\n`);
    return 2;
  }
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && !(Number.isInteger(k) && k > 0)) {
    process.stderr.write(`--k must be a positive whole number (got ${values.k}).\n`);
    return 2;
  }
  const app = await buildApp(config, log);
  const answer = await app.pipeline.ask(question, { k });
  process.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : `${formatAnswer(answer)}\n`);
  return 0;
});
