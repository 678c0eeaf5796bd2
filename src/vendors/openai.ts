// OpenAI (and any OpenAI-compatible server through OPENAI_BASE_URL): embeddings and chat models, via LangChain.
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../config.js";
import { ConfigError } from "../errors.js";

type OpenAiConfig = Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL">;

/** A key is needed for OpenAI itself; a compatible local server (OPENAI_BASE_URL) may do without one. */
function credentials(config: OpenAiConfig, role: string) {
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
    throw new ConfigError(
      "OPENAI_API_KEY",
      `is required for ${role}=openai`,
      "an API key, or OPENAI_BASE_URL of a compatible server",
    );
  }
  return {
    apiKey: config.OPENAI_API_KEY ?? "not-needed",
    configuration: { baseURL: config.OPENAI_BASE_URL },
  };
}

export async function openAiEmbeddings(config: OpenAiConfig, model: string): Promise<EmbeddingsInterface> {
  const auth = credentials(config, "EMBEDDINGS_PROVIDER");
  const { OpenAIEmbeddings } = await import("@langchain/openai");
  return new OpenAIEmbeddings({ model, ...auth, maxRetries: 1 });
}

export async function openAiChat(
  config: OpenAiConfig,
  model: string,
  timeoutMs: number,
): Promise<BaseChatModel> {
  const auth = credentials(config, "LLM_PROVIDER");
  const { ChatOpenAI } = await import("@langchain/openai");
  return new ChatOpenAI({ model, ...auth, temperature: 0, timeout: timeoutMs, maxRetries: 0 });
}
