// `npm run ask -- [--json] "QUESTION"`: one question, one answer. With --json, stdout carries exactly one Answer object.
import { parseCli } from "./args.js";
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
  // Loaded after the arguments are checked: a usage error is said without loading the answerer.
  const { buildApp } = await import("../app.js");
  const { formatAnswer, humanLocator, langOfQuestion } = await import("./format.js");
  const app = await buildApp(config, log);
  const answer = await app.pipeline.ask(question, { k });
  const text = values.json
    ? JSON.stringify(answer, null, 2)
    : formatAnswer(
        answer,
        humanLocator(() => app.kb.index(), langOfQuestion(question)),
        langOfQuestion(question),
      );
  process.stdout.write(`${text}\n`);
  return 0;
});
