// `npm run bench -- [--sizes 1000,10000,100000] [--quick] [--json FILE]`: the performance benchmark (see src/bench/).
import { writeFile } from "node:fs/promises";
import { formatTable } from "../bench/report.js";
import { runBenchmark } from "../bench/run.js";
import { parseCli } from "./args.js";
import { runCli } from "./run.js";

const USAGE =
  "npm run bench -- [--sizes 1000,10000,100000] [--quick] [--json FILE] [--rounds N] [--queries N] [--seed N] [--keep] [--profile DIR] [--build-sweep M:EFC,...]";

function fail(message: string): never {
  process.stderr.write(`${message}\nUsage: ${USAGE}\n`);
  process.exit(2);
}

function positiveInts(flag: string, value: string): number[] {
  const out = value.split(",").map((s) => Number(s.trim()));
  if (out.length === 0 || out.some((n) => !Number.isInteger(n) || n < 1))
    fail(`--${flag} takes positive whole numbers, comma-separated (got "${value}")`);
  return out;
}

/** "16:200,8:40": graph degree and build beam pairs. */
function graphs(value: string): { m: number; efConstruction: number }[] {
  return value.split(",").map((pair) => {
    const [m, efConstruction] = pair.split(":").map((s) => Number(s.trim()));
    if (!Number.isInteger(m) || !Number.isInteger(efConstruction) || m! < 2 || efConstruction! < 1)
      fail(`--build-sweep takes M:EFC pairs, comma-separated, M at least 2 (got "${value}")`);
    return { m: m!, efConstruction: efConstruction! };
  });
}

runCli(async () => {
  const { values } = parseCli(
    {
      sizes: { type: "string", default: "1000,10000,100000" },
      quick: { type: "boolean", default: false },
      json: { type: "string" },
      rounds: { type: "string" },
      queries: { type: "string" },
      seed: { type: "string", default: "1" },
      keep: { type: "boolean", default: false },
      profile: { type: "string" },
      "build-sweep": { type: "string" },
    },
    USAGE,
  );
  // --quick: 1,000 passages, 300 questions, one round: for CI, where it only has to show that the benchmark runs.
  const sizes = values.quick ? [1000] : positiveInts("sizes", values.sizes);
  const report = await runBenchmark({
    sizes,
    queries: positiveInts("queries", values.queries ?? (values.quick ? "300" : "1000"))[0],
    warmup: values.quick ? 50 : 200,
    rounds: positiveInts("rounds", values.rounds ?? (values.quick ? "1" : "3"))[0],
    seed: positiveInts("seed", values.seed)[0],
    keep: values.keep,
    profileDir: values.profile,
    ...(values["build-sweep"] ? { buildSweep: graphs(values["build-sweep"]) } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(formatTable(report));
  if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  return 0;
});
