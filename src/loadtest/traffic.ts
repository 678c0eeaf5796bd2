// The simulated people: users who ask, wait for the answer, think, and ask again until the question budget is spent;
// and an admin who keeps adding a note and removing it (with the confirmation button) while they do.
import type { BotApiEmulator } from "./emulator.js";
import { noteQuestion, noteText, QUESTIONS } from "./questions.js";
import type { Asked, ReplyTracker } from "./replies.js";

export interface Traffic {
  emulator: BotApiEmulator;
  tracker: ReplyTracker;
  token: string;
  /** Questions left to ask, shared by all users. */
  budget: { left: number };
  /** Waiting longer than this for an answer counts it lost. */
  timeoutMs: number;
  thinkMs: number;
  random: () => number;
}

export interface UserPlan {
  userId: number;
  chatId: number;
  /** In a group, questions go through /ask. */
  group: boolean;
}

export interface AdminStats {
  added: number;
  removed: number;
  failed: string[];
}

const from = (id: number) => ({ id, is_bot: false, first_name: `User ${id}`, language_code: "en" });

/** Sends a text (or command) as `user` into its chat, in-process; returns the message id. */
async function send(t: Traffic, user: UserPlan, text: string): Promise<number> {
  const client = t.emulator.getClient(t.token, {
    userId: user.userId,
    chatId: user.chatId,
    type: user.group ? "group" : "private",
    chatTitle: user.group ? `Load group ${user.chatId}` : "Load user",
  });
  const message = text.startsWith("/") ? client.makeCommand(text) : client.makeMessage(text);
  return (await t.emulator.deliver({ ...message, from: from(user.userId) } as never)).messageId;
}

/** One user's session: ask, wait, think, until the shared budget runs out. Returns what it asked. */
export async function userSession(t: Traffic, user: UserPlan, notes: () => number[]): Promise<Asked[]> {
  const asked: Asked[] = [];
  while (t.budget.left > 0) {
    t.budget.left--;
    const live = notes();
    const question =
      live.length > 0 && t.random() < 0.1
        ? noteQuestion(live[Math.floor(t.random() * live.length)]!)
        : QUESTIONS[Math.floor(t.random() * QUESTIONS.length)]!;
    const a = t.tracker.track(await send(t, user, user.group ? `/ask ${question}` : question), user.chatId);
    asked.push(a);
    await t.tracker.replyTo(a, t.timeoutMs);
    if (t.thinkMs > 0) await sleep(t.random() * t.thinkMs);
  }
  return asked;
}

/** Adds a note, waits, removes it through the confirmation button, waits; until `running()` turns false. */
export async function adminSession(
  t: Traffic,
  adminId: number,
  pauseMs: number,
  running: () => boolean,
  live: Set<number>,
): Promise<AdminStats> {
  const stats: AdminStats = { added: 0, removed: 0, failed: [] };
  const admin: UserPlan = { userId: adminId, chatId: adminId, group: false };
  for (let n = 1; running(); n++) {
    const docId = await addNote(t, admin, n);
    if (!docId) {
      stats.failed.push(`add ${n}`);
      continue;
    }
    stats.added++;
    live.add(n);
    await sleep(pauseMs);
    live.delete(n);
    if (await removeNote(t, admin, docId)) stats.removed++;
    else stats.failed.push(`remove ${docId}`);
    await sleep(pauseMs);
  }
  return stats;
}

/** /add with the note's text; the document id from the final status, or undefined when it failed. */
async function addNote(t: Traffic, admin: UserPlan, n: number): Promise<string | undefined> {
  const command = await send(t, admin, `/add ${noteText(n)}`);
  const status = await t.tracker.nextMessage(
    (m) =>
      (m.message as { reply_parameters?: { message_id: number } }).reply_parameters?.message_id === command,
    t.timeoutMs,
  );
  if (!status) return undefined;
  const final = await t.tracker.nextEdit(
    (e) => e.message_id === status.messageId && /^(✅|❌)/.test(e.text),
    t.timeoutMs,
  );
  return final?.text.startsWith("✅") ? /<code>([^<]+)<\/code>/.exec(final.text)?.[1] : undefined;
}

/** /remove, then a press on the confirmation's delete button; true once the bot says it is removed. */
async function removeNote(t: Traffic, admin: UserPlan, docId: string): Promise<boolean> {
  const isConfirmation = (m: { message: { chat_id: number | string; text: string } }) =>
    String(m.message.chat_id) === String(admin.chatId) && m.message.text.startsWith("Delete ");
  const confirmation = t.tracker.nextMessage(isConfirmation, t.timeoutMs);
  await send(t, admin, `/remove ${docId}`);
  const shown = await confirmation;
  const markup = shown?.message.reply_markup as
    | { inline_keyboard?: { callback_data?: string }[][] }
    | undefined;
  const data = markup?.inline_keyboard?.[0]?.[0]?.callback_data;
  if (!shown || !data) return false;
  const removed = t.tracker.nextEdit(
    (e) => e.message_id === shown.messageId && e.text.startsWith("🗑"),
    t.timeoutMs,
  );
  await t.emulator.deliverCallback({
    botToken: t.token,
    date: Math.floor(Date.now() / 1000),
    from: from(admin.userId),
    message: {
      message_id: shown.messageId,
      date: Math.floor(Date.now() / 1000),
      text: shown.message.text,
      chat: { id: admin.chatId, type: "private" },
    },
    data,
  } as never);
  return (await removed) !== undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
