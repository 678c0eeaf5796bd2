// Bundles the command-line entry points (src/cli/<name>.ts) into one JavaScript file each, dist/cli/<name>.mjs, so
// that `npm run ask` and `npm run chat` start without compiling TypeScript on every run (tsx took 1.7–2.1 s of
// each `ask`). Called by tools/run-cli.mjs when a bundle is missing or older than its sources, and by `npm ci`
// (prepare). Tests, the bot and the other commands still run the TypeScript through tsx.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { STAMP, stampOf } from "./cli-stamp.mjs";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const OUT_DIR = path.join(ROOT, "dist", "cli");
/** The entry points bundled: the ones whose start-up a user waits for. */
export const ENTRIES = ["ask", "chat"];
/**
 * Packages bundled (with what they import) rather than loaded from node_modules: compromise's 450 ES modules load
 * twice as fast as one file; a CommonJS package imported from ES modules is first scanned for its exports, which
 * took 0.1–0.3 s each for snowball-stemmers' and synonyms' large files. Others stay external: native (hnswlib-node),
 * loaded only in LLM mode (@langchain/*), or loaded only by the bot's admin commands.
 */
const BUNDLED = new Set(["compromise", "snowball-stemmers", "synonyms", "stopword", "yaml", "zod", "dotenv"]);

/** Files whose change makes a bundle stale besides its sources: the lock file (dependencies) and this builder. */
export const ALSO_WATCHED = ["package-lock.json", "tools/bundle-cli.mjs"];

/**
 * Each source file's `import.meta.url` is kept pointing at the source file, not the bundle: the code finds its data
 * beside it (src/text/data, src/answer/model, prompts/) and its packages from there.
 */
const keepImportMetaUrl = (outFile) => ({
  name: "keep-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(path.join(ROOT, "src"))) return undefined;
      let text = readFileSync(args.path, "utf8");
      if (text.includes("import.meta.url")) {
        const rel = path.relative(path.dirname(outFile), args.path).split(path.sep).join("/");
        text = text.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      }
      return { contents: text, loader: "ts" };
    });
  },
});

/** Every package but the bundled ones is loaded from node_modules at run time. */
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      // What a bundled package imports is bundled with it.
      if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const name = args.path.startsWith("@")
        ? args.path.split("/").slice(0, 2).join("/")
        : args.path.split("/")[0];
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * Builds dist/cli/<name>.mjs. Written to a temporary file and renamed: a bundle is never seen half-written, even
 * when two commands build it at once.
 */
export async function bundleCli(name) {
  const outFile = path.join(OUT_DIR, `${name}.mjs`);
  const result = await build({
    entryPoints: [path.join(ROOT, "src", "cli", `${name}.ts`)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: outFile,
    write: false,
    metafile: true,
    logLevel: "silent",
    // For the bundled CommonJS packages' own require() of Node's modules.
    banner: {
      js: 'import { createRequire as __bundleRequire } from "node:module";\nconst require = __bundleRequire(import.meta.url);',
    },
    plugins: [keepImportMetaUrl(outFile), externalPackages],
  });
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/"));
  const files = [...sources.map((f) => path.relative(ROOT, path.resolve(process.cwd(), f))), ...ALSO_WATCHED];
  const code = `${STAMP}${JSON.stringify(stampOf(ROOT, files))}\n${result.outputFiles[0].text}`;
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${outFile}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, outFile);
  return outFile;
}

// `node tools/bundle-cli.mjs`: builds every entry (npm's prepare runs it). A failure is a warning, not a failed
// install: tools/run-cli.mjs builds again when the command is run, and says why if it cannot.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    for (const name of ENTRIES) await bundleCli(name);
  } catch (e) {
    process.stderr.write(
      `warning: the command-line bundles were not built (${e.message}); they will be on first use\n`,
    );
  }
}
