// Questions: plain text in private chats; in groups a mention, a reply to the bot, or /ask. Limited, then answered.
import { limit } from "@grammyjs/ratelimiter";
import { Composer } from "grammy";
import type { Config } from "../../config.js";
import { isCommand, questionFor } from "../addressing.js";
import type { BotContext, BotDeps } from "../context.js";
import { replyTo } from "../error-boundary.js";
import type { RecentAnswers } from "../recent-answers.js";
import { renderAnswer } from "../render-answer.js";
import { sendHtml } from "../send-html.js";
import { withTyping } from "../typing.js";

type AskConfig = Pick<Config, "RATE_LIMIT_PER_MINUTE" | "MAX_QUESTION_CHARS">;

export function askFeature(config: AskConfig, deps: BotDeps, recent: RecentAnswers): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const perMinute = config.RATE_LIMIT_PER_MINUTE;
  const limiter = limit<BotContext, never>({
    timeFrame: 60_000,
    limit: perMinute,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    // Returned, not fired and forgotten: the limiter hands it back, so a failed reply reaches the error boundary.
    onLimitExceeded: (ctx) => notify(ctx, ctx.t.rateLimited(perMinute)),
  });

  const answer = async (ctx: BotContext, question: string) => {
    if (!question) return notify(ctx, ctx.t.askUsage);
    await limiter(ctx, async () => {
      const length = Array.from(question).length;
      if (length > config.MAX_QUESTION_CHARS) {
        return notify(ctx, ctx.t.tooLong(length, config.MAX_QUESTION_CHARS));
      }
      const result = await withTyping(ctx, deps.log, () => deps.pipeline.ask(question));
      const { messages, keyboard } = renderAnswer(result, ctx.t, recent.remember(result, ctx.chat?.id));
      await sendHtml(ctx, messages, { replyToMessageId: ctx.msg?.message_id, keyboard });
      deps.log.debug(
        `update ${ctx.update.update_id}: answered in ${messages.length} message(s), ${result.citations.length} citation(s)` +
          `${result.abstained ? ", abstained" : ""}, ${result.timings.totalMs.toFixed(0)} ms`,
      );
    });
  };

  feature.command("ask", (ctx) => answer(ctx, ctx.match.trim()));

  feature.on("message:text", async (ctx, next) => {
    if (isCommand(ctx)) {
      if (ctx.chat.type === "private") await notify(ctx, ctx.t.unknownCommand);
      return;
    }
    const question = questionFor(ctx);
    if (question === undefined) return next();
    return answer(ctx, question);
  });

  return feature;
}

/** A short reply to the user's message (usage, limits), in HTML. */
async function notify(ctx: BotContext, html: string): Promise<void> {
  const id = ctx.msg?.message_id;
  await ctx.reply(html, { parse_mode: "HTML", reply_parameters: id ? replyTo(id) : undefined });
}
