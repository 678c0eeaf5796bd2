// A network blip between the bot and Telegram: the connection carrying the answer closes before Telegram answers.
// The bot tries again on a fresh connection, so the user gets the answer once; after a few tries it gives up.
import { afterAll, beforeAll, expect, it } from "vitest";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

let f: BotFixture;

beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f?.close();
});

const sent = () => f.emulator.calls.filter((m) => m === "sendMessage").length;

it("answers once when the connection carrying the answer is dropped, twice", async () => {
  const chat = new UserChat(f.emulator, TOKEN, { userId: 5101 });
  const before = sent();
  f.emulator.failNext("sendMessage", "drop");
  f.emulator.failNext("sendMessage", "drop");
  await chat.say("Who leads the congress?");
  const reply = await chat.reply();
  expect(reply.text).toContain("Ponomarev");
  expect(sent() - before).toBe(3);
  expect(f.logs.some((l) => /WARN sendMessage failed \(ECONNRESET\); retry 2/.test(l))).toBe(true);
  // Nothing more comes: no second answer, no apology.
  await new Promise((r) => setTimeout(r, 1500));
  expect(chat.pending()).toEqual([]);
});

it("gives up after three retries: the user gets the apology, and the next question its answer", async () => {
  const chat = new UserChat(f.emulator, TOKEN, { userId: 5102 });
  for (let i = 0; i < 4; i++) f.emulator.failNext("sendMessage", "drop");
  await chat.say("Where did the fifth session open?");
  expect((await chat.reply(15_000)).text).toMatch(/^Sorry, something went wrong/);
  await chat.say("Where did the fifth session open?");
  expect((await chat.reply()).text).toContain("Warsaw");
}, 30_000);
