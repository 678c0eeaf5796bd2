// Several HNSW graphs (shards) searched as one: each holds the labels of one residue, so two can be built at once.
import path from "node:path";
import {
  byScore,
  type HnswOptions,
  HnswVectorIndex,
  type VectorHit,
  type VectorIndex,
} from "./vector-index.js";

/** `vectors.hnsw` → `vectors.0.hnsw`: shard `i` of a graph saved as `file`. */
export function shardFile(file: string, i: number): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${i}${ext}`;
}

/** The files of a graph of `shards` shards saved as `file`: `file` itself when there is one shard. */
export function shardFiles(file: string, shards: number): string[] {
  return shards === 1 ? [file] : Array.from({ length: shards }, (_, i) => shardFile(file, i));
}

export class ShardedVectorIndex implements VectorIndex {
  constructor(
    readonly dimension: number,
    private readonly shards: HnswVectorIndex[],
  ) {
    if (shards.length === 0) throw new RangeError("a sharded index needs at least one shard");
  }

  static create(dimension: number, shards: number, options: HnswOptions = {}): ShardedVectorIndex {
    return new ShardedVectorIndex(
      dimension,
      Array.from({ length: shards }, () => HnswVectorIndex.create(dimension, options)),
    );
  }

  /** Reads the shards from `files` (in shard order), each keeping the labels of `labels` it holds. */
  static async load(
    files: string[],
    dimension: number,
    labels: Iterable<number> | Promise<Iterable<number>>,
    options: HnswOptions = {},
  ): Promise<ShardedVectorIndex> {
    // Each shard filters the labels by its own file; an iterator would be used up by the first.
    const all = Promise.resolve(labels).then((l) => [...l]);
    all.catch(() => undefined);
    const shards = await Promise.all(files.map((f) => HnswVectorIndex.load(f, dimension, all, options)));
    return new ShardedVectorIndex(dimension, shards);
  }

  get shardCount(): number {
    return this.shards.length;
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.size, 0);
  }

  /** The shard a label lives in. */
  shardOf(label: number): number {
    return label % this.shards.length;
  }

  add(label: number, vector: number[]): void {
    this.shards[this.shardOf(label)]!.add(label, vector);
  }

  remove(label: number): void {
    this.shards[this.shardOf(label)]!.remove(label);
  }

  setEfSearch(efSearch: number): void {
    for (const s of this.shards) s.setEfSearch(efSearch);
  }

  get efSearch(): number {
    return this.shards[0]!.searchBeam;
  }

  /** Each shard's k best, unmerged: candidates for rescoring. */
  candidates(vector: number[], k: number): VectorHit[] {
    return this.shards.flatMap((s) => s.search(vector, k));
  }

  search(vector: number[], k: number): VectorHit[] {
    if (this.shards.length === 1) return this.shards[0]!.search(vector, k);
    return this.shards
      .flatMap((s) => s.search(vector, k))
      .sort(byScore)
      .slice(0, k);
  }

  /** Writes the shards to `shardFiles(file, shardCount)`. */
  async save(file: string): Promise<void> {
    const files = shardFiles(file, this.shards.length);
    await Promise.all(this.shards.map((s, i) => s.save(files[i]!)));
  }
}
