// One question answered and forgotten, so that what the first real question would wait for (the tagger's lazy
// parts, word lists) is loaded before a user asks: about 0.3 s here.
import type { AnswerPipeline } from "../answer/pipeline.js";
import type { Logger } from "../logger.js";

/** Answers an example question; a failure is logged, never fatal (answering works regardless). */
export async function warmUp(pipeline: AnswerPipeline, log: Logger): Promise<void> {
  const started = performance.now();
  try {
    // Extractive: loads the same parts without calling a configured LLM.
    await pipeline.ask("Who leads the congress?", { mode: "extractive" });
    log.debug(`warm-up question answered in ${(performance.now() - started).toFixed(0)} ms`);
  } catch (e) {
    log.warn(`warm-up question failed (answering works regardless): ${(e as Error).message}`);
  }
}
