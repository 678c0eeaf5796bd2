// Crash-safe storage of index generations: each save writes a new folder aside, then swaps a pointer file by rename.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const POINTER = "CURRENT";

async function fsync(p: string): Promise<void> {
  const fh = await open(p, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The folder of the current generation, or undefined when there is no index yet. */
export async function currentGeneration(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(path.join(indexDir, POINTER), "utf8")).trim();
    return name ? path.join(indexDir, name) : undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/**
 * Writes a new generation: `write(dir)` fills a temporary folder, which is synced and renamed, and only then
 * does the pointer file move to it. A crash at any moment leaves the pointer on a complete generation.
 */
export async function writeGeneration(
  indexDir: string,
  write: (dir: string) => Promise<void>,
): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const name = `gen-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  const tmp = path.join(indexDir, `.tmp-${name}`);
  await mkdir(tmp);
  try {
    await write(tmp);
    for (const f of await readdir(tmp)) await fsync(path.join(tmp, f));
    await fsync(tmp);
    const final = path.join(indexDir, name);
    await rename(tmp, final);
    const pointerTmp = path.join(indexDir, `.${POINTER}.${name}`);
    await writeFile(pointerTmp, name);
    await fsync(pointerTmp);
    await rename(pointerTmp, path.join(indexDir, POINTER));
    await fsync(indexDir);
    await removeStale(indexDir, name);
    return final;
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Deletes generations and temporary files other than `keep` (left behind by earlier saves or crashes). */
export async function removeStale(indexDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    if (entry === keep || entry === POINTER) continue;
    if (entry.startsWith("gen-") || entry.startsWith(".tmp-") || entry.startsWith(`.${POINTER}.`)) {
      await rm(path.join(indexDir, entry), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
