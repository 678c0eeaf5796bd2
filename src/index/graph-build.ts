// Builds the HNSW shards of a fresh index in worker threads, one per shard, while the ingest embeds on its own thread.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { StorageError } from "../errors.js";
import { startWorker } from "../worker-thread.js";
import { ShardedVectorIndex, shardFile } from "./sharded-vectors.js";
import type { HnswOptions } from "./vector-index.js";

export interface GraphJob {
  dimension: number;
  options: HnswOptions;
  /** Where the worker writes its shard. */
  file: string;
}

export type GraphMessage = { type: "add"; labels: Int32Array; vectors: Float32Array } | { type: "save" };
export type GraphReply =
  | { type: "saved"; size: number }
  | { type: "failed"; error: string; kind?: StorageError["kind"]; code?: string };

/** A worker's failure as an error of this thread: a full disk stays a StorageError. */
function failed(reply: { error: string; kind?: StorageError["kind"]; code?: string }): Error {
  const cause = Object.assign(new Error(`building an HNSW shard failed: ${reply.error}`), {
    code: reply.code,
  });
  return reply.kind ? new StorageError(reply.kind, reply.code ?? "", cause) : cause;
}

/** Vectors sent to a worker at once: fewer messages, and little held back. */
const BATCH = 256;

const WORKER = new URL("./graph-worker.ts", import.meta.url);

class ShardBuilder {
  private labels: number[] = [];
  private vectors: Float32Array;

  constructor(
    private readonly worker: Worker,
    private readonly dimension: number,
  ) {
    this.vectors = new Float32Array(BATCH * dimension);
  }

  add(label: number, vector: number[]): void {
    this.vectors.set(vector, this.labels.length * this.dimension);
    this.labels.push(label);
    if (this.labels.length === BATCH) this.flush();
  }

  flush(): void {
    if (this.labels.length === 0) return;
    const labels = Int32Array.from(this.labels);
    const vectors = this.vectors.slice(0, labels.length * this.dimension);
    this.worker.postMessage({ type: "add", labels, vectors } satisfies GraphMessage, [
      labels.buffer,
      vectors.buffer,
    ]);
    this.labels = [];
  }

  /** Resolves once the worker has written its shard. */
  save(): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) => {
      this.worker.once("message", (reply: GraphReply) => {
        if (reply.type === "saved") resolve();
        else reject(failed(reply));
      });
      this.worker.once("error", reject);
      this.worker.once("exit", (code) => reject(new Error(`an HNSW shard's worker exited (${code})`)));
      this.worker.postMessage({ type: "save" } satisfies GraphMessage);
    });
  }
}

/**
 * A graph of `shards` shards built in as many worker threads; `add` hands each vector to its shard's worker (label
 * modulo the shard count, as ShardedVectorIndex places them), `finish` loads the result. `dir` is a folder of its own
 * for the shard files, deleted by `finish` and `abort`.
 */
export class ParallelGraphBuild {
  private readonly builders: ShardBuilder[];
  private readonly workers: Worker[];
  private readonly added = new Set<number>();
  private readonly removed = new Set<number>();

  private constructor(
    readonly dimension: number,
    private readonly dir: string,
    options: HnswOptions,
    shards: number,
  ) {
    this.workers = Array.from({ length: shards }, (_, i) =>
      startWorker(WORKER, { dimension, options, file: this.file(i) } satisfies GraphJob),
    );
    this.builders = this.workers.map((w) => new ShardBuilder(w, dimension));
  }

  /** `parent` gets a fresh temporary folder (named so that a crash's leftover is deleted by the next save). */
  static async start(
    parent: string,
    dimension: number,
    shards: number,
    options: HnswOptions,
  ): Promise<ParallelGraphBuild> {
    await mkdir(parent, { recursive: true });
    const dir = await mkdtemp(path.join(parent, ".tmp-graph-"));
    return new ParallelGraphBuild(dimension, dir, options, shards);
  }

  private file(i: number): string {
    return shardFile(path.join(this.dir, "vectors.hnsw"), i);
  }

  add(label: number, vector: number[]): void {
    this.builders[label % this.builders.length]!.add(label, vector);
    this.added.add(label);
  }

  /** A label removed before the build is done: it is marked deleted in the loaded index. */
  remove(label: number): void {
    if (this.added.has(label)) this.removed.add(label);
  }

  async finish(efSearch?: number): Promise<ShardedVectorIndex> {
    try {
      await Promise.all(this.builders.map((b) => b.save()));
      const files = this.builders.map((_, i) => this.file(i));
      const index = await ShardedVectorIndex.load(files, this.dimension, this.added, { efSearch });
      for (const label of this.removed) index.remove(label);
      return index;
    } finally {
      await this.abort();
    }
  }

  async abort(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    await rm(this.dir, { recursive: true, force: true });
  }
}
