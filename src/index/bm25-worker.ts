// Worker thread: builds the BM25 postings of the passages the ingest sends it, and sends them back as bm25 files.
import { parentPort } from "node:worker_threads";
import { Bm25Index } from "./bm25.js";
import type { Bm25Message, Bm25Reply } from "./bm25-build.js";

const bm25 = new Bm25Index();
const port = parentPort!;

port.on("message", (message: Bm25Message) => {
  try {
    if (message.type === "add") {
      message.texts.forEach((text, i) => {
        bm25.add(message.labels[i]!, text);
      });
      return;
    }
    const { meta, postings } = bm25.toFiles();
    const bytes = new Uint8Array(postings.buffer, postings.byteOffset, postings.byteLength);
    port.postMessage({ type: "done", meta, postings: bytes } satisfies Bm25Reply, [
      bytes.buffer as ArrayBuffer,
    ]);
  } catch (e) {
    port.postMessage({ type: "failed", error: String((e as Error)?.stack ?? e) } satisfies Bm25Reply);
  }
});
