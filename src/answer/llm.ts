// LLM answering: asks the chat model for claims with verbatim quotes, then keeps only quotes found in the cited passage.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { z } from "zod";
import type { Passage, Span } from "../corpus/types.js";
import type { RetrievedPassage } from "../retrieval/retriever.js";
import { fill, type Prompts } from "./prompts.js";
import { locateQuote } from "./quotes.js";

const draftSchema = z.object({
  abstain: z.boolean().default(false),
  claims: z
    .array(
      z.object({
        text: z.string().min(1),
        quotes: z.array(z.object({ source: z.coerce.number().int(), quote: z.string() })).default([]),
      }),
    )
    .default([]),
});
export type Draft = z.infer<typeof draftSchema>;

export interface VerifiedClaim {
  text: string;
  refs: { passage: Passage; span: Span; score: number }[];
}

const INJECTION = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|guidelines)\b/is,
  /\b(you are now|act as|pretend to be|new instructions|system prompt)\b/i,
  /(игнорир\p{L}*|забудь\p{L}*|не обращай\p{L}*).{0,40}(инструкци\p{L}*|правил\p{L}*|указани\p{L}*)/isu,
];

/** True for a passage that talks to the model rather than about the world: it is kept out of the prompt. */
export function looksLikeInjection(text: string): boolean {
  return INJECTION.some((re) => re.test(text));
}

/** The model's reply was not the JSON object the prompt asks for. */
export class MalformedReplyError extends Error {}

function renderPassages(retrieved: RetrievedPassage[]): string {
  return retrieved
    .map(
      ({ passage }, i) =>
        `[${i + 1}] ${passage.title}${passage.heading ? ` — ${passage.heading}` : ""}\n${passage.text}`,
    )
    .join("\n\n");
}

/** Pulls the first JSON object out of a reply (models sometimes wrap it in fences or prose). */
export function parseDraft(reply: string): Draft {
  const from = reply.indexOf("{");
  const to = reply.lastIndexOf("}");
  if (from === -1 || to <= from) throw new MalformedReplyError("no JSON object in the reply");
  let json: unknown;
  try {
    json = JSON.parse(reply.slice(from, to + 1));
  } catch (e) {
    throw new MalformedReplyError(`reply is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = draftSchema.safeParse(json);
  if (!parsed.success)
    throw new MalformedReplyError(`reply has the wrong shape: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export async function draftAnswer(
  model: BaseChatModel,
  prompts: Prompts,
  question: string,
  retrieved: RetrievedPassage[],
  timeoutMs: number,
): Promise<Draft> {
  // Loaded here, in LLM mode only: LangChain's messages take about 0.4 s to load, which extractive answers skip.
  const { HumanMessage, SystemMessage } = await import("@langchain/core/messages");
  const messages = [
    new SystemMessage(prompts.system),
    new HumanMessage(fill(prompts.user, { passages: renderPassages(retrieved), question })),
  ];
  const reply = await model.invoke(messages, { signal: AbortSignal.timeout(timeoutMs), timeout: timeoutMs });
  const text =
    typeof reply.content === "string"
      ? reply.content
      : reply.content.map((c) => ("text" in c ? c.text : "")).join("");
  return parseDraft(text);
}

/** Keeps each quote only if it is really in the passage it names; claims left without a quote are dropped. */
export function verifyDraft(
  draft: Draft,
  retrieved: RetrievedPassage[],
): { claims: VerifiedClaim[]; dropped: number } {
  let dropped = 0;
  const claims: VerifiedClaim[] = [];
  for (const claim of draft.claims) {
    const refs: VerifiedClaim["refs"] = [];
    for (const q of claim.quotes) {
      const hit = retrieved[q.source - 1];
      const span = hit && locateQuote(hit.passage, q.quote);
      if (hit && span) refs.push({ passage: hit.passage, span, score: hit.score });
      else dropped++;
    }
    // A claim's own text must not smuggle citation marks of its own.
    if (refs.length > 0) claims.push({ text: claim.text.replace(/\s*\[\d+\]/g, "").trim(), refs });
  }
  return { claims, dropped };
}
