// Questions: plain text in private chats; in groups a mention, a reply to the bot, or /ask. Each is read with the
// chat's recent turns (or, for a reply to one of the bot's answers, that answer's turn), limited per user by a queue
// that delays rather than drops, then answered.
import { setTimeout as sleep } from "node:timers/promises";
import { Composer } from "grammy";
import { type Turn, turnOf } from "../../answer/follow-up.js";
import type { Config } from "../../config.js";
import { isCommand, questionFor } from "../addressing.js";
import type { BotContext, BotDeps } from "../context.js";
import type { ConversationState } from "../conversation-state.js";
import type { Conversations } from "../conversations.js";
import { replyTo } from "../error-boundary.js";
import { RateQueue } from "../rate-queue.js";
import type { RecentAnswers } from "../recent-answers.js";
import { renderAnswer } from "../render-answer.js";
import { answerView } from "../answer-view.js";
import { sendHtml } from "../send-html.js";
import type { Suggestions } from "../suggestions.js";
import { withTyping } from "../typing.js";

type AskConfig = Pick<Config, "RATE_LIMIT_PER_MINUTE" | "MAX_QUESTION_CHARS">;

export function askFeature(
  config: AskConfig,
  deps: BotDeps,
  recent: RecentAnswers,
  state: ConversationState,
  suggestions: Suggestions,
): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const perMinute = config.RATE_LIMIT_PER_MINUTE;
  const queue = new RateQueue(perMinute, deps.rateWindowMs ?? 60_000);

  const answer = async (ctx: BotContext, question: string) => {
    if (!question) return notify(ctx, ctx.t.askUsage);
    const turn = queue.reserve(String(ctx.from?.id ?? ctx.chat?.id));
    if ("refused" in turn) return notify(ctx, ctx.t.rateRefused(perMinute, seconds(turn.retryMs)));
    if (turn.waitMs > 0) {
      if (turn.notice) await notify(ctx, ctx.t.rateLimited(perMinute, seconds(turn.waitMs)));
      await sleep(turn.waitMs);
    }
    const length = Array.from(question).length;
    if (length > config.MAX_QUESTION_CHARS)
      return notify(ctx, ctx.t.tooLong(length, config.MAX_QUESTION_CHARS));
    const conversations = await state.ready();
    const chatId = ctx.chat!.id;
    const history = threadOf(ctx, conversations) ?? conversations.history(chatId);
    const result = await withTyping(ctx, deps.log, () => deps.pipeline.ask(question, { history }));
    const index = deps.kb.index();
    const view = answerView(index);
    if (result.abstained) view.suggestions = await suggested(suggestions, ctx, deps);
    const rendered = renderAnswer(result, ctx.t, recent.remember(result, chatId), view);
    const sent = await sendHtml(ctx, rendered.messages, {
      replyToMessageId: ctx.msg?.message_id,
      keyboard: rendered.keyboard,
    });
    conversations.record(
      chatId,
      turnOf(question, result),
      history,
      sent.map((m) => m.message_id),
    );
    await state.save();
    deps.log.debug(
      `update ${ctx.update.update_id}: answered in ${sent.length} message(s), ${result.citations.length} citation(s)` +
        `${result.abstained ? ", abstained" : ""}, ${history.length} earlier turn(s), ${result.timings.totalMs.toFixed(0)} ms`,
    );
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

/** A reply to one of the bot's answers continues that answer's turn, whatever the chat said since. */
function threadOf(ctx: BotContext, conversations: Conversations): Turn[] | undefined {
  const replied = ctx.msg?.reply_to_message;
  if (!replied || replied.from?.id !== ctx.me.id || !ctx.chat) return undefined;
  return conversations.thread(ctx.chat.id, replied.message_id);
}

/** Questions to offer with an abstention; none when they cannot be worked out (the answer goes out regardless). */
async function suggested(suggestions: Suggestions, ctx: BotContext, deps: BotDeps): Promise<string[]> {
  try {
    return await suggestions.for(ctx.lang);
  } catch (e) {
    deps.log.warn(`no suggested questions: ${(e as Error).message}`);
    return [];
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** A short reply to the user's message (usage, limits), in HTML. */
async function notify(ctx: BotContext, html: string): Promise<void> {
  const id = ctx.msg?.message_id;
  await ctx.reply(html, { parse_mode: "HTML", reply_parameters: id ? replyTo(id) : undefined });
}
