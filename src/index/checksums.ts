// SHA-256 of every file of a generation, recorded in its manifest and verified at load: damage on disk (a byte
// overwritten in place, same size) is found before a damaged graph reaches the native search, which would crash on it.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { HashPool } from "./hash-pool.js";

export type Checksums = Record<string, string>;

/** The SHA-256 of each file in `dir` except those named in `except` (the manifest that will hold them), hashed on
 * worker threads. */
export async function checksumFiles(dir: string, except: string[]): Promise<Checksums> {
  const names = (await readdir(dir)).filter((n) => !except.includes(n)).sort();
  const pool = new HashPool();
  try {
    const sums = await Promise.all(names.map((n) => pool.sha256(path.join(dir, n))));
    return Object.fromEntries(names.map((n, i) => [n, sums[i]!]));
  } finally {
    await pool.close();
  }
}

/**
 * Starts checking every file listed against its recorded SHA-256, on worker threads, largest file first: one
 * promise per file, which rejects naming the file. `verified(name)` awaits one (a file not listed: nothing to
 * await), `all` every one. A caller can use a small file as soon as it is read, and a graph once it is verified.
 */
export async function startVerifying(
  dir: string,
  expected: Checksums,
): Promise<{ verified: (name: string) => Promise<void>; all: Promise<void> }> {
  const names = Object.keys(expected);
  const sizes = await Promise.all(
    names.map((n) =>
      stat(path.join(dir, n)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const order = names.map((n, i) => [n, sizes[i]!] as const).sort((a, b) => b[1] - a[1]);
  const pool = new HashPool();
  const checks = new Map<string, Promise<void>>();
  for (const [name] of order) {
    const check = pool.sha256(path.join(dir, name)).then((hex) => {
      if (hex !== expected[name])
        throw new Error(`damaged: ${name} does not match the SHA-256 recorded in manifest.json`);
    });
    check.catch(() => undefined); // awaited through `verified` or `all`
    checks.set(name, check);
  }
  const all = Promise.all(checks.values()).then(() => undefined);
  all.catch(() => undefined);
  void all.finally(() => pool.close()).catch(() => undefined);
  return { verified: (name) => checks.get(name) ?? Promise.resolve(), all };
}

/** Throws, naming the file, unless every file listed has its recorded SHA-256. */
export async function verifyChecksums(dir: string, expected: Checksums): Promise<void> {
  await (await startVerifying(dir, expected)).all;
}
