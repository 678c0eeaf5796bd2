// SHA-256 of every file of a generation, recorded in its manifest and verified at load: damage on disk (a byte
// overwritten in place, same size) is found before a damaged graph reaches the native search, which would crash on it.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";

export type Checksums = Record<string, string>;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The SHA-256 of each file in `dir` except those named in `except` (the manifest that will hold them). */
export async function checksumFiles(dir: string, except: string[]): Promise<Checksums> {
  const names = (await readdir(dir)).filter((n) => !except.includes(n)).sort();
  const sums = await Promise.all(names.map((n) => sha256Of(path.join(dir, n))));
  return Object.fromEntries(names.map((n, i) => [n, sums[i]!]));
}

/** Throws, naming the file, unless every file listed has its recorded SHA-256. */
export async function verifyChecksums(dir: string, expected: Checksums): Promise<void> {
  const names = Object.keys(expected).sort();
  const found = await Promise.all(names.map((n) => sha256Of(path.join(dir, n))));
  const damaged = names.filter((n, i) => found[i] !== expected[n]);
  if (damaged.length > 0)
    throw new Error(
      `damaged: ${damaged.join(", ")} ${damaged.length > 1 ? "do" : "does"} not match the SHA-256 recorded in manifest.json`,
    );
}
