// Brings the saved index up to date with the corpus folder: only new or changed documents are embedded.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { documentFromBytes, listDocumentIds, sha256 } from "../corpus/documents.js";
import { splitPassages } from "../corpus/passages.js";
import { EmbedPool } from "../embeddings/embed-pool.js";
import type { EmbeddingsChoice } from "../embeddings/providers.js";
import { IndexCorruptError, IndexOutdatedError } from "../errors.js";
import type { Logger } from "../logger.js";
import { type LockOptions, withIndexLock } from "./index-lock.js";
import { embeddingsInfo, PassageIndex } from "./passage-index.js";
import { currentGeneration, removeStale } from "./storage.js";

export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
  embeddings: EmbeddingsChoice;
  rebuild?: boolean;
  /** Called as passages are embedded. */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
  /** Where a damaged index is reported (it is then rebuilt from the corpus), and a wait for another writer. */
  log?: Pick<Logger, "warn" | "info">;
  /** How long to wait for another process writing INDEX_DIR (index-lock.ts). */
  lockWaitMs?: number;
}

export interface IngestReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  /** Passages in the index afterwards. */
  passages: number;
  embedded: number;
  ms: number;
  upToDate: boolean;
  /** The saved index was damaged or unreadable, so this ingest rebuilt it from the corpus. */
  rebuiltDamaged?: boolean;
  /** Where the time went, in milliseconds: `ms` split by stage (the benchmark reports these). */
  timings: IngestTimings;
}

export interface IngestTimings {
  /** Loading the saved index, listing the corpus and reading changed files. */
  readMs: number;
  /** Parsing documents and splitting them into passages. */
  splitMs: number;
  embedMs: number;
  /** Adding passages to the vector and BM25 indexes. */
  indexMs: number;
  saveMs: number;
}

interface Pending {
  docId: string;
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  isNew: boolean;
}

/** Which documents differ from the manifest. Size and mtime decide quickly; the hash decides when they differ. */
async function diffCorpus(corpusDir: string, index: PassageIndex) {
  const ids = await listDocumentIds(corpusDir);
  const pending: Pending[] = [];
  let touched = false;
  for (const docId of ids) {
    const file = path.join(corpusDir, docId);
    const st = await stat(file);
    const entry = index.document(docId);
    if (entry && entry.size === st.size && entry.mtimeMs === st.mtimeMs) continue;
    const bytes = await readFile(file);
    if (entry && entry.hash === sha256(bytes)) {
      entry.mtimeMs = st.mtimeMs;
      touched = true;
      continue;
    }
    pending.push({ docId, bytes, size: st.size, mtimeMs: st.mtimeMs, isNew: !entry });
  }
  const present = new Set(ids);
  const removed = index.documentIds().filter((id) => !present.has(id));
  return { ids, pending, removed, touched };
}

/**
 * Updates (or rebuilds) the index in INDEX_DIR from CORPUS_DIR, saves it atomically and returns it. Holds INDEX_DIR's
 * writer lock from loading to saving: a second writer (the bot and `npm run ingest`) waits, and so saves on top.
 */
export async function ingest(options: IngestOptions): Promise<{ index: PassageIndex; report: IngestReport }> {
  const lock: LockOptions = {
    waitMs: options.lockWaitMs,
    onWait: (h) =>
      options.log?.info(
        `waiting for pid ${h.pid} (${h.command}, since ${h.startedAt}) to finish writing INDEX_DIR`,
      ),
  };
  return withIndexLock(options.indexDir, () => ingestLocked(options), lock);
}

async function ingestLocked(options: IngestOptions): Promise<{ index: PassageIndex; report: IngestReport }> {
  const began = performance.now();
  const timings: IngestTimings = { readMs: 0, splitMs: 0, embedMs: 0, indexMs: 0, saveMs: 0 };
  let mark = began;
  /** Adds the time since the last lap to one stage. */
  const lap = (stage: keyof IngestTimings) => {
    const now = performance.now();
    timings[stage] += now - mark;
    mark = now;
  };
  const info = embeddingsInfo(options.embeddings);
  let rebuiltDamaged = false;
  const saved = options.rebuild
    ? undefined
    : await PassageIndex.load(options.indexDir, info).catch((e: unknown) => {
        // Vectors of an earlier local embeddings scheme: every document is embedded again.
        if (e instanceof IndexOutdatedError) return undefined;
        // The corpus is the source of truth: a damaged index is rebuilt from it, and said so.
        if (e instanceof IndexCorruptError) {
          options.log?.warn(`${damageWarning(e)}; rebuilding from the corpus`);
          rebuiltDamaged = true;
          return undefined;
        }
        throw e;
      });
  const index = saved ?? PassageIndex.empty(info);
  const fresh = index.documentIds().length === 0;
  const { ids, pending, removed, touched } = await diffCorpus(options.corpusDir, index);
  lap("readMs");

  // A big change into an index without vectors (a rebuild) starts its embedding workers now: they load while this
  // thread splits the documents.
  const bytes = pending.reduce((n, p) => n + p.size, 0);
  let pool =
    index.vectorCount === 0 && bytes >= PARALLEL_BUILD_MIN * MIN_PASSAGE_BYTES
      ? EmbedPool.forChoice(options.embeddings)
      : undefined;
  let total = 0;
  try {
    const split = [];
    for (const p of pending) {
      const doc = documentFromBytes(p.docId, p.bytes);
      split.push({ p, doc, passages: splitPassages(doc) });
      await nextTurn();
    }
    lap("splitMs");
    total = split.reduce((n, s) => n + s.passages.length, 0);
    const batch = options.batchSize ?? 64;
    options.onProgress?.(0, total);
    // The local embeddings work on this thread, and so does the graph of a small change; a big one into an index
    // without vectors (a rebuild) is embedded, and its graph shards and postings built, on worker threads. Between
    // batches and documents the event loop gets a turn, so that the bot keeps answering (from the index in use)
    // while an ingest runs, instead of freezing for all of it. (Awaiting a promise that is already settled gives
    // no such turn.)
    const parallel = total >= PARALLEL_BUILD_MIN && index.vectorCount === 0;
    if (!parallel) {
      await pool?.close();
      pool = undefined;
    }
    await addAll(index, split, { options, batch, total, lap, parallel, pool });
    await index.finishParallelBuild();
  } catch (e) {
    await index.abortParallelBuild();
    throw e;
  } finally {
    await pool?.close();
  }
  for (const docId of removed) index.removeDocument(docId);
  lap("indexMs");

  const upToDate = pending.length === 0 && removed.length === 0 && !options.rebuild && !fresh;
  // A generation without checksums (written before they were recorded) is saved again to gain them.
  if (!upToDate || touched || options.rebuild || fresh || !index.checksummed)
    await index.save(options.indexDir);
  else await clearLeftovers(options.indexDir);
  lap("saveMs");
  const report: IngestReport = {
    added: pending.filter((p) => p.isNew).map((p) => p.docId),
    changed: pending.filter((p) => !p.isNew).map((p) => p.docId),
    removed,
    unchanged: ids.length - pending.length,
    passages: index.size,
    embedded: total,
    ms: performance.now() - began,
    upToDate,
    ...(rebuiltDamaged ? { rebuiltDamaged } : {}),
    timings,
  };
  return { index, report };
}

