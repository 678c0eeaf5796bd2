// Tells the sender of an update set aside by the journal (it stopped the bot at every attempt) that it was not
// handled, and logs it: the last step of breaking a crash loop instead of replaying the update forever.
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import { describeError } from "./error-boundary.js";
import { stringsFor } from "./i18n.js";
import { SET_ASIDE_FILE, type SetAside } from "./update-journal.js";

/** The chat, the message to reply to, and the sender's language of a message or a button press. */
function origin(update: Update) {
  const message = update.message ?? update.callback_query?.message;
  const from = update.message?.from ?? update.callback_query?.from;
  if (!message) return undefined;
  return { chatId: message.chat.id, messageId: message.message_id, lang: from?.language_code };
}

export async function reportSetAside(api: Api, items: SetAside[], log: Logger): Promise<void> {
  for (const { update, tries } of items) {
    log.warn(
      `update ${update.update_id} was set aside after ${tries} attempts that each ended with the bot stopping; it is kept in DATA_DIR/${SET_ASIDE_FILE}`,
    );
    const from = origin(update);
    if (!from) continue;
    await api
      .sendMessage(from.chatId, stringsFor(from.lang).setAside, {
        reply_parameters: { message_id: from.messageId, allow_sending_without_reply: true },
      })
      .catch((e: unknown) => log.warn(`could not tell chat ${from.chatId}: ${describeError(e)}`));
  }
}
