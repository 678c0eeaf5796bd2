// The searchable index of the corpus: passages, their vectors (HNSW), BM25 postings and a manifest, saved as one generation.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { SPLIT_REVISION } from "../corpus/passages.js";
import type { Passage } from "../corpus/types.js";
import { IndexCorruptError, IndexMismatchError, IndexOutdatedError } from "../errors.js";
import { Bm25Index, type LexicalHit, type WeightedTerm } from "./bm25.js";
import { type Checksums, checksumFiles, startVerifying } from "./checksums.js";
import { readBm25, readPassages, writeBm25, writePassages } from "./formats.js";
import { ParallelBm25Build } from "./bm25-build.js";
import { checkHnswFile } from "./hnsw-file.js";
import { ShardedVectorIndex, shardFiles } from "./sharded-vectors.js";
import { PassageStore } from "./passage-store.js";
import { FOLD, RescoredVectorIndex } from "./rescored-vectors.js";
import { currentGeneration, writeGeneration } from "./storage.js";
import type { VectorHit } from "./vector-index.js";

export const FORMAT_VERSION = 1;

export interface EmbeddingsInfo {
  provider: string;
  model: string;
  /** The local embeddings' scheme version (absent for remote models and in indexes of revision 1). */
  revision?: number;
  /** Known once the first vector has been seen. */
  dimension?: number;
}

export interface DocumentEntry {
  hash: string;
  size: number;
  mtimeMs: number;
  title: string;
  passageIds: string[];
  labels: number[];
  indexedAt: string;
  meta?: Record<string, unknown>;
}

export interface Manifest {
  formatVersion: number;
  /** The rules the passages and sentences were split by (`SPLIT_REVISION`); absent before they changed: 1. */
  splitRevision?: number;
  embeddings: EmbeddingsInfo;
  nextLabel: number;
  updatedAt: string;
  documents: Record<string, DocumentEntry>;
  /** SHA-256 of every other file of the generation (absent in generations written before issue 22). */
  checksums?: Checksums;
  /**
   * How many HNSW graphs the vectors are split into (vectors.0.hnsw, vectors.1.hnsw…), so that an ingest builds them
   * on as many cores. Absent before issue 23: one graph, vectors.hnsw.
   */
  vectorShards?: number;
  /**
   * Set (to FOLD) when the graphs hold folded vectors and vectors.f32 the full ones, which rescore the graphs'
   * candidates (RescoredVectorIndex). Absent before: the graphs hold the full vectors (ShardedVectorIndex).
   */
  vectorFold?: number;
}

/** Graphs a new index splits its vectors into: one per core of the machines it was measured on. */
export const VECTOR_SHARDS = 2;

const FILES = {
  manifest: "manifest.json",
  passages: "passages.json",
  bm25: "bm25.json",
  vectors: "vectors.hnsw",
  store: "vectors.f32",
};

/** The vectors of an index: rescored (written since issue 23) or graphs of full vectors (read from older ones). */
type PassageVectors = RescoredVectorIndex | ShardedVectorIndex;

/** The graph files of a generation: vectors.hnsw alone before issue 23, else one per shard. */
function vectorFiles(file: string, manifest: Manifest): string[] {
  const shards = manifest.vectorShards ?? 1;
  if (!Number.isInteger(shards) || shards < 1 || shards > 64)
    throw new Error(`manifest.json: vectorShards is ${shards}, not a whole number from 1 to 64`);
  return shardFiles(file, shards);
}

/**
 * Reads a generation's vectors. Each graph file's layout is checked before hnswlib reads it, so that a damaged header
 * cannot make it allocate at random (its checksum is verified meanwhile, before anything searches it).
 */
async function readVectors(
  dir: string,
  manifest: Manifest,
  dimension: number,
  labels: Promise<Iterable<number>>,
): Promise<PassageVectors> {
  const files = vectorFiles(path.join(dir, FILES.vectors), manifest);
  const checked = Promise.all(files.map((f) => checkHnswFile(f)));
  checked.catch(() => undefined);
  if (!manifest.vectorFold) return checked.then(() => ShardedVectorIndex.load(files, dimension, labels));
  if (manifest.vectorFold !== FOLD)
    throw new Error(`manifest.json: vectorFold is ${manifest.vectorFold}; this version folds by ${FOLD}`);
  return RescoredVectorIndex.load(path.join(dir, FILES.store), files, dimension, checked);
}

