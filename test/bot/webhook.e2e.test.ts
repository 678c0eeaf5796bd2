// Webhook mode end to end: real update JSON POSTed to the bot's server is answered only with the right secret.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AnswerPipeline } from "../../src/answer/pipeline.js";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

const SECRET = "webhook-secret_0123456789";
const asked: string[] = [];
let f: BotFixture;
let url: string;
let updateId = 5000;

beforeAll(async () => {
  f = await startFixture({
    env: { WEBHOOK_URL: "https://bot.example.org/telegram/hook", WEBHOOK_SECRET: SECRET },
    registerWebhook: true,
    pipeline: (real): AnswerPipeline => ({
      ask(question, options) {
        asked.push(question);
        return real.ask(question, options);
      },
    }),
  });
  url = `http://127.0.0.1:${f.running.port}/telegram/hook`;
});
afterAll(async () => {
  await f?.close();
});

/** A message update exactly as Telegram sends it. */
function update(chatId: number, messageId: number, text: string) {
  return {
    update_id: updateId++,
    message: {
      message_id: messageId,
      from: { id: chatId, is_bot: false, first_name: "Ada", username: "ada", language_code: "en" },
      chat: { id: chatId, first_name: "Ada", username: "ada", type: "private" },
      date: Math.floor(Date.now() / 1000),
      text,
    },
  };
}

function post(body: unknown, secret?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== undefined) headers["x-telegram-bot-api-secret-token"] = secret;
  return fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
}

it("runs in webhook mode and answers GET /healthz", async () => {
  expect(f.running.mode).toBe("webhook");
  const res = await fetch(`http://127.0.0.1:${f.running.port}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});

it("registered the webhook with its secret and the update types it handles", () => {
  const webhooks = (f.emulator as unknown as { webhooks: Record<string, Record<string, unknown>> }).webhooks;
  expect(webhooks[TOKEN]).toMatchObject({
    url: "https://bot.example.org/telegram/hook",
    secret_token: SECRET,
    allowed_updates: ["message", "callback_query"],
  });
});

it("answers an update POSTed with the right secret", async () => {
  const chat = new UserChat(f.emulator, TOKEN, { userId: 4242 });
  const res = await post(update(4242, 77, "Who leads the congress?"), SECRET);
  expect(res.status).toBe(200);
  const answer = await chat.reply();
  expect(answer.replyTo).toBe(77);
  expect(answer.text).toContain("Ponomarev");
  expect(answer.text).toContain("[1]");
});

it("refuses a wrong or missing secret with 401 and does not process the update", async () => {
  const chat = new UserChat(f.emulator, TOKEN, { userId: 4343 });
  expect(
    (await post(update(4343, 1, "Wrong secret: where did the session open?"), "not-the-secret")).status,
  ).toBe(401);
  expect((await post(update(4343, 2, "No secret: where did the session open?"))).status).toBe(401);
  // The next good update is the first thing the bot answers in that chat.
  expect((await post(update(4343, 3, "Where did the fifth session open?"), SECRET)).status).toBe(200);
  const answer = await chat.reply();
  expect(answer.replyTo).toBe(3);
  expect(chat.pending()).toEqual([]);
  expect(asked.some((q) => q.includes("secret"))).toBe(false);
});

it("404s other paths", async () => {
  const res = await fetch(`http://127.0.0.1:${f.running.port}/elsewhere`, { method: "POST", body: "{}" });
  expect(res.status).toBe(404);
});
