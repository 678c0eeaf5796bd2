// Vector search as a small graph proposes and the full vectors decide: HNSW over folded vectors, exact cosine rescoring.
import { ParallelGraphBuild } from "./graph-build.js";
import { ShardedVectorIndex } from "./sharded-vectors.js";
import {
  byScore,
  checkDimension,
  type HnswOptions,
  type VectorHit,
  type VectorIndex,
} from "./vector-index.js";
import { VectorStore } from "./vector-store.js";

/**
 * The graph holds each vector folded to a quarter of its dimensions (component i added into i modulo a quarter),
 * which is itself a hashed embedding of the same features: building a graph costs in proportion to the dimension,
 * and at 512 dimensions it was nine tenths of a 100,000-passage ingest. Its candidates (the search beam's worth)
 * are then ranked by the exact cosine of the full vectors, so the scores are what an exact search gives.
 */
export const FOLD = 4;

/** Below this many vectors every one is scored: exact, and as fast as the graph. */
export const EXACT_BELOW = 2048;

/**
 * The search beam, per shard: candidates rescored. The hybrid's recall@10 of the passage a question was made from is
 * as high at 32 as at 64 to 256 (`npm run bench`, 100,000 passages: 0.877 at 16 and 32, 0.876 at 64, 0.871 at 256),
 * and the vector side is then a third faster.
 */
export const RESCORED_EF_SEARCH = 32;

/**
 * Graph degree and build beam of the folded graph. `npm run bench -- --build-sweep 16:32,16:64,16:128` at 100,000
 * passages: 4,746, 2,620 and 1,733 vectors a second, and at search beam 32 a recall against exact search of 0.146,
 * 0.154 and 0.164: the cheapest build loses little of a figure the rescoring and BM25 make up for (the hybrid's
 * recall of the source passage is what the benchmark checks).
 */
export const FOLDED_GRAPH = { m: 16, efConstruction: 32 } satisfies HnswOptions;

function unit(v: ArrayLike<number>): Float64Array | undefined {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  if (norm === 0) return undefined;
  norm = Math.sqrt(norm);
  return Float64Array.from(v as ArrayLike<number>, (x) => x / norm);
}

/** `v` scaled to length 1 into `out`, and folded into `into` dimensions; false (nothing written) for a zero `v`. */
function unitAndFold(v: ArrayLike<number>, out: Float32Array, into: number): number[] | undefined {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  if (norm === 0) return undefined;
  norm = Math.sqrt(norm);
  const folded = new Array<number>(into).fill(0);
  for (let i = 0; i < v.length; i++) {
    const x = v[i]! / norm;
    out[i] = x;
    folded[i % into]! += x;
  }
  return folded;
}

function fold(u: ArrayLike<number>, into: number): number[] {
  const out = new Array<number>(into).fill(0);
  for (let i = 0; i < u.length; i++) out[i % into]! += u[i]!;
  return out;
}

export class RescoredVectorIndex implements VectorIndex {
  private building: ParallelGraphBuild | undefined;
  /** The unit vector being added. */
  private scratch: Float32Array | undefined;
  private efSearch = RESCORED_EF_SEARCH;

  constructor(
    readonly dimension: number,
    private readonly store: VectorStore,
    private graph: ShardedVectorIndex | undefined,
    private readonly shards: number,
    private readonly graphOptions: HnswOptions = FOLDED_GRAPH,
  ) {}

  /** The graph, searched with this index's beam. */
  private withBeam(graph: ShardedVectorIndex): ShardedVectorIndex {
    graph.setEfSearch(this.efSearch);
    return graph;
  }

  /** Below this many vectors every one is scored; 0 makes every search go through the graph (the benchmark's). */
  exactBelow = EXACT_BELOW;

  /** `graphOptions`: another degree and build beam (the benchmark's build sweep). */
  static create(dimension: number, shards: number, graphOptions = FOLDED_GRAPH): RescoredVectorIndex {
    return new RescoredVectorIndex(dimension, new VectorStore(dimension), undefined, shards, graphOptions);
  }

