// Chooses the embeddings implementation named by EMBEDDINGS_PROVIDER; remote vendors live in src/vendors/.
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import { ConfigError, ProviderUnavailableError } from "../errors.js";
import { ollamaEmbeddings } from "../vendors/ollama.js";
import { openAiEmbeddings } from "../vendors/openai.js";
import { LocalHashEmbeddings } from "./local.js";

export interface EmbeddingsChoice {
  embeddings: EmbeddingsInterface;
  provider: Config["EMBEDDINGS_PROVIDER"];
  model: string;
  /** How the vectors are made when the model's name does not say it (the local hashing scheme's version). */
  revision?: number;
}

type EmbeddingsConfig = Pick<
  Config,
  "EMBEDDINGS_PROVIDER" | "EMBEDDINGS_MODEL" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OLLAMA_BASE_URL"
>;

export async function createEmbeddings(config: EmbeddingsConfig): Promise<EmbeddingsChoice> {
  const provider = config.EMBEDDINGS_PROVIDER;
  switch (provider) {
    case "local": {
      const model = config.EMBEDDINGS_MODEL ?? "hash-512";
      const m = /^hash-(\d+)$/.exec(model);
      if (!m || Number(m[1]) < 16 || Number(m[1]) > 8192) {
        throw new ConfigError(
          "EMBEDDINGS_MODEL",
          `"${model}" is not a local model`,
          "hash-N with N from 16 to 8192, e.g. hash-512",
        );
      }
      const embeddings = new LocalHashEmbeddings({ dimension: Number(m[1]) });
      return { embeddings, provider, model, revision: LocalHashEmbeddings.REVISION };
    }
    case "openai": {
      const model = config.EMBEDDINGS_MODEL ?? "text-embedding-3-small";
      return { embeddings: await openAiEmbeddings(config, model), provider, model };
    }
    case "ollama": {
      const model = config.EMBEDDINGS_MODEL ?? "nomic-embed-text";
      return { embeddings: await ollamaEmbeddings(config.OLLAMA_BASE_URL, model), provider, model };
    }
    case "transformers":
      return transformersEmbeddings(config.EMBEDDINGS_MODEL ?? "Xenova/all-MiniLM-L6-v2");
  }
}

/** Transformers.js runs models locally, but only with its package installed and the model's files already on disk. */
async function transformersEmbeddings(model: string): Promise<EmbeddingsChoice> {
  const hint =
    "Install it with `ONNXRUNTIME_NODE_INSTALL=skip npm install @huggingface/transformers` and put the model's files in its local cache, or use EMBEDDINGS_PROVIDER=local.";
  try {
    await import(/* @vite-ignore */ "@huggingface/transformers" as string);
  } catch (cause) {
    throw new ProviderUnavailableError(
      "transformers",
      "the package @huggingface/transformers is not installed",
      hint,
      cause,
    );
  }
  const { HuggingFaceTransformersEmbeddings } = await import(
    "@langchain/community/embeddings/huggingface_transformers"
  );
  const inner = new HuggingFaceTransformersEmbeddings({ model });
  // Model loading happens on first use; turn its network failure into a clear message.
  const guard = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (cause) {
      throw new ProviderUnavailableError(
        "transformers",
        `model "${model}" cannot be loaded offline`,
        hint,
        cause,
      );
    }
  };
  const embeddings: EmbeddingsInterface = {
    embedDocuments: (texts) => guard(() => inner.embedDocuments(texts)),
    embedQuery: (text) => guard(() => inner.embedQuery(text)),
  };
  return { embeddings, provider: "transformers", model };
}
