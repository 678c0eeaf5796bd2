// Every passage's unit vector in full, one Float32 row each, for rescoring a graph's candidates by the exact cosine.
import { open, readFile, stat } from "node:fs/promises";
import { LazyFile } from "./lazy-file.js";

/** vectors.f32: a header of two Int32s (count, dimension), the labels (Int32), then the rows (Float32). */
const HEADER = 2;

/** Stores up to this size are read whole; bigger ones a row at a time, when a search rescores it. */
const READ_WHOLE_BYTES = 16 * 2 ** 20;

/** Bytes as Int32s (copied: a small Buffer may sit at any offset of a shared pool). */
function int32s(bytes: Buffer): Int32Array {
  return new Int32Array(Uint8Array.from(bytes).buffer);
}

/** The rows of a big vectors.f32, read when asked for; labels removed or replaced since are in `gone`. */
interface DiskRows {
  file: LazyFile;
  labels: Int32Array;
  rowOf: Map<number, number>;
  gone: Set<number>;
  /** Byte offset of row 0. */
  at: number;
}

export class VectorStore {
  private disk: DiskRows | undefined;
  private scratch: Float32Array | undefined;

  private rows: Float32Array;
  private labels: number[] = [];
  private readonly rowOf = new Map<number, number>();

  constructor(
    readonly dimension: number,
    capacity = 1024,
  ) {
    this.rows = new Float32Array(capacity * dimension);
  }

  get size(): number {
    return this.labels.length + (this.disk ? this.disk.labels.length - this.disk.gone.size : 0);
  }

  /** The row of a label on disk (and not removed or replaced since), or undefined. */
  private diskRow(label: number): number | undefined {
    const d = this.disk;
    return d && !d.gone.has(label) ? d.rowOf.get(label) : undefined;
  }

  /** The disk row's vector, in a scratch array (valid until the next read). */
  private readDisk(row: number): Float32Array {
    const d = this.disk!;
    this.scratch ??= new Float32Array(this.dimension);
    const bytes = new Uint8Array(this.scratch.buffer);
    d.file.readInto(bytes, d.at + row * 4 * this.dimension);
    return this.scratch;
  }

  /** The labels: those on disk first, in row order. */
  labelList(): number[] {
    const out: number[] = [];
    if (this.disk) for (const label of this.disk.labels) if (!this.disk.gone.has(label)) out.push(label);
    out.push(...this.labels);
    return out;
  }

  /** The stored unit vector of a label. */
  vector(label: number): number[] | undefined {
    const row = this.rowOf.get(label);
    const d = this.dimension;
    if (row !== undefined) return Array.from(this.rows.subarray(row * d, (row + 1) * d));
    const disk = this.diskRow(label);
    return disk === undefined ? undefined : Array.from(this.readDisk(disk));
  }

  has(label: number): boolean {
    return this.rowOf.has(label) || this.diskRow(label) !== undefined;
  }

  /** Sets the row of `label` to `unit` (length 1). */
  set(label: number, unit: ArrayLike<number>): void {
    if (this.diskRow(label) !== undefined) this.disk!.gone.add(label);
    const d = this.dimension;
    let row = this.rowOf.get(label);
    if (row === undefined) {
      row = this.labels.length;
      if ((row + 1) * d > this.rows.length) {
        const grown = new Float32Array(Math.max(1024, 2 * row) * d);
        grown.set(this.rows);
        this.rows = grown;
      }
      this.labels.push(label);
      this.rowOf.set(label, row);
    }
    this.rows.set(unit, row * d);
  }

  remove(label: number): void {
    if (this.diskRow(label) !== undefined) this.disk!.gone.add(label);
    const row = this.rowOf.get(label);
    if (row === undefined) return;
    // The last row moves into the hole.
    const last = this.labels.length - 1;
    const d = this.dimension;
    if (row !== last) {
      this.rows.copyWithin(row * d, last * d, (last + 1) * d);
      this.labels[row] = this.labels[last]!;
      this.rowOf.set(this.labels[row]!, row);
    }
    this.labels.pop();
    this.rowOf.delete(label);
  }

  /** The cosine of a unit query with the row at `row` of `rows`: four sums, so that the additions do not wait on each other. */
  private dot(q: Float32Array | Float64Array, row: number, rows = this.rows): number {
    const d = this.dimension;
    const off = row * d;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let i = 0;
    for (; i + 3 < d; i += 4) {
      a0 += rows[off + i]! * q[i]!;
      a1 += rows[off + i + 1]! * q[i + 1]!;
      a2 += rows[off + i + 2]! * q[i + 2]!;
      a3 += rows[off + i + 3]! * q[i + 3]!;
    }
    let sum = a0 + a1 + a2 + a3;
    for (; i < d; i++) sum += rows[off + i]! * q[i]!;
    return sum;
  }

