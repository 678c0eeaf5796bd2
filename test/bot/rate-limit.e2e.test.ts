// The per-user rate limit, end to end: past RATE_LIMIT_PER_MINUTE questions the user gets one friendly message.
import { afterAll, beforeAll, expect, it } from "vitest";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

let f: BotFixture;
beforeAll(async () => {
  f = await startFixture({ env: { RATE_LIMIT_PER_MINUTE: "2" } });
});
afterAll(async () => {
  await f?.close();
});

it("answers up to the limit, then says so kindly once, and other users are not affected", async () => {
  const chat = new UserChat(f.emulator, TOKEN, { userId: 7 });
  for (let i = 0; i < 2; i++) {
    await chat.say("Who leads the congress?");
    expect((await chat.reply()).text).toContain("Ponomarev");
  }
  const third = await chat.say("Where did the fifth session open?");
  const limited = await chat.reply();
  expect(limited.replyTo).toBe(third);
  expect(limited.text).toContain("You are asking faster than I can keep up (2 questions a minute)");

  // A fourth question gets no reply at all; commands still work, and arrive next (one chat is handled in order).
  await chat.say("Where did the fifth session open?");
  await chat.say("/help");
  expect((await chat.reply()).text).toContain("How to ask");
  expect(chat.pending()).toEqual([]);

  const other = new UserChat(f.emulator, TOKEN, { userId: 8 });
  await other.say("Where did the fifth session open?");
  expect((await other.reply()).text).toContain("Warsaw");
});
