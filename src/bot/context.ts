// The bot's context type and the dependencies it is built from: tests pass their own parts, main passes buildApp's.
import type { Composer, Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AnswerPipeline } from "../answer/pipeline.js";
import type { PassageIndex } from "../index/passage-index.js";
import type { Logger } from "../logger.js";
import type { Conversations } from "./conversations.js";
import type { FeedbackLog } from "./feedback-log.js";
import type { Lang, Strings } from "./i18n.js";
import type { Suggestions } from "./suggestions.js";

export type BotContext = Context & {
  /** The user's language, from Telegram's language_code. */
  lang: Lang;
  /** The bot's own strings in that language. */
  t: Strings;
};

export interface BotDeps {
  pipeline: AnswerPipeline;
  /** The live index: read on every use, so a reindex is seen at once. */
  kb: { index(): PassageIndex };
  log: Logger;
  /** Where 👍/👎 go; defaults to DATA_DIR/feedback.jsonl. */
  feedback?: FeedbackLog;
  /** Mounted first inside the error boundary, before /help and the question handler (admin commands, issue 6). */
  adminFeature?: Composer<BotContext>;
  /** The rate limit's window (default a minute; tests shorten it). */
  rateWindowMs?: number;
  /** Conversation state (default: in memory, saved to DATA_DIR/conversations.json). */
  conversations?: Conversations;
  /** Questions offered when an answer abstains (default: worked out from the live index on first need). */
  suggestions?: Suggestions;
  /** Skips getMe at start (tests). */
  botInfo?: UserFromGetMe;
}
