// Tiny wrapper over node:util parseArgs that turns a bad flag into a clear message and exit code 2.
import { parseArgs, type ParseArgsConfig } from "node:util";

export function parseCli<T extends NonNullable<ParseArgsConfig["options"]>>(
  options: T,
  usage: string,
  argv = process.argv.slice(2),
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\nUsage: ${usage}\n`);
    process.exit(2);
  }
}
