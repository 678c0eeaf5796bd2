// Temporary folders under the OS temp dir, removed when the test that made one ends: tests never touch the project's
// corpus/ or index/. (Registered per test with `onTestFinished`: a module-level `afterEach` is registered only for the
// first test file that imports this module when files share one module graph, as `npm run test:unit` runs them.)
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

/** A fresh empty folder, deleted when the current test ends. Call it inside a test. */
export async function tempDir(prefix = "rag-test-"): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
