// The per-user rate limit, end to end: past RATE_LIMIT_PER_MINUTE the user is told once when the answers resume, and
// every question is answered in order once the window allows; nothing is silently dropped. Other users are unaffected.
import { afterAll, beforeAll, expect, it } from "vitest";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

let f: BotFixture;
beforeAll(async () => {
  // A one-second window instead of a minute, so that the queue drains within the test.
  f = await startFixture({ env: { RATE_LIMIT_PER_MINUTE: "5" }, deps: { rateWindowMs: 1000 } });
});
afterAll(async () => {
  await f?.close();
});

const QUESTIONS = [
  "Who leads the congress?",
  "Where did the fifth session open?",
  "When does the session end?",
];

it("a burst of 15 questions: every one answered in order or told when to ask again, none dropped", async () => {
  const chat = new UserChat(f.emulator, TOKEN, { userId: 7 });
  const sent: number[] = [];
  for (let i = 0; i < 15; i++) sent.push(await chat.say(`${QUESTIONS[i % 3]} (${i + 1})`));
  const other = new UserChat(f.emulator, TOKEN, { userId: 8 });
  await other.say("Where did the fifth session open?");
  expect((await other.reply()).text).toContain("Warsaw");

  // Each question gets exactly one reply that is an answer or a refusal naming when to ask again; notices come besides.
  const replies = new Map<number, string>();
  const notices: string[] = [];
  while (replies.size < 15) {
    const m = await chat.reply(30_000);
    if (m.text.includes("faster than I can keep up")) notices.push(m.text);
    else {
      expect(replies.has(m.replyTo!)).toBe(false);
      replies.set(m.replyTo!, m.text);
    }
  }
  expect([...replies.keys()]).toEqual(sent);
  for (const text of replies.values()) expect(text).toMatch(/\[1\]|ask it again in \d+ s/);
  expect(notices.length).toBeGreaterThanOrEqual(1);
  // One notice per backlog window: 15 questions at 5 a (shortened) window take about three windows.
  expect(notices.length).toBeLessThanOrEqual(3);
  expect(notices[0]).toMatch(/5 questions a minute.*in about \d+ s; nothing is lost/);
  await new Promise((r) => setTimeout(r, 300));
  expect(chat.pending()).toEqual([]);
}, 60_000);