  /**
   * The store and its graph shards, as save() wrote them; `graphReady` is awaited before the graph files are read
   * (their checksums).
   */
  static async load(
    storeFile: string,
    graphFiles: string[],
    dimension: number,
    graphReady: Promise<unknown> = Promise.resolve(),
  ): Promise<RescoredVectorIndex> {
    const storeRead = VectorStore.load(storeFile, dimension);
    storeRead.catch(() => undefined);
    const labels = storeRead.then((s) => s.labelList());
    labels.catch(() => undefined);
    const [store, graph] = await Promise.all([
      storeRead,
      graphReady.then(() => ShardedVectorIndex.load(graphFiles, dimension / FOLD, labels)),
    ]);
    const index = new RescoredVectorIndex(dimension, store, undefined, graphFiles.length);
    index.graph = index.withBeam(graph);
    return index;
  }

  get foldedDimension(): number {
    return this.dimension / FOLD;
  }

  get shardCount(): number {
    return this.shards;
  }

  get size(): number {
    return this.store.size;
  }

  private graphOf(): ShardedVectorIndex {
    this.graph ??= this.withBeam(
      ShardedVectorIndex.create(this.foldedDimension, this.shards, this.graphOptions),
    );
    return this.graph;
  }

  add(label: number, vector: ArrayLike<number>): void {
    checkDimension(vector, this.dimension);
    this.scratch ??= new Float32Array(this.dimension);
    const folded = unitAndFold(vector, this.scratch, this.foldedDimension);
    // A zero vector has no direction, so it is nobody's neighbour.
    if (!folded) {
      this.remove(label);
      return;
    }
    this.store.set(label, this.scratch);
    (this.building ?? this.graphOf()).add(label, folded);
  }

  remove(label: number): void {
    if (!this.store.has(label)) return;
    this.store.remove(label);
    this.graph?.remove(label);
    this.building?.remove(label);
  }

  setEfSearch(efSearch: number): void {
    this.efSearch = efSearch;
    this.graph?.setEfSearch(efSearch);
  }

  search(vector: number[], k: number): VectorHit[] {
    checkDimension(vector, this.dimension);
    const n = Math.min(k, this.store.size);
    const q = unit(vector);
    if (n <= 0 || !q) return [];
    if (this.building) throw new Error("RescoredVectorIndex: the graph is still being built");
    if (this.store.size < this.exactBelow || !this.graph) return this.store.nearest(q, n);
    const candidates = this.graph.candidates(fold(q, this.foldedDimension), Math.max(this.efSearch, n));
    return this.store
      .score(
        q,
        candidates.map((h) => h.label),
      )
      .sort(byScore)
      .slice(0, n);
  }

  /** Builds the graph of the vectors to come in worker threads, when there are none yet (see ParallelGraphBuild). */
  async startParallelBuild(tmpParent: string): Promise<void> {
    if (this.store.size > 0 || this.building) return;
    this.graph = undefined;
    this.building = await ParallelGraphBuild.start(
      tmpParent,
      this.foldedDimension,
      this.shards,
      this.graphOptions,
    );
  }

  async finishParallelBuild(): Promise<void> {
    const build = this.building;
    if (!build) return;
    this.graph = await build.finish(this.efSearch);
    this.building = undefined;
  }

  async abortParallelBuild(): Promise<void> {
    await this.building?.abort();
    this.building = undefined;
  }

  /** Writes the graph shards as ShardedVectorIndex.save(graphFile) does, and the store to `storeFile`. */
  async save(graphFile: string, storeFile = `${graphFile}.store`): Promise<void> {
    if (this.building) throw new Error("RescoredVectorIndex.save: finish the parallel build first");
    await this.store.save(storeFile);
    await this.graphOf().save(graphFile);
  }
}