/** What the manifest records of an embeddings choice (not the implementation object itself). */
export function embeddingsInfo(e: EmbeddingsInfo): EmbeddingsInfo {
  return {
    provider: e.provider,
    model: e.model,
    ...(e.revision !== undefined ? { revision: e.revision } : {}),
  };
}

function describe(e: EmbeddingsInfo): string {
  return `${e.provider} embeddings (${e.model}${e.dimension ? `, ${e.dimension} dimensions` : ""})`;
}

/** Files that parse but disagree (a partial copy, a file from another generation) are as unreadable as torn ones. */
function checkAgree(manifest: Manifest, passages: PassageStore, bm25: Bm25Index): void {
  const labels = Object.values(manifest.documents).flatMap((d) => d.labels);
  if (
    labels.length !== passages.size ||
    !labels.every((l) => passages.has(l)) ||
    bm25.size !== passages.size
  ) {
    throw new Error(
      `manifest.json lists ${labels.length} passages, passages.json holds ${passages.size}, bm25.json ${bm25.size}`,
    );
  }
}

export class PassageIndex {
  private constructor(
    readonly manifest: Manifest,
    private readonly passages: PassageStore,
    private vectors: PassageVectors | undefined,
    private bm25: Bm25Index,
  ) {}

  /** During a parallel rebuild: the postings being built on a worker thread (bm25 is empty meanwhile). */
  private bm25Build: ParallelBm25Build | undefined;

  /** Passage id → label, made when first needed (a question never needs it). */
  private byIdMap: Map<string, number> | undefined;

  private byId(): Map<string, number> {
    if (!this.byIdMap) {
      this.byIdMap = new Map();
      for (const label of this.passages.keys()) this.byIdMap.set(this.passages.passageId(label)!, label);
    }
    return this.byIdMap;
  }

