// Worker thread: the local embeddings of batches of texts, sent back as one Float64Array of rows.
import { parentPort, workerData } from "node:worker_threads";
import type { EmbedReply, EmbedRequest } from "./embed-pool.js";
import { LocalHashEmbeddings } from "./local.js";

const embeddings = new LocalHashEmbeddings({ dimension: (workerData as { dimension: number }).dimension });
const port = parentPort!;

port.on("message", ({ id, texts }: EmbedRequest) => {
  try {
    const d = embeddings.dimension;
    const vectors = new Float64Array(texts.length * d);
    texts.forEach((text, i) => {
      vectors.set(embeddings.embedText(text), i * d);
    });
    port.postMessage({ id, vectors } satisfies EmbedReply, [vectors.buffer]);
  } catch (e) {
    port.postMessage({ id, error: String((e as Error)?.stack ?? e) } satisfies EmbedReply);
  }
});
