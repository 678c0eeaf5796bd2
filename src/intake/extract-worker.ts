// The sandbox worker (sandbox.ts): parses documents with the in-thread extractor, one message per file, and posts
// each outcome back with its job id.
import { parentPort } from "node:worker_threads";
import { DocumentRejectedError } from "../errors.js";
import { extractInThread, type Format } from "./extract.js";
import type { WorkerReply } from "./sandbox.js";

parentPort!.on(
  "message",
  async ({ id, bytes, format }: { id: number; bytes: Uint8Array; format: Format }) => {
    let reply: WorkerReply;
    try {
      reply = { ok: true, extracted: await extractInThread(bytes, format) };
    } catch (e) {
      if (e instanceof DocumentRejectedError) {
        // AppError appends the hint to the message: send them apart, so the main thread rebuilds the same error.
        const message = e.hint ? e.message.slice(0, -(e.hint.length + 1)) : e.message;
        reply = { ok: false, reason: e.reason, message, hint: e.hint };
      } else {
        reply = { ok: false, message: (e as Error)?.message ?? String(e) };
      }
    }
    parentPort!.postMessage({ ...reply, id });
  },
);
