// Runs document parsers (pdf.js, mammoth, cheerio) in a worker thread with a memory cap and a deadline. A hostile
// file (a DOCX that unzips to gigabytes, HTML nested a hundred thousand deep) then costs a refusal, not the bot: in
// the main thread it would block every chat for minutes or kill the process out of memory.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DocumentRejectedError } from "../errors.js";
import type { Extracted, Format } from "./extract.js";

export interface SandboxLimits {
  /** Give up on a file after this long. */
  timeoutMs?: number;
  /** The worker's heap; past it the worker dies and the file is refused. */
  maxHeapMb?: number;
}

export const SANDBOX_DEFAULTS = { timeoutMs: 60_000, maxHeapMb: 1024 };

/**
 * After a file this large, or one refused for its size (a zip bomb), the worker is discarded rather than kept: what a
 * parser allocated outside the JS heap (unzipped buffers, pdf.js's caches) goes back to the system with the thread.
 * A damaged or empty file is refused without that, and keeps the worker (reloading pdf.js takes a second).
 */
export const DISCARD_AFTER_BYTES = 4 * 1024 * 1024;

/** What the worker posts back (with the job's id): the text, or a refusal's fields, or an unexpected error's message. */
export type WorkerReply =
  | { ok: true; extracted: Extracted }
  | { ok: false; reason?: DocumentRejectedError["reason"]; message: string; hint?: string };

const ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./extract-worker.ts" : "./extract-worker.js",
  import.meta.url,
);

/** A worker that can load TypeScript the way this process does (through tsx), or plain JavaScript. */
function spawn(maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (!ENTRY.pathname.endsWith(".ts")) return new Worker(ENTRY, { resourceLimits });
  // tsx's `--import` hooks do not reach worker threads in Node 20: the worker registers them itself.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const boot = `const { workerData } = require("node:worker_threads");
import(workerData.api).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));`;
  return new Worker(boot, { eval: true, workerData: { api, entry: ENTRY.href }, resourceLimits });
}

interface Parser {
  worker: Worker;
  heapMb: number;
}

/** One worker, kept between files (loading pdf.js takes seconds); replaced after a timeout, a crash, or a large job. */
let parser: Parser | undefined;
/** Files are parsed one at a time. */
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

/** Parses one file in the worker; refusals come back as the same DocumentRejectedError. */
export function runSandboxed(
  bytes: Uint8Array,
  format: Format,
  limits: SandboxLimits = {},
): Promise<Extracted> {
  const run = queue.then(() => parseOnce(bytes, format, { ...SANDBOX_DEFAULTS, ...limits }));
  queue = run.catch(() => undefined);
  return run;
}

function parseOnce(bytes: Uint8Array, format: Format, limits: Required<SandboxLimits>): Promise<Extracted> {
  if (parser && parser.heapMb !== limits.maxHeapMb) discard();
  parser ??= { worker: spawn(limits.maxHeapMb), heapMb: limits.maxHeapMb };
  const { worker } = parser;
  const id = ++nextId;
  worker.ref();
  return new Promise<Extracted>((resolve, reject) => {
    const finish = (failed: boolean, settle: () => void) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (failed) discard();
      else worker.unref();
      settle();
    };
    const onMessage = (reply: WorkerReply & { id: number }) => {
      if (reply.id !== id) return;
      const spent = (!reply.ok && reply.reason === "too-large") || bytes.byteLength >= DISCARD_AFTER_BYTES;
      finish(spent, () => (reply.ok ? resolve(reply.extracted) : reject(rebuild(reply))));
    };
    const onError = (e: Error & { code?: string }) =>
      finish(true, () => reject(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? outOfMemory() : e));
    const onExit = (code: number) =>
      finish(true, () =>
        reject(new Error(`the document parser stopped (exit code ${code}) before answering`)),
      );
    const timer = setTimeout(() => finish(true, () => reject(tooSlow(limits.timeoutMs))), limits.timeoutMs);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({ id, bytes, format });
  });
}

function discard(): void {
  void parser?.worker.terminate();
  parser = undefined;
}

function tooSlow(timeoutMs: number): DocumentRejectedError {
  return new DocumentRejectedError(
    "no-text",
    `Reading this file took longer than ${Math.round(timeoutMs / 1000)} s, so it was abandoned.`,
    "It may be damaged or built to be slow to read; try another format, or paste the text.",
  );
}

function outOfMemory(): DocumentRejectedError {
  return new DocumentRejectedError(
    "too-large",
    "Reading this file needed more memory than allowed, so it was abandoned.",
    "It may be a compressed bomb or simply too big: split it, or paste the text.",
  );
}

/** The worker's refusal as the same error; a parser that threw on the file refuses it too. */
function rebuild(reply: Extract<WorkerReply, { ok: false }>): DocumentRejectedError {
  return reply.reason
    ? new DocumentRejectedError(reply.reason, reply.message, reply.hint)
    : new DocumentRejectedError("no-text", "This file cannot be read.", `Details: ${reply.message}`);
}
