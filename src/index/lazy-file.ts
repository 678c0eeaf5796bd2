// A file kept open and read a piece at a time, when asked: what a question needs is read, not the whole file at start.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** Closes the descriptor of a LazyFile nobody holds any more. */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * The descriptor stays open while the object lives: a later save may delete the generation folder, and an open file
 * is still readable after it is unlinked. Reads are synchronous: a passage or a vector is a few kilobytes, in the page
 * cache once the load has hashed the file.
 */
export class LazyFile {
  readonly size: number;

  private constructor(
    readonly path: string,
    private readonly fd: number,
  ) {
    this.size = fstatSync(fd).size;
    closer.register(this, fd);
  }

  static open(path: string): LazyFile {
    return new LazyFile(path, openSync(path, "r"));
  }

  /** `length` bytes at `position` into `into` (from its start); throws unless all of them are there. */
  readInto(into: Uint8Array, position: number, length = into.byteLength): void {
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, into, done, length - done, position + done);
      if (n === 0) throw new Error(`${this.path} ends before byte ${position + length}`);
      done += n;
    }
  }

  read(position: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    this.readInto(out, position, length);
    return out;
  }
}