  static empty(embeddings: EmbeddingsInfo): PassageIndex {
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION,
      splitRevision: SPLIT_REVISION,
      embeddings: { ...embeddings },
      nextLabel: 0,
      updatedAt: new Date().toISOString(),
      documents: {},
      vectorShards: VECTOR_SHARDS,
      vectorFold: FOLD,
    };
    return new PassageIndex(manifest, new PassageStore(), undefined, new Bm25Index());
  }

  /**
   * Loads the current generation from `indexDir`; undefined when none exists.
   * Refuses an index built with other embeddings settings or another format.
   */
  static async load(
    indexDir: string,
    expected: EmbeddingsInfo,
    meanwhile?: () => void,
  ): Promise<PassageIndex | undefined> {
    const began = performance.now();
    const dir = await currentGeneration(indexDir);
    if (!dir) return undefined;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(path.join(dir, FILES.manifest), "utf8")) as Manifest;
      if (typeof manifest?.embeddings !== "object" || typeof manifest.documents !== "object")
        throw new Error("manifest.json lacks embeddings or documents");
    } catch (e) {
      throw new IndexCorruptError(dir, e);
    }
    const found = manifest.embeddings;
    if (manifest.formatVersion !== FORMAT_VERSION) {
      throw new IndexMismatchError(
        `index format ${manifest.formatVersion}`,
        `index format ${FORMAT_VERSION}`,
      );
    }
    if (found.provider !== expected.provider || found.model !== expected.model) {
      throw new IndexMismatchError(describe(found), describe(expected));
    }
    if ((found.revision ?? 1) !== (expected.revision ?? 1)) {
      throw new IndexOutdatedError(
        `vectors of ${describe(found)}, revision ${found.revision ?? 1}`,
        `revision ${expected.revision ?? 1}`,
      );
    }
    if ((manifest.splitRevision ?? 1) !== SPLIT_REVISION) {
      throw new IndexOutdatedError(
        `passages split by the rules of revision ${manifest.splitRevision ?? 1}`,
        `revision ${SPLIT_REVISION}`,
      );
    }
    try {
      return await PassageIndex.read(dir, manifest, began, meanwhile);
    } catch (e) {
      throw new IndexCorruptError(dir, e);
    }
  }

  /** Milliseconds from the start of load() until each file was read (empty for an index built here). */
  loadSteps: Record<string, number> = {};

  private static async read(
    dir: string,
    manifest: Manifest,
    began: number,
    meanwhile?: () => void,
  ): Promise<PassageIndex> {
    const steps: Record<string, number> = {};
    const step = <T>(name: string, p: Promise<T>): Promise<T> =>
      p.then((x) => {
        steps[name] = Math.round((performance.now() - began) * 10) / 10;
        return x;
      });
    // The files are hashed on worker threads while this one parses the passages and postings, and hnswlib reads the
    // graphs on its own threads: a damaged file fails its CRC or its parse, or else its checksum. hnswlib trusts
    // its file, and a graph damaged in place crashes its search, so the index is returned (and searched) only once
    // every file is verified; its layout is checked before it is read, so that a damaged header cannot make it
    // allocate at random.
    const checks = manifest.checksums ? await startVerifying(dir, manifest.checksums) : undefined;
    const verified = step("checksums", checks?.all ?? Promise.resolve());
    verified.catch(() => undefined);
    const passagesRead = step("passages", readPassages(dir));
    // The vector load awaits the labels only after reading its file: until then a failed read (a missing or torn
    // passages file) must not count as unhandled, which would crash the process instead of rebuilding the index.
    const labels = passagesRead.then((p) => p.keys());
    labels.catch(() => undefined);
    const hasPassages = Object.values(manifest.documents).some((d) => d.labels.length > 0);
    const dimension = manifest.embeddings.dimension;
    const vectorsRead =
      dimension && hasPassages ? step("vectors", readVectors(dir, manifest, dimension, labels)) : undefined;
    vectorsRead?.catch(() => undefined);
    // This thread waits for the hashing workers from here on: a caller's synchronous work fits in.
    meanwhile?.();
    // A damaged file is reported by its checksum, whichever read failed first.
    const [passages, bm25, vectors] = await Promise.all([
      passagesRead,
      step("bm25", readBm25(dir)),
      vectorsRead,
    ]).catch(async (e: unknown) => {
      await verified;
      throw e;
    });
    await verified;
    checkAgree(manifest, passages, bm25);
    const index = new PassageIndex(manifest, passages, vectors, bm25);
    index.loadSteps = steps;
    return index;
  }

  /** Saves as a new generation and swaps it in atomically. */
  async save(indexDir: string): Promise<void> {
    this.manifest.updatedAt = new Date().toISOString();
    await writeGeneration(indexDir, async (dir) => {
      await writePassages(dir, this.passages.entries());
      await writeBm25(dir, this.bm25);
      if (this.vectors instanceof RescoredVectorIndex)
        await this.vectors.save(path.join(dir, FILES.vectors), path.join(dir, FILES.store));
      else if (this.vectors) await this.vectors.save(path.join(dir, FILES.vectors));
      this.manifest.vectorShards = this.vectors?.shardCount ?? this.manifest.vectorShards;
      this.manifest.checksums = await checksumFiles(dir, [FILES.manifest]);
      // The manifest goes last: a generation folder without one is never complete.
      await writeFile(path.join(dir, FILES.manifest), JSON.stringify(this.manifest, null, 1));
    });
  }

  /** False for a generation written before checksums were recorded: it is saved again to gain them. */
  get checksummed(): boolean {
    return this.manifest.checksums !== undefined;
  }

  get size(): number {
    return this.passages.size;
  }

  /** Vectors in the graph (passages with a zero vector have none). */
  get vectorCount(): number {
    return this.vectors?.size ?? 0;
  }

  get dimension(): number | undefined {
    return this.manifest.embeddings.dimension;
  }

  documentIds(): string[] {
    return Object.keys(this.manifest.documents).sort();
  }

  document(docId: string): DocumentEntry | undefined {
    // Own entries only: "valueOf" or "constructor" would find Object.prototype's.
    return Object.hasOwn(this.manifest.documents, docId) ? this.manifest.documents[docId] : undefined;
  }

  passage(label: number): Passage | undefined {
    return this.passages.get(label);
  }

  passageById(passageId: string): Passage | undefined {
    const label = this.byId().get(passageId);
    return label === undefined ? undefined : this.passages.get(label);
  }

  /** The passage just before `passage` in its document, if any. */
  before(passage: Passage): Passage | undefined {
    const entry = this.document(passage.docId);
    const at = entry ? entry.passageIds.indexOf(passage.passageId) : -1;
    const label = at > 0 ? entry!.labels[at - 1] : undefined;
    return label === undefined ? undefined : this.passages.get(label);
  }

  removeDocument(docId: string): void {
    const entry = this.document(docId);
    if (!entry) return;
    for (const label of entry.labels) {
      const id = this.passages.passageId(label);
      if (id !== undefined) this.byIdMap?.delete(id);
      this.passages.delete(label);
      this.vectors?.remove(label);
    }
    this.bm25.remove(entry.labels);
    delete this.manifest.documents[docId];
  }

  /** Adds (or replaces) a document's passages with their vectors, one vector per passage in order. */
  putDocument(
    docId: string,
    entry: Omit<DocumentEntry, "labels" | "passageIds">,
    passages: Passage[],
    vectors: ArrayLike<number>[],
  ): void {
    const dim = vectors[0]?.length;
    if (dim !== undefined) {
      const known = this.manifest.embeddings.dimension;
      if (known !== undefined && known !== dim) {
        throw new IndexMismatchError(describe(this.manifest.embeddings), `${dim}-dimensional vectors`);
      }
      this.manifest.embeddings.dimension = dim;
      const shards = this.manifest.vectorShards ?? 1;
      this.vectors ??= this.manifest.vectorFold
        ? RescoredVectorIndex.create(dim, shards)
        : ShardedVectorIndex.create(dim, shards);
    }
    this.removeDocument(docId);
    const labels: number[] = [];
    passages.forEach((p, i) => {
      const label = this.manifest.nextLabel++;
      this.passages.set(label, p);
      this.byIdMap?.set(p.passageId, label);
      const v = vectors[i]!;
      if (this.vectors instanceof RescoredVectorIndex) this.vectors.add(label, v);
      else this.vectors!.add(label, Array.isArray(v) ? v : Array.from(v));
      if (this.bm25Build) this.bm25Build.add(label, p.text);
      else this.bm25.add(label, p.text);
      labels.push(label);
    });
    this.manifest.documents[docId] = { ...entry, labels, passageIds: passages.map((p) => p.passageId) };
  }

  /**
   * For an index without vectors yet that is about to receive many (a rebuild): its graph shards are built in worker
   * threads, one per shard, as putDocument hands them vectors of `dimension`. `tmpParent` holds their files meanwhile.
   * Call finishParallelBuild() before searching or saving, and abortParallelBuild() when the ingest fails.
   */
  async startParallelBuild(tmpParent: string, dimension: number): Promise<void> {
    if (!this.manifest.vectorFold || this.vectors?.size || this.bm25Build) return;
    const known = this.manifest.embeddings.dimension;
    if (known !== undefined && known !== dimension) return;
    this.vectors = RescoredVectorIndex.create(dimension, this.manifest.vectorShards ?? 1);
    await this.vectors.startParallelBuild(tmpParent);
    if (this.bm25.size === 0) this.bm25Build = new ParallelBm25Build();
  }

  async finishParallelBuild(): Promise<void> {
    if (this.vectors instanceof RescoredVectorIndex) await this.vectors.finishParallelBuild();
    const build = this.bm25Build;
    if (build) {
      this.bm25 = await build.finish();
      this.bm25Build = undefined;
    }
  }

  async abortParallelBuild(): Promise<void> {
    if (this.vectors instanceof RescoredVectorIndex) await this.vectors.abortParallelBuild();
    await this.bm25Build?.abort();
    this.bm25Build = undefined;
  }

  /** The search beam of the graph (the benchmark measures recall at several). */
  setEfSearch(efSearch: number): void {
    this.vectors?.setEfSearch(efSearch);
  }

  vectorSearch(vector: number[], k: number): VectorHit[] {
    return this.vectors?.search(vector, k) ?? [];
  }

  lexicalSearch(query: string, k: number): LexicalHit[] {
    return this.bm25.search(query, k);
  }

  /** BM25 over weighted stemmed terms (a question with its expansions). */
  lexicalSearchTerms(terms: WeightedTerm[], k: number): LexicalHit[] {
    return this.bm25.searchTerms(terms, k);
  }

  /** The stemmed terms of every passage. */
  vocabulary(): IterableIterator<string> {
    return this.bm25.vocabulary();
  }

  /** How many passages hold a stemmed term. */
  df(term: string): number {
    return this.bm25.df(term);
  }

  idf(term: string): number {
    return this.bm25.idf(term);
  }
}
