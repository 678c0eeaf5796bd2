// Watches what the bot sends through the emulator: which question each message replies to, when it arrived, and the
// messages and edits an admin waits for. Event-driven, so thousands of waiting users cost nothing while they wait.
import type { StoredBotUpdate } from "telegram-test-api/lib/telegramServer.js";
import type { BotApiEmulator, BotEdit } from "./emulator.js";

export interface Asked {
  messageId: number;
  chatId: number;
  sentAt: number;
  /** When the first message replying to it arrived. */
  firstReplyAt?: number;
  firstReplyText?: string;
  /** Messages replying to it (an answer replies once; more is a duplicate). */
  replies: number;
}

type Waiter<T> = { test: (value: T) => boolean; resolve: (value: T) => void };

export class ReplyTracker {
  readonly asked = new Map<number, Asked>();
  private readonly replyWaiters = new Map<number, (a: Asked) => void>();
  private readonly messageWaiters = new Set<Waiter<StoredBotUpdate>>();
  private readonly editWaiters = new Set<Waiter<BotEdit>>();

  constructor(private readonly emulator: BotApiEmulator) {
    emulator.on("botMessage", this.onMessage);
    emulator.on("botEdit", this.onEdit);
  }

  detach(): void {
    this.emulator.off("botMessage", this.onMessage);
    this.emulator.off("botEdit", this.onEdit);
  }

  /** Starts timing a message a user just sent. */
  track(messageId: number, chatId: number): Asked {
    const asked: Asked = { messageId, chatId, sentAt: performance.now(), replies: 0 };
    this.asked.set(messageId, asked);
    return asked;
  }

  /** Resolves with the question once something replies to it, or with undefined after `timeoutMs`. */
  replyTo(asked: Asked, timeoutMs: number): Promise<Asked | undefined> {
    if (asked.firstReplyAt !== undefined) return Promise.resolve(asked);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.replyWaiters.delete(asked.messageId);
        resolve(undefined);
      }, timeoutMs);
      this.replyWaiters.set(asked.messageId, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
    });
  }

  /** The next message the bot sends that passes `test`. */
  nextMessage(
    test: (m: StoredBotUpdate) => boolean,
    timeoutMs: number,
  ): Promise<StoredBotUpdate | undefined> {
    return this.wait(this.messageWaiters, test, timeoutMs);
  }

  /** The next edit the bot makes that passes `test`. */
  nextEdit(test: (e: BotEdit) => boolean, timeoutMs: number): Promise<BotEdit | undefined> {
    return this.wait(this.editWaiters, test, timeoutMs);
  }

  private wait<T>(list: Set<Waiter<T>>, test: (v: T) => boolean, timeoutMs: number): Promise<T | undefined> {
    return new Promise((resolve) => {
      const waiter: Waiter<T> = {
        test,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      };
      const timer = setTimeout(() => {
        list.delete(waiter);
        resolve(undefined);
      }, timeoutMs);
      list.add(waiter);
    });
  }

  private readonly onMessage = (stored: StoredBotUpdate): void => {
    const to = (stored.message as { reply_parameters?: { message_id?: number } }).reply_parameters
      ?.message_id;
    const asked = to === undefined ? undefined : this.asked.get(Number(to));
    if (asked) {
      asked.replies++;
      if (asked.firstReplyAt === undefined) {
        asked.firstReplyAt = performance.now();
        asked.firstReplyText = stored.message.text;
        this.replyWaiters.get(asked.messageId)?.(asked);
        this.replyWaiters.delete(asked.messageId);
      }
    }
    settle(this.messageWaiters, stored);
  };

  private readonly onEdit = (edit: BotEdit): void => {
    settle(this.editWaiters, edit);
  };
}

/** Resolves, and removes, the waiters whose test passes. */
function settle<T>(waiters: Set<Waiter<T>>, value: T): void {
  for (const w of waiters) {
    if (!w.test(value)) continue;
    waiters.delete(w);
    w.resolve(value);
  }
}
