// Builds the bot: API transformers, per-chat ordering, language, then one composer per feature inside an error boundary
// (admin, /start and /help, /new, source buttons, votes, small talk, questions).
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { Config } from "../config.js";
import type { BotContext, BotDeps } from "./context.js";
import { apologize, logUnhandled } from "./error-boundary.js";
import { feedbackFeature } from "./features/feedback.js";
import { sourceButtonFeature } from "./features/source-button.js";
import { askFeature } from "./features/ask.js";
import { conversationFeature } from "./features/conversation.js";
import { smallTalkFeature } from "./features/small-talk.js";
import { ConversationState } from "./conversation-state.js";
import { Conversations } from "./conversations.js";
import { startFeature } from "./features/start.js";
import { JsonlFeedbackLog } from "./feedback-log.js";
import { missingTokenError } from "./missing-token.js";
import { i18n } from "./i18n.js";
import { inFlightOf } from "./in-flight.js";
import { networkRetry, retryLine } from "./network-retry.js";
import { RecentAnswers } from "./recent-answers.js";
import { Suggestions } from "./suggestions.js";

export type BotConfig = Pick<
  Config,
  "TELEGRAM_BOT_TOKEN" | "TELEGRAM_API_ROOT" | "RATE_LIMIT_PER_MINUTE" | "MAX_QUESTION_CHARS" | "dataDir"
>;

export function createBot(config: BotConfig, deps: BotDeps): Bot<BotContext> {
  if (!config.TELEGRAM_BOT_TOKEN) throw missingTokenError();
  const bot = new Bot<BotContext>(config.TELEGRAM_BOT_TOKEN, {
    client: { apiRoot: config.TELEGRAM_API_ROOT },
    botInfo: deps.botInfo,
  });
  // Waits out 429s (up to a minute). Network errors: auto-retry would retry them forever, so it rethrows them and
  // networkRetry tries a transport failure three more times within seconds; after that the error boundary has it.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  bot.api.config.use(
    networkRetry({
      onRetry: (method, code, attempt) => deps.log.warn(retryLine(method, code, attempt)),
    }),
  );

  const recent = new RecentAnswers();
  const state = new ConversationState(deps.conversations ?? new Conversations(), config.dataDir, deps.log);
  bot.use(inFlightOf(bot).middleware());
  bot.use(sequentialize((ctx: BotContext) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(i18n());

  const features = bot.errorBoundary(apologize(deps.log));
  // Admin first: an admin's /help adds the admin commands to the general one.
  if (deps.adminFeature) features.use(deps.adminFeature);
  features.use(startFeature(deps));
  features.use(conversationFeature(state));
  features.use(sourceButtonFeature(deps, recent));
  features.use(feedbackFeature(deps.feedback ?? JsonlFeedbackLog.inDataDir(config.dataDir), recent));
  features.use(smallTalkFeature(deps.log));
  const suggestions = deps.suggestions ?? new Suggestions(deps.pipeline, deps.kb);
  features.use(askFeature(config, deps, recent, state, suggestions));
  // A button nobody handles (an old keyboard, a removed feature) still gets its spinner stopped.
  features.on("callback_query", (ctx) => ctx.answerCallbackQuery());

  bot.catch(logUnhandled(deps.log));
  return bot;
}
