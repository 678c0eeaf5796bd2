// A user in one chat, talking to the bot through the emulator's client routes, and reading what the bot sent there.
import type { StoredBotUpdate } from "telegram-test-api/lib/telegramServer.js";
import type { BotApiEmulator } from "./emulator.js";

export const BOT = { id: 666, is_bot: true, first_name: "Test First name", username: "TestNameBot" };

export interface ChatOptions {
  userId: number;
  chatId?: number;
  type?: "private" | "group" | "supergroup";
  languageCode?: string;
}

/** What the bot sent: the raw sendMessage payload as the emulator stored it, with its message id. */
export interface BotMessage {
  messageId: number;
  text: string;
  parseMode?: string;
  replyTo?: number;
  buttons: { text: string; callback_data: string }[];
}

export class UserChat {
  readonly chatId: number;
  private readonly client;
  private seen = 0;

  constructor(
    private readonly emulator: BotApiEmulator,
    token: string,
    private readonly options: ChatOptions,
  ) {
    this.chatId = options.chatId ?? options.userId;
    this.client = emulator.getClient(token, {
      userId: options.userId,
      chatId: this.chatId,
      type: options.type ?? "private",
      chatTitle: options.type && options.type !== "private" ? "Test group" : "Test Name",
    });
  }

  /** Sends a text message (a command when it starts with "/"); returns its message id. */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<number> {
    const from = { language_code: this.options.languageCode ?? "en" };
    if (text.startsWith("/"))
      await this.client.sendCommand(this.client.makeCommand(text, { from, ...extra }));
    else await this.client.sendMessage(this.client.makeMessage(text, { from, ...extra }));
    const sent = this.emulator.storage.userMessages.findLast(
      (u) => "message" in u && u.message.chat.id === this.chatId && u.message.text === text,
    );
    if (!sent) throw new Error(`message "${text}" not stored by the emulator`);
    return sent.messageId;
  }

  /** Sends a document, with an optional caption; returns its message id. */
  async sendDocument(document: import("./emulator.js").TelegramDocument, caption?: string): Promise<number> {
    const from = { language_code: this.options.languageCode ?? "en" };
    const base = this.client.makeMessage("", { from }) as unknown as Record<string, unknown>;
    const { text: _text, ...message } = base;
    await this.client.sendMessage({ ...message, document, ...(caption ? { caption } : {}) } as never);
    const sent = this.emulator.storage.userMessages.findLast(
      (u) =>
        "message" in u &&
        u.message.chat.id === this.chatId &&
        (u.message as { document?: { file_id: string } }).document?.file_id === document.file_id,
    );
    if (!sent) throw new Error("document not stored by the emulator");
    return sent.messageId;
  }

  /** Sends a sticker (an emoji-only sticker, as Telegram's clients do), with extra message fields; returns its id. */
  async sendSticker(emoji: string, extra: Record<string, unknown> = {}): Promise<number> {
    const from = { language_code: this.options.languageCode ?? "en" };
    const base = this.client.makeMessage("", { from, ...extra }) as unknown as Record<string, unknown>;
    const { text: _text, ...message } = base;
    const file_id = `sticker-${Date.now()}-${Math.random()}`;
    const sticker = {
      file_id,
      file_unique_id: file_id,
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji,
    };
    await this.client.sendMessage({ ...message, sticker } as never);
    const sent = this.emulator.storage.userMessages.findLast(
      (u) => "message" in u && (u.message as { sticker?: { file_id: string } }).sticker?.file_id === file_id,
    );
    if (!sent) throw new Error("sticker not stored by the emulator");
    return sent.messageId;
  }

  /** Treats every message the bot already sent here as read (a second UserChat on the same chat). */
  catchUp(): this {
    this.seen = this.mine().length;
    return this;
  }

  /** The current text of a message the bot sent (after any edits). */
  textOf(messageId: number): string {
    const m = this.mine().find((u) => u.messageId === messageId);
    return (m?.message as { text?: string } | undefined)?.text ?? "";
  }

  /** One of the bot's messages here as it is now (after any edits). */
  current(messageId: number): BotMessage {
    const m = this.mine().find((u) => u.messageId === messageId);
    if (!m) throw new Error(`no bot message ${messageId} in chat ${this.chatId}`);
    return toBotMessage(m);
  }

  /** Presses an inline button under one of the bot's messages. */
  async press(message: BotMessage, callbackData: string): Promise<void> {
    const query = this.client.makeCallbackQuery(callbackData, {
      from: { language_code: this.options.languageCode ?? "en" },
      message: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        text: message.text,
        from: BOT,
        chat: { id: this.chatId, type: this.options.type ?? "private" },
      },
    });
    // makeCallbackQuery shares one object between `from` and `message.from`: merging the bot into the latter would
    // make the bot the presser. The presser is this user, as in Telegram.
    query.from = {
      id: this.options.userId,
      is_bot: false,
      first_name: "Test Name",
      language_code: this.options.languageCode ?? "en",
    } as typeof query.from;
    await this.client.sendCallback(query);
  }

  /** Waits until the bot has sent `count` new messages to this chat, and returns them. */
  async replies(count = 1, timeoutMs = 20_000): Promise<BotMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = this.mine().slice(this.seen);
      if (fresh.length >= count) {
        this.seen += count;
        return fresh.slice(0, count).map(toBotMessage);
      }
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} new bot message(s) in chat ${this.chatId}, got ${fresh.length}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async reply(timeoutMs?: number): Promise<BotMessage> {
    return (await this.replies(1, timeoutMs))[0]!;
  }

  /** Messages the bot sent here that no call to replies() has returned yet. */
  pending(): BotMessage[] {
    return this.mine().slice(this.seen).map(toBotMessage);
  }

  private mine(): StoredBotUpdate[] {
    return this.emulator.storage.botMessages.filter((m) => String(m.message.chat_id) === String(this.chatId));
  }
}

function toBotMessage(stored: StoredBotUpdate): BotMessage {
  const m = stored.message as unknown as {
    text: string;
    parse_mode?: string;
    reply_parameters?: { message_id: number };
    reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
  };
  return {
    messageId: stored.messageId,
    text: m.text,
    parseMode: m.parse_mode,
    replyTo: m.reply_parameters?.message_id,
    buttons: m.reply_markup?.inline_keyboard?.flat() ?? [],
  };
}

/** Asks `probe` every 25 ms until it gives a value, for at most `timeoutMs`. */
export async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
