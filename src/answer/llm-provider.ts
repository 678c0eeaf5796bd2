// Chooses the chat model named by LLM_PROVIDER. OpenAI and Ollama are named here and nowhere else.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../config.js";
import { ConfigError } from "../errors.js";

type LlmConfig = Pick<
  Config,
  "LLM_PROVIDER" | "LLM_MODEL" | "LLM_TIMEOUT_MS" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OLLAMA_BASE_URL"
>;

/** The configured chat model, or undefined for LLM_PROVIDER=none (extractive answers). */
export async function createChatModel(config: LlmConfig): Promise<BaseChatModel | undefined> {
  switch (config.LLM_PROVIDER) {
    case "none":
      return undefined;
    case "openai": {
      if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
        throw new ConfigError(
          "OPENAI_API_KEY",
          "is required for LLM_PROVIDER=openai",
          "an API key, or OPENAI_BASE_URL of a compatible server",
        );
      }
      const { ChatOpenAI } = await import("@langchain/openai");
      return new ChatOpenAI({
        model: config.LLM_MODEL ?? "gpt-4o-mini",
        apiKey: config.OPENAI_API_KEY ?? "not-needed",
        configuration: { baseURL: config.OPENAI_BASE_URL },
        temperature: 0,
        timeout: config.LLM_TIMEOUT_MS,
        maxRetries: 0,
      });
    }
    case "ollama": {
      const { ChatOllama } = await import("@langchain/ollama");
      return new ChatOllama({
        model: config.LLM_MODEL ?? "llama3.1",
        baseUrl: config.OLLAMA_BASE_URL,
        temperature: 0,
        maxRetries: 0,
      });
    }
  }
}
