// Nearest-neighbour search over passage vectors: HNSW (hnswlib-node) for serving, exact cosine for checking it.
import { writeFile, readFile } from "node:fs/promises";
import hnswlib from "hnswlib-node";
import { checkHnswFile } from "./hnsw-file.js";

export interface VectorHit {
  label: number;
  /** Cosine similarity, higher is closer. */
  score: number;
}

/** One interface, two implementations; test/index/vector-index.test.ts runs the same contract on both. */
export interface VectorIndex {
  readonly dimension: number;
  /** Number of live (not removed) vectors. */
  readonly size: number;
  add(label: number, vector: number[]): void;
  remove(label: number): void;
  search(vector: number[], k: number): VectorHit[];
  /** Writes the index to `file`. */
  save(file: string): Promise<void>;
}

function isZero(v: number[]): boolean {
  return v.every((x) => x === 0);
}

/** `v` scaled to length 1 (`v` is not zero). */
function unit(v: number[]): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  return Float32Array.from(v, (x) => x / norm);
}

function checkDimension(vector: number[], dimension: number): void {
  if (vector.length !== dimension) {
    throw new RangeError(`vector has ${vector.length} dimensions, the index has ${dimension}`);
  }
}

export interface HnswOptions {
  m?: number;
  efConstruction?: number;
  efSearch?: number;
}

/** Graph degree, build beam and search beam; `npm run bench` measures their recall and speed. */
export const HNSW_DEFAULTS = { m: 16, efConstruction: 200, efSearch: 64 };

export class HnswVectorIndex implements VectorIndex {
  private readonly live = new Set<number>();

  private constructor(
    readonly dimension: number,
    private readonly hnsw: hnswlib.HierarchicalNSW,
    private efSearch: number,
  ) {}

  static create(dimension: number, options: HnswOptions = {}): HnswVectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW("cosine", dimension);
    hnsw.initIndex({
      maxElements: 1024,
      m: options.m ?? HNSW_DEFAULTS.m,
      efConstruction: options.efConstruction ?? HNSW_DEFAULTS.efConstruction,
      randomSeed: 42,
      allowReplaceDeleted: true,
    });
    return new HnswVectorIndex(dimension, hnsw, options.efSearch ?? HNSW_DEFAULTS.efSearch);
  }

  /**
   * Reads an index written by save(); `labels` are the live labels (removed ones stay marked deleted in the file),
   * or a promise of them, awaited once the file is read. Labels that were added with a zero vector are not in the
   * file and stay out of the results.
   */
  static async load(
    file: string,
    dimension: number,
    labels: Iterable<number> | Promise<Iterable<number>>,
    options: HnswOptions = {},
  ): Promise<HnswVectorIndex> {
    const hnsw = new hnswlib.HierarchicalNSW("cosine", dimension);
    await hnsw.readIndex(file, true);
    const index = new HnswVectorIndex(dimension, hnsw, options.efSearch ?? HNSW_DEFAULTS.efSearch);
    const stored = new Set(hnsw.getIdsList());
    for (const l of await labels) if (stored.has(l)) index.live.add(l);
    return index;
  }

  get size(): number {
    return this.live.size;
  }

  add(label: number, vector: number[]): void {
    checkDimension(vector, this.dimension);
    // A zero vector has no direction, so it is nobody's neighbour: cosine space would turn any stand-in into a
    // unit vector that outranks real matches.
    if (isZero(vector)) {
      this.remove(label);
      return;
    }
    if (this.hnsw.getCurrentCount() >= this.hnsw.getMaxElements()) {
      this.hnsw.resizeIndex(Math.max(1024, this.hnsw.getMaxElements() * 2));
    }
    this.hnsw.addPoint(vector, label, true);
    this.live.add(label);
  }

  remove(label: number): void {
    if (!this.live.delete(label)) return;
    this.hnsw.markDelete(label);
  }

  /** Widens or narrows the search beam (the benchmark's sweeps): wider finds more of the true neighbours, slower. */
  setEfSearch(efSearch: number): void {
    this.efSearch = efSearch;
  }

  get searchBeam(): number {
    return this.efSearch;
  }

  search(vector: number[], k: number): VectorHit[] {
    checkDimension(vector, this.dimension);
    const n = Math.min(k, this.live.size);
    if (n <= 0 || isZero(vector)) return [];
    this.hnsw.setEf(Math.max(this.efSearch, n));
    const { neighbors, distances } = this.hnsw.searchKnn(vector, n);
    return neighbors.map((label, i) => ({ label, score: 1 - distances[i]! }));
  }

  async save(file: string): Promise<void> {
    await this.hnsw.writeIndex(file);
    // writeIndex reports success even when the disk filled up under it.
    await checkHnswFile(file);
  }
}

/**
 * Brute-force cosine search: exact, slow on big corpora; the reference that HNSW recall is measured against. The
 * unit vectors sit in one array, a row each, and a search keeps only the best k as it scans: the benchmark compares
 * HNSW with a fair exact search, not with one that sorts every score.
 */
export class ExactVectorIndex implements VectorIndex {
  private rows = new Float32Array(0);
  private labels: number[] = [];
  private readonly rowOf = new Map<number, number>();

  constructor(readonly dimension: number) {}

  static async load(file: string, dimension: number): Promise<ExactVectorIndex> {
    const index = new ExactVectorIndex(dimension);
    const rows = JSON.parse(await readFile(file, "utf8")) as [number, number[]][];
    for (const [label, v] of rows) index.add(label, v);
    return index;
  }

  get size(): number {
    return this.labels.length;
  }

  add(label: number, vector: number[]): void {
    checkDimension(vector, this.dimension);
    if (isZero(vector)) {
      this.remove(label);
      return;
    }
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
    this.rows.set(unit(vector), row * d);
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

  search(vector: number[], k: number): VectorHit[] {
    checkDimension(vector, this.dimension);
    const n = Math.min(k, this.size);
    if (n <= 0 || isZero(vector)) return [];
    const d = this.dimension;
    const q = unit(vector);
    const rows = this.rows;
    // The best n so far, best first; equal scores by label.
    const scores = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    const labels = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    for (let r = 0; r < this.labels.length; r++) {
      // Four sums: the additions do not wait on each other. (A closure over `dot` would put it on the heap.)
      const off = r * d;
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
      let dot = a0 + a1 + a2 + a3;
      for (; i < d; i++) dot += rows[off + i]! * q[i]!;
      const label = this.labels[r]!;
      if (dot < scores[n - 1]! || (dot === scores[n - 1]! && label > labels[n - 1]!)) continue;
      let j = n - 1;
      for (; j > 0 && (dot > scores[j - 1]! || (dot === scores[j - 1]! && label < labels[j - 1]!)); j--) {
        scores[j] = scores[j - 1]!;
        labels[j] = labels[j - 1]!;
      }
      scores[j] = dot;
      labels[j] = label;
    }
    return Array.from(scores, (score, j) => ({ label: labels[j]!, score }));
  }

  async save(file: string): Promise<void> {
    const d = this.dimension;
    const rows = this.labels.map((label, r) => [label, Array.from(this.rows.subarray(r * d, (r + 1) * d))]);
    await writeFile(file, JSON.stringify(rows));
  }
}
