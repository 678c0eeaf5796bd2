// /start, /help and /sources: what the bot knows and how to ask it.
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { sendHtml } from "../send-html.js";
import { splitHtml } from "../split-html.js";

export function startFeature(deps: Pick<BotDeps, "kb">): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", (ctx) =>
    sendHtml(ctx, [ctx.t.welcome(deps.kb.index().documentIds().length, ctx.t.examples)]),
  );

  feature.command("help", (ctx) => sendHtml(ctx, [ctx.t.help]));

  feature.command("sources", (ctx) => {
    const index = deps.kb.index();
    const ids = index.documentIds();
    if (ids.length === 0) return sendHtml(ctx, [ctx.t.sourcesEmpty]);
    const lines = ids.map((id, i) => {
      const doc = index.document(id);
      return ctx.t.sourceLine(i + 1, doc?.title || id, doc?.passageIds.length ?? 0);
    });
    return sendHtml(ctx, splitHtml([ctx.t.sourcesTitle(ids.length), ...lines]));
  });

  return feature;
}
