// Issue 22: votes were neither de-duplicated nor checked against the chat: 300 presses made 300 records, and a press
// carrying another chat's answer id was stored with that chat's question. Through the emulator, as users press.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FeedbackRecord, JsonlFeedbackLog } from "../../src/bot/feedback-log.js";
import { tempDir } from "../helpers/temp.js";
import { until } from "./helpers/bot-root.js";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

let f: BotFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f?.close();
});

async function records(file: string): Promise<FeedbackRecord[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as FeedbackRecord);
}

/** Presses a button and waits until the bot has answered that press. */
async function press(chat: UserChat, message: Parameters<UserChat["press"]>[0], data: string) {
  const answered = f.emulator.callbackAnswers.length;
  await chat.press(message, data);
  await until(() => f.emulator.callbackAnswers.length > answered, "the press to be answered");
  return f.emulator.callbackAnswers.at(-1)!;
}

describe("votes", () => {
  it("keep one record per user and answer: 40 presses of 👍, then 👎, leave one 👎", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: 3100 });
    await chat.say("Where did the fifth session open?");
    const answer = await chat.reply();
    const up = answer.buttons.find((b) => b.text === "👍")!.callback_data;
    const down = answer.buttons.find((b) => b.text === "👎")!.callback_data;
    for (let i = 0; i < 40; i++) await press(chat, answer, up);
    expect((await press(chat, answer, down)).text).toContain("Thanks");
    const mine = (await records(path.join(f.config.dataDir, "feedback.jsonl"))).filter(
      (r) => r.userId === 3100,
    );
    expect(mine).toEqual([
      expect.objectContaining({ vote: "down", question: "Where did the fifth session open?" }),
    ]);
  });

  it("count only from the chat the answer was sent to", async () => {
    const asker = new UserChat(f.emulator, TOKEN, { userId: 3200 });
    await asker.say("Who leads the congress?");
    const answer = await asker.reply();
    const up = answer.buttons.find((b) => b.text === "👍")!.callback_data;
    // Another user, in their own chat, sends a press carrying the first chat's answer id.
    const other = new UserChat(f.emulator, TOKEN, { userId: 3300 });
    await other.say("Where did the fifth session open?");
    const own = await other.reply();
    const toast = await press(other, own, up);
    expect(toast.text).toMatch(/another chat/);
    const stored = await records(path.join(f.config.dataDir, "feedback.jsonl"));
    expect(stored.filter((r) => r.userId === 3300)).toEqual([]);
  });
});

describe("the vote log", () => {
  it("refuses a user's votes past the cap, and counts others apart", async () => {
    const log = JsonlFeedbackLog.inDataDir(await tempDir(), { votes: 3, windowMs: 3_600_000 });
    const vote = (userId: number, answerId: string, up = true): FeedbackRecord => ({
      at: new Date().toISOString(),
      vote: up ? "up" : "down",
      userId,
      answerId,
    });
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await log.record(vote(1, `answer${i}`)));
    expect(outcomes).toEqual(["recorded", "recorded", "recorded", "capped", "capped"]);
    // The same vote again costs nothing; a change counts against the cap.
    expect(await log.record(vote(1, "answer0"))).toBe("unchanged");
    expect(await log.record(vote(1, "answer0", false))).toBe("capped");
    expect(await log.record(vote(2, "answer0"))).toBe("recorded");
    expect((await records(log.file)).map((r) => `${r.userId}:${r.answerId}`)).toEqual([
      "1:answer0",
      "1:answer1",
      "1:answer2",
      "2:answer0",
    ]);
  });

  it("replaces a changed vote in place, and reads the file back after a restart", async () => {
    const dir = await tempDir();
    const first = JsonlFeedbackLog.inDataDir(dir);
    const at = new Date().toISOString();
    await first.record({ at, vote: "up", userId: 1, answerId: "a" });
    await first.record({ at, vote: "up", userId: 1, answerId: "b" });
    const restarted = JsonlFeedbackLog.inDataDir(dir);
    expect(await restarted.record({ at, vote: "up", userId: 1, answerId: "a" })).toBe("unchanged");
    expect(await restarted.record({ at, vote: "down", userId: 1, answerId: "a" })).toBe("changed");
    expect((await records(restarted.file)).map((r) => `${r.answerId}:${r.vote}`)).toEqual(["a:down", "b:up"]);
  });
});
