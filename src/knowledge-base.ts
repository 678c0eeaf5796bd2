// The live corpus index: opens or builds it, keeps it fresh, and swaps in each new generation for readers at once.
import { Mutex } from "async-mutex";
import type { EmbeddingsChoice } from "./embeddings/providers.js";
import { IndexCorruptError, IndexOutdatedError, StorageError } from "./errors.js";
import { damageWarning, type IngestReport, ingest, isStale } from "./index/ingest.js";
import { embeddingsInfo, PassageIndex } from "./index/passage-index.js";
import type { Logger } from "./logger.js";

export interface KnowledgeBaseOptions {
  corpusDir: string;
  indexDir: string;
  embeddings: EmbeddingsChoice;
  log: Logger;
  onProgress?: (done: number, total: number) => void;
}

export class KnowledgeBase {
  private live: PassageIndex | undefined;
  /** Ingests run one at a time, across the bot, the admin commands and start-up. */
  private readonly writer = new Mutex();

  constructor(private readonly options: KnowledgeBaseOptions) {}

  get corpusDir(): string {
    return this.options.corpusDir;
  }

  /** The index readers should use now. */
  index(): PassageIndex {
    if (!this.live) throw new Error("KnowledgeBase not opened: call `await kb.open()` first.");
    return this.live;
  }

  /** Loads the saved index, and brings it up to date with the corpus if it is missing, stale or unreadable. */
  /**
   * `meanwhile`: synchronous work (the app's other data) done while the index files are hashed on worker threads,
   * when there is an index to load.
   */
  async open(meanwhile?: () => void): Promise<IngestReport | undefined> {
    const { indexDir, embeddings, corpusDir, log } = this.options;
    let saved: PassageIndex | undefined;
    try {
      saved = await PassageIndex.load(indexDir, embeddingsInfo(embeddings), meanwhile);
    } catch (e) {
      if (e instanceof IndexOutdatedError) {
        log.warn(`${e.message.split("\n")[0]} Rebuilding it from the corpus.`);
        return this.sync({ rebuild: true });
      }
      if (!(e instanceof IndexCorruptError)) throw e;
      log.warn(`${damageWarning(e)}; rebuilding from the corpus`);
      return this.sync({ rebuild: true });
    }
    if (saved?.checksummed && !(await isStale(corpusDir, saved))) {
      this.live = saved;
      return undefined;
    }
    return this.sync();
  }

  /** Runs an ingest (serialized) and swaps the result in. */
  async sync(options: { rebuild?: boolean } = {}): Promise<IngestReport> {
    return this.writer.runExclusive(async () => {
      try {
        const { index, report } = await ingest({ ...this.options, rebuild: options.rebuild });
        this.live = index;
        return report;
      } catch (e) {
        throw StorageError.of(e) ?? e;
      }
    });
  }

  /**
   * Runs `change` on the corpus folder and re-indexes, as one serialized step. When indexing fails (a full disk,
   * a read-only INDEX_DIR), `undo` puts the corpus back, and the old index keeps serving.
   */
  async change<T>(
    change: () => Promise<T>,
    undo?: (result: T) => Promise<void>,
  ): Promise<{ result: T; report: IngestReport }> {
    return this.writer.runExclusive(async () => {
      const result = await change().catch((e: unknown) => {
        throw StorageError.of(e) ?? e;
      });
      try {
        const { index, report } = await ingest(this.options);
        this.live = index;
        return { result, report };
      } catch (e) {
        await undo?.(result);
        throw StorageError.of(e) ?? e;
      }
    });
  }
}