  /** Cosine of the unit query with each label's row (labels it lacks are left out). */
  score(q: Float32Array | Float64Array, labels: Iterable<number>): { label: number; score: number }[] {
    const out: { label: number; score: number }[] = [];
    for (const label of labels) {
      const row = this.rowOf.get(label);
      if (row !== undefined) out.push({ label, score: this.dot(q, row) });
      else {
        const disk = this.diskRow(label);
        if (disk !== undefined) out.push({ label, score: this.dot(q, 0, this.readDisk(disk)) });
      }
    }
    return out;
  }

  /** The `n` labels whose rows have the highest cosine with the unit query, best first; equal scores by label. */
  nearest(q: Float32Array | Float64Array, n: number): { label: number; score: number }[] {
    if (n <= 0) return [];
    const scores = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    const labels = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const offer = (label: number, score: number) => {
      if (score < scores[n - 1]! || (score === scores[n - 1]! && label > labels[n - 1]!)) return;
      let j = n - 1;
      for (; j > 0 && (score > scores[j - 1]! || (score === scores[j - 1]! && label < labels[j - 1]!)); j--) {
        scores[j] = scores[j - 1]!;
        labels[j] = labels[j - 1]!;
      }
      scores[j] = score;
      labels[j] = label;
    };
    for (const label of this.disk?.labels ?? []) {
      const row = this.diskRow(label);
      if (row !== undefined) offer(label, this.dot(q, 0, this.readDisk(row)));
    }
    for (let r = 0; r < this.labels.length; r++) offer(this.labels[r]!, this.dot(q, r));
    const found = Math.min(n, this.size);
    return Array.from(scores.subarray(0, found), (score, j) => ({ label: labels[j]!, score }));
  }

  async save(file: string): Promise<void> {
    const labels = this.labelList();
    const n = labels.length;
    const head = Int32Array.from([n, this.dimension, ...labels]);
    // FileHandle.writeFile, not write: it writes on after a short write (a file-size limit, a full disk), so that the
    // next write fails with the error instead of the file being cut short in silence.
    const fh = await open(file, "w");
    try {
      await fh.writeFile(Buffer.from(head.buffer, head.byteOffset, head.byteLength));
      if (!this.disk) {
        const rows = this.rows.subarray(0, n * this.dimension);
        await fh.writeFile(Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength));
        return;
      }
      // Rows gathered into chunks of about a megabyte, from memory or from the file they were loaded from.
      const perChunk = Math.max(1, Math.floor(2 ** 20 / (4 * this.dimension)));
      for (let i = 0; i < n; i += perChunk) {
        const chunk = new Float32Array(Math.min(perChunk, n - i) * this.dimension);
        for (let j = 0; j < chunk.length / this.dimension; j++)
          chunk.set(this.vector(labels[i + j]!)!, j * this.dimension);
        await fh.writeFile(Buffer.from(chunk.buffer));
      }
    } finally {
      await fh.close();
    }
  }

  /** Reads what save() wrote (a big store lazily); throws unless it is whole and of `dimension`. */
  static async load(
    file: string,
    dimension: number,
    readWholeBytes = READ_WHOLE_BYTES,
  ): Promise<VectorStore> {
    if ((await stat(file)).size > readWholeBytes) return VectorStore.onDisk(LazyFile.open(file), dimension);
    const bytes = await readFile(file);
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
    const ints = new Int32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.length / 4));
    const n = ints[0] ?? -1;
    if (ints[1] !== dimension || n < 0 || aligned.length !== 4 * (HEADER + n + n * dimension))
      throw new Error(`${file} is not a whole store of ${dimension}-dimensional vectors`);
    const store = new VectorStore(dimension, 0);
    store.rows = new Float32Array(aligned.buffer, aligned.byteOffset + 4 * (HEADER + n), n * dimension);
    for (let row = 0; row < n; row++) {
      const label = ints[HEADER + row]!;
      if (store.rowOf.has(label)) throw new Error(`${file} lists label ${label} twice`);
      store.labels.push(label);
      store.rowOf.set(label, row);
    }
    return store;
  }

  private static onDisk(file: LazyFile, dimension: number): VectorStore {
    const head = int32s(file.read(0, 4 * HEADER));
    const n = head[0]!;
    if (head[1] !== dimension || n < 0 || file.size !== 4 * (HEADER + n + n * dimension))
      throw new Error(`${file.path} is not a whole store of ${dimension}-dimensional vectors`);
    const labels = int32s(file.read(4 * HEADER, 4 * n));
    const rowOf = new Map<number, number>();
    labels.forEach((label, row) => {
      if (rowOf.has(label)) throw new Error(`${file.path} lists label ${label} twice`);
      rowOf.set(label, row);
    });
    const store = new VectorStore(dimension, 0);
    store.disk = { file, labels, rowOf, gone: new Set(), at: 4 * (HEADER + n) };
    return store;
  }
}
