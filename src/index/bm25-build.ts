// Builds the BM25 postings of a rebuild on a worker thread, while the ingest's own thread does the rest.
import type { Worker } from "node:worker_threads";
import { startWorker } from "../worker-thread.js";
import { type Bm25Files, Bm25Index } from "./bm25.js";

export type Bm25Message = { type: "add"; labels: number[]; texts: string[] } | { type: "finish" };
export type Bm25Reply =
  | { type: "done"; meta: Bm25Files["meta"]; postings: Uint8Array }
  | { type: "failed"; error: string };

const WORKER = new URL("./bm25-worker.ts", import.meta.url);
/** Passages sent at once. */
const BATCH = 256;

export class ParallelBm25Build {
  private readonly worker: Worker = startWorker(WORKER, {});
  private labels: number[] = [];
  private texts: string[] = [];

  add(label: number, text: string): void {
    this.labels.push(label);
    this.texts.push(text);
    if (this.labels.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (this.labels.length === 0) return;
    this.worker.postMessage({ type: "add", labels: this.labels, texts: this.texts } satisfies Bm25Message);
    this.labels = [];
    this.texts = [];
  }

  /** The index the worker built (read back as a saved one is). */
  async finish(): Promise<Bm25Index> {
    this.flush();
    try {
      const reply = await new Promise<Bm25Reply>((resolve, reject) => {
        this.worker.once("message", resolve);
        this.worker.once("error", reject);
        this.worker.once("exit", (code) => reject(new Error(`the BM25 worker exited (${code})`)));
        this.worker.postMessage({ type: "finish" } satisfies Bm25Message);
      });
      if (reply.type === "failed") throw new Error(`building BM25 postings failed: ${reply.error}`);
      const { postings } = reply;
      return Bm25Index.fromFiles(
        reply.meta,
        Buffer.from(postings.buffer, postings.byteOffset, postings.byteLength),
      );
    } finally {
      await this.abort();
    }
  }

  async abort(): Promise<void> {
    await this.worker.terminate();
  }
}
