// Start-up clean-up of what an /add cut short by a crash left behind: an upload copy whose document was never written,
// and the temporary files of atomic writes (name.ext.<number>) in DATA_DIR/uploads and CORPUS_DIR.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";

/** write-file-atomic's temporary name: the target's name, a dot and a decimal number. */
const ATOMIC_TEMP = /\.[^.]+\.\d+$/;

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return [];
    throw e;
  });
}

/**
 * Removes DATA_DIR/uploads files without their document (uploads/<id>.<ext> belongs to CORPUS_DIR/<id>.md) and
 * temporary files of atomic writes in both folders. Returns what it removed, relative to each folder.
 */
export async function removeOrphanedUploads(dataDir: string, corpusDir: string): Promise<string[]> {
  const uploads = path.join(dataDir, "uploads");
  const documents = new Set(await names(corpusDir));
  const removed: string[] = [];
  for (const name of await names(uploads)) {
    // Document ids are slugs (no dots): the id is what comes before the first dot.
    const id = name.split(".")[0]!;
    if (!ATOMIC_TEMP.test(name) && documents.has(`${id}.md`)) continue;
    await rm(path.join(uploads, name), { force: true, recursive: true });
    removed.push(path.join("uploads", name));
  }
  for (const name of documents) {
    if (!/^[a-z0-9-]+\.md\.\d+$/.test(name)) continue;
    await rm(path.join(corpusDir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
