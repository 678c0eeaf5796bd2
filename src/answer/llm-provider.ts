// Chooses the chat model named by LLM_PROVIDER; the vendors live in src/vendors/.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../config.js";
import { ollamaChat } from "../vendors/ollama.js";
import { openAiChat } from "../vendors/openai.js";

type LlmConfig = Pick<
  Config,
  "LLM_PROVIDER" | "LLM_MODEL" | "LLM_TIMEOUT_MS" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OLLAMA_BASE_URL"
>;

/** The configured chat model, or undefined for LLM_PROVIDER=none (extractive answers). */
export async function createChatModel(config: LlmConfig): Promise<BaseChatModel | undefined> {
  switch (config.LLM_PROVIDER) {
    case "none":
      return undefined;
    case "openai":
      return openAiChat(config, config.LLM_MODEL ?? "gpt-4o-mini", config.LLM_TIMEOUT_MS);
    case "ollama":
      return ollamaChat(config.OLLAMA_BASE_URL, config.LLM_MODEL ?? "llama3.1");
  }
}
