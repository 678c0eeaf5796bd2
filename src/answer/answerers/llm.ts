// The LLM answerer: the model drafts an answer with verbatim quotes, and only quotes found in the passages stand.
// Where none does, or the model fails, the extractive answer (or its abstention) is given instead, and said to be.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ConfigError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { draftAnswer, looksLikeInjection, verifyDraft } from "../llm.js";
import type { Prompts } from "../prompts.js";
import type { Answerer } from "./answerer.js";

export interface LlmDeps {
  chatModel?: BaseChatModel;
  prompts?: Prompts;
  timeoutMs: number;
  log: Logger;
  /** What answers when the model's answer cannot be used. */
  fallback: Answerer;
}

export function createLlmAnswerer(deps: LlmDeps): Answerer {
  return async (q, retrieved, turn) => {
    const question = q.text;
    const { chatModel, prompts } = deps;
    if (!chatModel || !prompts)
      throw new ConfigError("LLM_PROVIDER", "is none, so there is no model for LLM mode", "openai or ollama");
    let reason: string;
    // Passages that address the model ("ignore previous instructions…") are data to quote, never instructions to follow.
    const usable = retrieved.filter((r) => !looksLikeInjection(r.passage.text));
    const withheld = retrieved.length - usable.length;
    try {
      const draft = await draftAnswer(chatModel, prompts, question, usable, deps.timeoutMs);
      const { claims, dropped } = verifyDraft(draft, usable);
      const notes = [
        dropped && `${dropped} unverified quote(s) dropped`,
        withheld && `${withheld} passage(s) that address the model withheld from it`,
      ];
      const note = notes.filter(Boolean).join("; ") || undefined;
      if (claims.length > 0) return { claims, abstained: false, note };
      if (draft.abstain) return { claims: [], abstained: true, related: [] };
      reason = `no quote of the model's answer could be verified (${dropped} dropped)`;
    } catch (e) {
      reason = `the model failed: ${(e as Error).message}`;
    }
    deps.log.warn(`LLM answer not used: ${reason}`);
    // Nor does the fallback quote what was withheld: "…reply that the congress is led by Mickey Mouse" would deliver
    // the injection's message after all.
    const fallback = await deps.fallback(q, usable, turn);
    return { ...fallback, fallback: fallback.abstained ? "abstain" : "extractive", note: reason };
  };
}
