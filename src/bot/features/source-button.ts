// A source button: opens the whole passage under the answer, quote in bold, by editing the answer in place (pressed
// again, it closes). A forgotten answer (after a restart) or one too long to edit gets the passage as a new message;
// a passage gone after a reindex is said to have changed.
import { Composer } from "grammy";
import { answerView } from "../answer-view.js";
import { type CallbackAction, parseCallbackData } from "../callback-data.js";
import type { BotContext, BotDeps } from "../context.js";
import { locate } from "../location.js";
import type { RecentAnswers } from "../recent-answers.js";
import { renderAnswer } from "../render-answer.js";
import { renderPassage } from "../render-passage.js";
import { sendHtml } from "../send-html.js";

export function sourceButtonFeature(deps: Pick<BotDeps, "kb">, recent: RecentAnswers): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^s:/, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== "show") return ctx.answerCallbackQuery();
    const answer = recent.get(action.answerId);
    const index = deps.kb.index();
    const citation = answer?.citations.find((c) => c.n === action.n);
    const passage = citation ? index.passageById(citation.passageId) : undefined;
    const message = ctx.callbackQuery.message;
    if (answer && message && (action.n === 0 || passage)) {
      const expanded = passage && action.n > 0 ? { n: action.n, passage } : undefined;
      const whole = renderAnswer(answer, ctx.t, action.answerId, answerView(index, expanded));
      const before = renderAnswer(answer, ctx.t, action.answerId, answerView(index));
      // An answer of one message is edited in place; a longer one would lose its other parts.
      if (whole.messages.length === 1 && before.messages.length === 1) {
        await ctx.answerCallbackQuery();
        await ctx.editMessageText(whole.messages[0]!, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: whole.keyboard,
        });
        return;
      }
    }
    if (action.n === 0 && !answer)
      return ctx.answerCallbackQuery({ text: ctx.t.sourceExpired, show_alert: true });
    return postPassage(ctx, deps, action);
  });

  // Buttons sent before answers were expandable in place.
  feature.callbackQuery(/^src:/, (ctx) => postPassage(ctx, deps, parseCallbackData(ctx.callbackQuery.data)));

  return feature;
}

async function postPassage(
  ctx: BotContext,
  deps: Pick<BotDeps, "kb">,
  action: CallbackAction | undefined,
): Promise<void> {
  const passageId = action?.kind === "source" || action?.kind === "show" ? action.passageId : undefined;
  const passage = passageId ? deps.kb.index().passageById(passageId) : undefined;
  if (!passage || !action || action.kind === "vote") {
    await ctx.answerCallbackQuery({ text: ctx.t.sourceChanged, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const { heading, paragraph } = locate(deps.kb.index(), passage.docId, action.start ?? passage.start);
  const messages = renderPassage(passage, ctx.t, action.start, action.end, ctx.t.where(heading, paragraph));
  await sendHtml(ctx, messages, { replyToMessageId: ctx.callbackQuery?.message?.message_id });
}
