// The local embeddings on worker threads: a rebuild embeds on every core, not only on the ingest's own thread.
import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../worker-thread.js";
import { LocalHashEmbeddings, SEARCH_SCHEME } from "./local.js";
import type { EmbeddingsChoice } from "./providers.js";

export interface EmbedRequest {
  id: number;
  texts: string[];
}
export type EmbedReply = { id: number; vectors: Float64Array } | { id: number; error: string };

const WORKER = new URL("./embed-worker.ts", import.meta.url);

/**
 * Workers that each embed as the choice's LocalHashEmbeddings would (the vectors are the same, bit for bit: hashed
 * features do not depend on what was embedded before). Each batch goes to the worker with the fewest waiting.
 */
export class EmbedPool {
  private readonly workers: Worker[];
  private readonly load: number[];
  private readonly waiting = new Map<
    number,
    { resolve: (v: Float64Array) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;

  private constructor(
    readonly dimension: number,
    size: number,
  ) {
    this.workers = Array.from({ length: size }, () => startWorker(WORKER, { dimension }));
    this.load = this.workers.map(() => 0);
    this.workers.forEach((w, i) => {
      w.on("message", (reply: EmbedReply) => {
        this.load[i]!--;
        const job = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if ("vectors" in reply) job?.resolve(reply.vectors);
        else job?.reject(new Error(`embedding on a worker thread failed: ${reply.error}`));
      });
      w.on("error", (e) => this.failAll(e));
    });
  }

  /** A pool for the local embeddings with their default scheme; undefined for any other provider. */
  static forChoice(choice: EmbeddingsChoice, size = os.availableParallelism()): EmbedPool | undefined {
    const e = choice.embeddings;
    if (!(e instanceof LocalHashEmbeddings) || e.scheme !== SEARCH_SCHEME || size < 2) return undefined;
    return new EmbedPool(e.dimension, size);
  }

  private failAll(e: Error): void {
    for (const job of this.waiting.values()) job.reject(e);
    this.waiting.clear();
  }

  /** The texts' vectors, one row of `dimension` after another. */
  embed(texts: string[]): Promise<Float64Array> {
    const i = this.load.indexOf(Math.min(...this.load));
    const id = this.nextId++;
    this.load[i]!++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[i]!.postMessage({ id, texts } satisfies EmbedRequest);
    });
  }

  async close(): Promise<void> {
    this.failAll(new Error("the embedding pool was closed"));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
