// Ollama, a local model server: embeddings and chat models, via LangChain.
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

export async function ollamaEmbeddings(baseUrl: string, model: string): Promise<EmbeddingsInterface> {
  const { OllamaEmbeddings } = await import("@langchain/ollama");
  return new OllamaEmbeddings({ model, baseUrl, maxRetries: 1 });
}

export async function ollamaChat(baseUrl: string, model: string): Promise<BaseChatModel> {
  const { ChatOllama } = await import("@langchain/ollama");
  return new ChatOllama({ model, baseUrl, temperature: 0, maxRetries: 0 });
}
