// A command-line bundle's stamp: the files it was built from, each with its size and modification time, kept on the
// bundle's first line. A bundle is fresh while every one of them is as stamped.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";

/** The first line of a bundle: this marker, then the stamp as JSON. */
export const STAMP = "// cli-bundle ";

/** Each file's size and modification time, by its path relative to `root`. */
export function stampOf(root, files) {
  const stamp = {};
  for (const file of files) stamp[file] = signature(path.join(root, file));
  return stamp;
}

function signature(file) {
  const stat = statSync(file);
  return `${stat.size}:${stat.mtimeMs}`;
}

/** The stamp on a bundle's first line; undefined when there is no bundle or it has no stamp. */
export function readStamp(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(256 * 1024);
    const text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString("utf8");
    const line = text.slice(0, text.indexOf("\n"));
    return line.startsWith(STAMP) ? JSON.parse(line.slice(STAMP.length)) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Whether every stamped file is still as stamped (a missing file is a change). */
export function isFresh(root, stamp) {
  if (!stamp || Object.keys(stamp).length === 0) return false;
  return Object.entries(stamp).every(([file, was]) => {
    try {
      return signature(path.join(root, file)) === was;
    } catch {
      return false;
    }
  });
}
