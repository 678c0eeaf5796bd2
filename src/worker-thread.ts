// Starts a worker thread on a TypeScript module: the worker registers tsx's loader first, as the main thread has it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

let api: string | undefined;

/**
 * The URL of tsx's ESM loader API (its `import` export: the `require` one registers a loader that fails in a
 * worker). Read from tsx's package.json, as neither an eval'd worker nor every test runner can resolve it.
 */
function tsxApi(): string {
  if (api) return api;
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  api = pathToFileURL(path.join(path.dirname(manifest), pkg.exports["./esm/api"]!.import.default)).href;
  return api;
}

/** A worker running `entry` (a .ts module URL) with `workerData`. */
export function startWorker(entry: URL, workerData: unknown): Worker {
  const boot = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