/** Passages from which a rebuild builds its graph shards in worker threads (below, starting them costs more). */
export const PARALLEL_BUILD_MIN = 2000;
/** Fewer bytes than any passage has: changed files of at least PARALLEL_BUILD_MIN times this start the workers early. */
const MIN_PASSAGE_BYTES = 256;

interface Split {
  p: Pending;
  doc: ReturnType<typeof documentFromBytes>;
  passages: ReturnType<typeof splitPassages>;
}

/** Documents whose vectors are asked of the embedding workers ahead of the one being indexed. */
const EMBED_AHEAD = 8;

/** A document's vectors: from the embedding workers when there are some, else on this thread a batch at a time. */
async function vectorsOf(
  texts: string[],
  options: IngestOptions,
  batch: number,
  pool: EmbedPool | undefined,
): Promise<ArrayLike<number>[]> {
  if (pool) {
    const rows = await pool.embed(texts);
    const d = pool.dimension;
    return texts.map((_, i) => rows.subarray(i * d, (i + 1) * d));
  }
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += batch) {
    vectors.push(...(await options.embeddings.embeddings.embedDocuments(texts.slice(i, i + batch))));
    await nextTurn();
  }
  return vectors;
}

/**
 * Embeds every split document and puts it into the index, lapping embedding and indexing time. With `parallel`, the
 * local embeddings run on worker threads (a few documents ahead) and the graph is built on others meanwhile.
 */
async function addAll(
  index: PassageIndex,
  split: Split[],
  run: {
    options: IngestOptions;
    batch: number;
    total: number;
    lap: (stage: keyof IngestTimings) => void;
    parallel: boolean;
    /** Embedding workers, for a parallel ingest with the local embeddings. */
    pool: EmbedPool | undefined;
  },
): Promise<void> {
  const { options, batch, total, lap, pool } = run;
  const ahead: Promise<ArrayLike<number>[]>[] = [];
  const ask = (i: number) => {
    const job =
      split[i] &&
      vectorsOf(
        split[i].passages.map((x) => x.text),
        options,
        batch,
        pool,
      );
    job?.catch(() => undefined); // awaited in order below
    if (job) ahead.push(job);
  };
  let done = 0;
  if (pool) for (let i = 0; i < EMBED_AHEAD; i++) ask(i);
  for (const [n, { p, doc, passages }] of split.entries()) {
    if (!pool) ask(n);
    else ask(n + EMBED_AHEAD);
    const vectors = await ahead.shift()!;
    done = Math.min(total, done + passages.length);
    options.onProgress?.(done, total);
    lap("embedMs");
    if (run.parallel && vectors[0]) await index.startParallelBuild(options.indexDir, vectors[0].length);
    const entry = {
      hash: doc.hash,
      size: p.size,
      mtimeMs: p.mtimeMs,
      title: doc.title,
      indexedAt: new Date().toISOString(),
      meta: doc.meta,
    };
    index.putDocument(p.docId, entry, passages, vectors);
    lap("indexMs");
    await nextTurn();
  }
}

/** The log line for a damaged index: which generation, and what is wrong with it (a file that fails its checksum…). */
export function damageWarning(e: IndexCorruptError): string {
  const reason = e.cause instanceof Error ? `: ${e.cause.message.split("\n")[0]}` : "";
  return `index unreadable (${e.path}${reason})`;
}

/**
 * Deletes what a crashed save left beside the current generation (a whole older generation when the kill came
 * between the pointer swap and the clean-up). A save does this itself; an ingest with nothing to save does it here.
 */
async function clearLeftovers(indexDir: string): Promise<void> {
  const current = await currentGeneration(indexDir);
  if (current) await removeStale(indexDir, path.basename(current));
}

/** True when the saved index does not reflect the corpus folder (or does not exist). Reads only file metadata where it can. */
export async function isStale(corpusDir: string, index: PassageIndex | undefined): Promise<boolean> {
  if (!index) return true;
  const { pending, removed } = await diffCorpus(corpusDir, index);
  return pending.length > 0 || removed.length > 0;
}
