// SHA-256 of files on worker threads: hashing a 100,000-passage index (370 MB) on the main thread was a third of a cold load.
import os from "node:os";
import { Worker } from "node:worker_threads";

/** The worker, plain CommonJS: it needs no TypeScript loader, so it starts in milliseconds. */
const HASHER = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { createReadStream } = require("node:fs");
parentPort.on("message", async ({ id, file }) => {
  try {
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk);
    parentPort.postMessage({ id, hex: hash.digest("hex") });
  } catch (e) {
    parentPort.postMessage({ id, error: e && e.message ? e.message : String(e), code: e && e.code });
  }
});
`;

type Reply = { id: number; hex: string } | { id: number; error: string; code?: string };

/** Hashes files on up to `size` worker threads (one per core by default), each taking the next file when done. */
export class HashPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: { file: string; resolve: (hex: string) => void; reject: (e: Error) => void }[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (hex: string) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;

  constructor(private readonly size = Math.max(1, os.availableParallelism())) {}

  sha256(file: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ file, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.all.length < this.size) worker = this.spawn();
      if (!worker) return;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      this.waiting.set(id, job);
      worker.postMessage({ id, file: job.file });
    }
  }

  private spawn(): Worker {
    const worker = new Worker(HASHER, { eval: true });
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const job = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      this.idle.push(worker);
      if ("hex" in reply) job?.resolve(reply.hex);
      else job?.reject(Object.assign(new Error(reply.error), { code: reply.code }));
      this.pump();
    });
    worker.on("error", (e) => {
      for (const job of this.waiting.values()) job.reject(e);
      this.waiting.clear();
    });
    this.all.push(worker);
    return worker;
  }

  /** Stops the workers (jobs still queued are refused). */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error("the hash pool was closed"));
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
