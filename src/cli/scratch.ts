// A throwaway index and data folder for evaluating another corpus: the project's own stay untouched.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Config } from "../config.js";

/** --corpus DIR gets a throwaway index (and data folder) under the OS temp dir, so the project's stay untouched. */
export async function scratchConfig(config: Config, corpusDir: string) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "congress-eval-"));
  const remove = () => rm(scratch, { recursive: true, force: true });
  const interrupted = () => void remove().finally(() => process.exit(130));
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  const [indexDir, dataDir] = [path.join(scratch, "index"), path.join(scratch, "data")];
  return {
    config: {
      ...config,
      CORPUS_DIR: corpusDir,
      corpusDir,
      INDEX_DIR: indexDir,
      indexDir,
      DATA_DIR: dataDir,
      dataDir,
    },
    cleanup: async () => {
      process.off("SIGINT", interrupted).off("SIGTERM", interrupted);
      await remove();
    },
  };
}
