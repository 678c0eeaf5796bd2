// 👍/👎 under an answer: recorded with the question and answer (one per user and answer, only from the answer's own
// chat, within a per-user cap), acknowledged with a short toast.
import { Composer } from "grammy";
import { parseCallbackData } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { FeedbackLog, FeedbackRecord } from "../feedback-log.js";
import type { RecentAnswers } from "../recent-answers.js";

export function feedbackFeature(log: FeedbackLog, recent: RecentAnswers): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^fb:/, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== "vote") return ctx.answerCallbackQuery();
    // A press carrying another chat's answer id (forged callback data) would file that chat's question under this one.
    const sentTo = recent.chatOf(action.answerId);
    if (sentTo !== undefined && sentTo !== ctx.chat?.id)
      return ctx.answerCallbackQuery({ text: ctx.t.voteElsewhere });
    const answer = recent.get(action.answerId);
    const message = ctx.callbackQuery.message;
    const record: FeedbackRecord = {
      at: new Date().toISOString(),
      vote: action.up ? "up" : "down",
      userId: ctx.from.id,
      chatId: ctx.chat?.id,
      answerId: action.answerId,
      // After a restart the answer is no longer remembered: keep what the messages themselves show.
      question: answer?.question ?? replyText(message),
      answer: answer?.answer ?? (message && "text" in message ? message.text : undefined),
      abstained: answer?.abstained,
      citations: answer?.citations.map(({ n, docId, start, end, passageId }) => ({
        n,
        docId,
        start,
        end,
        passageId,
      })),
    };
    const outcome = await log.record(record);
    await ctx.answerCallbackQuery({
      text: outcome === "capped" ? ctx.t.voteCapped : ctx.t.thanks(action.up),
    });
  });

  return feature;
}

function replyText(message: unknown): string | undefined {
  const reply = (message as { reply_to_message?: { text?: string } } | undefined)?.reply_to_message;
  return reply?.text;
}
