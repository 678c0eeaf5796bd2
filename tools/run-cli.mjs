// `node tools/run-cli.mjs NAME [args…]`: runs src/cli/NAME.ts from its bundle (tools/bundle-cli.mjs), building the
// bundle first when it is missing or older than any of its sources. The check costs a few milliseconds; a build
// about a second, once after each change.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isFresh, readStamp } from "./cli-stamp.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  process.stderr.write("Usage: node tools/run-cli.mjs NAME [args…] (NAME: a file of src/cli, such as ask)\n");
  process.exit(2);
}
let file = path.join(ROOT, "dist", "cli", `${name}.mjs`);
if (!isFresh(ROOT, readStamp(file))) {
  // esbuild is loaded only now: most runs need no build.
  const { bundleCli } = await import("./bundle-cli.mjs");
  try {
    file = await bundleCli(name);
  } catch (e) {
    process.stderr.write(
      `Could not build src/cli/${name}.ts: ${e.message}\nRun it with tsx instead: npx tsx src/cli/${name}.ts\n`,
    );
    process.exit(1);
  }
}
// The command reads its own arguments from process.argv.slice(2), as when run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(file).href);
