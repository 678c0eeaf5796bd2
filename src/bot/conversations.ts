// Conversation state per chat: the last few turns, forgotten after a silence, bounded in memory (least recently used
// chats go first), and the turn each of the bot's answers belongs to, so a reply to it can continue that thread.
import type { Turn } from "../answer/follow-up.js";

export interface ConversationLimits {
  /** Turns kept per chat. */
  turns: number;
  /** A chat silent this long starts afresh. */
  idleMs: number;
  /** Chats kept in memory. */
  chats: number;
  /** Answer messages remembered for reply threads. */
  answers: number;
}

export const CONVERSATION_LIMITS: ConversationLimits = {
  turns: 4,
  idleMs: 30 * 60_000,
  chats: 5000,
  answers: 20_000,
};

/** An answer's text is kept only for "he"/"she" follow-ups; its first part is enough. */
const ANSWER_CHARS = 600;
/** The passages an answer quoted, for follow-ups read next to them; an answer cites a few. */
const MAX_SOURCES = 5;

interface ChatState {
  turns: Turn[];
  at: number;
}

/** What is saved to disk: plain arrays, oldest first. */
export interface ConversationSnapshot {
  version: 1;
  chats: [string, ChatState][];
  answers: [string, Turn][];
}

export class Conversations {
  private readonly chats = new Map<string, ChatState>();
  private readonly answers = new Map<string, Turn>();

  constructor(
    private readonly limits: ConversationLimits = CONVERSATION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The chat's recent turns, oldest first; none after `idleMs` of silence. */
  history(chatId: number | string): Turn[] {
    const state = this.chats.get(String(chatId));
    if (!state || this.now() - state.at > this.limits.idleMs) return [];
    return [...state.turns];
  }

  /** The turn one of the bot's messages answered, as a history of one; undefined when not remembered. */
  thread(chatId: number | string, messageId: number): Turn[] | undefined {
    const turn = this.answers.get(`${chatId}:${messageId}`);
    return turn ? [turn] : undefined;
  }

  /** Adds a turn to the chat (after `history`), and remembers the messages that carried its answer. */
  record(chatId: number | string, turn: Turn, base: Turn[], messageIds: readonly number[] = []): void {
    const key = String(chatId);
    const kept: Turn = {
      ...turn,
      answer: turn.answer?.slice(0, ANSWER_CHARS),
      ...(turn.sources ? { sources: turn.sources.slice(0, MAX_SOURCES) } : {}),
    };
    const turns = [...base, kept].slice(-this.limits.turns);
    this.chats.delete(key);
    this.chats.set(key, { turns, at: this.now() });
    evict(this.chats, this.limits.chats);
    for (const id of messageIds) this.answers.set(`${key}:${id}`, kept);
    evict(this.answers, this.limits.answers);
  }

  /** /new: the chat's next question starts afresh (reply threads stay: a reply names its own context). */
  forget(chatId: number | string): boolean {
    return this.chats.delete(String(chatId));
  }

  snapshot(): ConversationSnapshot {
    const live = [...this.chats].filter(([, s]) => this.now() - s.at <= this.limits.idleMs);
    return { version: 1, chats: live, answers: [...this.answers] };
  }

  restore(snapshot: ConversationSnapshot): void {
    for (const [key, state] of snapshot.chats) this.chats.set(key, state);
    for (const [key, turn] of snapshot.answers) this.answers.set(key, turn);
    evict(this.chats, this.limits.chats);
    evict(this.answers, this.limits.answers);
  }
}

/** Drops the oldest entries (a Map keeps insertion order; a touched entry is re-inserted at the end). */
function evict<K, V>(map: Map<K, V>, capacity: number): void {
  while (map.size > capacity) {
    const oldest = map.keys().next().value as K;
    map.delete(oldest);
  }
}
