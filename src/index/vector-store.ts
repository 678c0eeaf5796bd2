// Every passage's unit vector in full, one Float32 row each, for rescoring a graph's candidates by the exact cosine.
import { readFile, writeFile } from "node:fs/promises";

/** vectors.f32: a header of two Int32s (count, dimension), the labels (Int32), then the rows (Float32). */
const HEADER = 2;

export class VectorStore {
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
    return this.labels.length;
  }

  /** The labels, in row order. */
  labelList(): number[] {
    return [...this.labels];
  }

  /** The stored unit vector of a label. */
  vector(label: number): number[] | undefined {
    const row = this.rowOf.get(label);
    const d = this.dimension;
    return row === undefined ? undefined : Array.from(this.rows.subarray(row * d, (row + 1) * d));
  }

  has(label: number): boolean {
    return this.rowOf.has(label);
  }

  /** Sets the row of `label` to `unit` (length 1). */
  set(label: number, unit: ArrayLike<number>): void {
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

  /** The cosine of a unit query with the row at `row`: four sums, so that the additions do not wait on each other. */
  private dot(q: Float32Array | Float64Array, row: number): number {
    const d = this.dimension;
    const rows = this.rows;
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
    }
    return out;
  }

  /** Cosine of the unit query with every row. */
  scoreAll(q: Float32Array | Float64Array): { label: number; score: number }[] {
    return this.labels.map((label, row) => ({ label, score: this.dot(q, row) }));
  }

  async save(file: string): Promise<void> {
    const n = this.labels.length;
    const head = Int32Array.from([n, this.dimension, ...this.labels]);
    const rows = this.rows.subarray(0, n * this.dimension);
    await writeFile(file, [
      Buffer.from(head.buffer, head.byteOffset, head.byteLength),
      Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength),
    ]);
  }

  /** Reads what save() wrote; throws unless it is whole and of `dimension`. */
  static async load(file: string, dimension: number): Promise<VectorStore> {
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
}
