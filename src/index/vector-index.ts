// Nearest-neighbour search over passage vectors: HNSW (hnswlib-node) for serving, exact cosine for checking it.
import { writeFile, readFile } from "node:fs/promises";
import hnswlib from "hnswlib-node";
import { checkHnswFile } from "./hnsw-file.js";
import { VectorStore } from "./vector-store.js";

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

export function checkDimension(vector: ArrayLike<number>, dimension: number): void {
  if (vector.length !== dimension) {
    throw new RangeError(`vector has ${vector.length} dimensions, the index has ${dimension}`);
  }
}

/** Best first; equal scores by label, so that an order never depends on which shard or row answered first. */
export function byScore(a: VectorHit, b: VectorHit): number {
  return b.score - a.score || a.label - b.label;
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
  /** The unit vectors, one row each: the store the rescored graphs keep their full vectors in. */
  private readonly store: VectorStore;

  constructor(readonly dimension: number) {
    this.store = new VectorStore(dimension);
  }

  static async load(file: string, dimension: number): Promise<ExactVectorIndex> {
    const index = new ExactVectorIndex(dimension);
    const rows = JSON.parse(await readFile(file, "utf8")) as [number, number[]][];
    for (const [label, v] of rows) index.add(label, v);
    return index;
  }

  get size(): number {
    return this.store.size;
  }

  add(label: number, vector: number[]): void {
    checkDimension(vector, this.dimension);
    if (isZero(vector)) this.store.remove(label);
    else this.store.set(label, unit(vector));
  }

  remove(label: number): void {
    this.store.remove(label);
  }

  search(vector: number[], k: number): VectorHit[] {
    checkDimension(vector, this.dimension);
    if (isZero(vector)) return [];
    return this.store.nearest(unit(vector), Math.min(k, this.size));
  }

  async save(file: string): Promise<void> {
    const rows = this.store.labelList().map((label) => [label, this.store.vector(label)]);
    await writeFile(file, JSON.stringify(rows));
  }
}
