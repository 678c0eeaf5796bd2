// Graceful shutdown: stopping the bot (what SIGINT/SIGTERM do) finishes the answers under way, in both modes.
import { afterEach, expect, it } from "vitest";
import type { AnswerPipeline } from "../../src/answer/pipeline.js";
import { until } from "./helpers/bot-root.js";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

/** A pipeline that holds every question until released, so a stop can arrive while an answer is under way. */
function gated() {
  const asked: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const wrap = (real: AnswerPipeline): AnswerPipeline => ({
    async ask(question, options) {
      asked.push(question);
      await gate;
      return real.ask(question, options);
    },
  });
  return { asked, release, wrap };
}

let f: BotFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

/** Once the question is held in the pipeline, stops the bot: the stop must wait; then the answer is let go. */
async function stopWhileAnswering(g: ReturnType<typeof gated>): Promise<void> {
  await until(() => g.asked.length === 1, "the question to reach the pipeline", 20_000);
  let stopped = false;
  const stopping = f!.running.stop().then(() => (stopped = true));
  await new Promise((r) => setImmediate(r));
  expect(stopped).toBe(false);
  g.release();
  await stopping;
}

/** Everything the bot has sent to this chat so far. */
const delivered = (chat: UserChat) =>
  chat
    .pending()
    .map((m) => m.text)
    .join("\n");

it("long polling: stop() waits for the answer under way, which is delivered", async () => {
  const g = gated();
  f = await startFixture({ pipeline: g.wrap });
  const chat = new UserChat(f.emulator, TOKEN, { userId: 31 });
  await chat.say("Who leads the congress?");
  await stopWhileAnswering(g);
  expect(delivered(chat)).toContain("Ponomarev");
});

it("webhook: stop() waits for the answer under way, and the request is answered 200", async () => {
  const g = gated();
  f = await startFixture({
    env: { WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "s3cret" },
    pipeline: g.wrap,
  });
  const chat = new UserChat(f.emulator, TOKEN, { userId: 32 });
  const response = fetch(`http://127.0.0.1:${f.running.port}/hook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret" },
    body: JSON.stringify({
      update_id: 1,
      message: {
        message_id: 9,
        from: { id: 32, is_bot: false, first_name: "Ada" },
        chat: { id: 32, type: "private", first_name: "Ada" },
        date: Math.floor(Date.now() / 1000),
        text: "Who leads the congress?",
      },
    }),
  });
  await stopWhileAnswering(g);
  expect((await response).status).toBe(200);
  expect(delivered(chat)).toContain("Ponomarev");
});
