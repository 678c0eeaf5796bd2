// Worker thread: builds one HNSW shard from the vectors the ingest sends it, and writes it to a file.
import { parentPort, workerData } from "node:worker_threads";
import type { GraphJob, GraphMessage, GraphReply } from "./graph-build.js";
import { StorageError } from "../errors.js";
import { HnswVectorIndex } from "./vector-index.js";

/** What the ingest's thread needs to tell a full disk (StorageError) from any other failure. */
function failure(e: unknown): { error: string; kind?: StorageError["kind"]; code?: string } {
  const error = String((e as Error)?.stack ?? e);
  if (e instanceof StorageError) return { error, kind: e.kind, code: e.code };
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" ? { error, code } : { error };
}

const job = workerData as GraphJob;
const graph = HnswVectorIndex.create(job.dimension, job.options);
const port = parentPort!;

port.on("message", (message: GraphMessage) => {
  if (message.type === "add") {
    const { labels, vectors } = message;
    const d = job.dimension;
    for (let i = 0; i < labels.length; i++)
      graph.add(labels[i]!, Array.from(vectors.subarray(i * d, (i + 1) * d)));
    return;
  }
  graph.save(job.file).then(
    () => port.postMessage({ type: "saved", size: graph.size } satisfies GraphReply),
    (e: unknown) => port.postMessage({ type: "failed", ...failure(e) } satisfies GraphReply),
  );
});
