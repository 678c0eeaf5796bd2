// The composition root: builds every part from a Config. Entry points (CLI, bot, eval) call buildApp and nothing else.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createAnswerPipeline, type AnswerPipeline } from "./answer/pipeline.js";
import { loadPrompts } from "./answer/prompts.js";
import type { Scorer } from "./answer/scorer.js";
import { createChatModel } from "./answer/llm-provider.js";
import type { Config } from "./config.js";
import { createEmbeddings, type EmbeddingsChoice } from "./embeddings/providers.js";
import { KnowledgeBase } from "./knowledge-base.js";
import type { Logger } from "./logger.js";
import { HybridRetriever } from "./retrieval/retriever.js";
import { Lexicon } from "./text/lexicon.js";
import { WordVectors } from "./text/word-vectors.js";

export interface App {
  config: Config;
  log: Logger;
  embeddings: EmbeddingsChoice;
  kb: KnowledgeBase;
  retriever: HybridRetriever;
  pipeline: AnswerPipeline;
}

export interface AppOverrides {
  embeddings?: EmbeddingsChoice;
  chatModel?: BaseChatModel;
  onProgress?: (done: number, total: number) => void;
  /** The answer scorer; the committed weights by default (`npm run fit` records with weights it is fitting). */
  scorer?: Scorer;
}

/** Builds the app and opens the index, building or updating it first when it is missing or older than the corpus. */
export async function buildApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const embeddings = overrides.embeddings ?? (await createEmbeddings(config));
  const kb = new KnowledgeBase({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    embeddings,
    log,
    onProgress: overrides.onProgress,
  });
  // The lexicon and word vectors are read while the index files are hashed on worker threads.
  let lexicon: Lexicon | undefined;
  let vectors: WordVectors | undefined;
  const report = await kb.open(() => {
    // A failure here is not the index's: it is thrown again below, where they are loaded if still missing.
    try {
      lexicon = Lexicon.load();
      vectors = WordVectors.load();
    } catch {}
  });
  if (report && !report.upToDate) {
    log.info(
      `index updated: ${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed; ${report.passages} passages`,
    );
  }
  const retriever = new HybridRetriever(() => kb.index(), embeddings.embeddings);
  const chatModel = overrides.chatModel ?? (await createChatModel(config));
  const prompts = chatModel ? await loadPrompts() : undefined;
  lexicon ??= Lexicon.load();
  vectors ??= WordVectors.load();
  const pipeline = createAnswerPipeline({
    config,
    log,
    kb,
    retriever,
    chatModel,
    prompts,
    lexicon,
    vectors,
    ...(overrides.scorer ? { scorer: overrides.scorer } : {}),
  });
  return { config, log, embeddings, kb, retriever, pipeline };
}
