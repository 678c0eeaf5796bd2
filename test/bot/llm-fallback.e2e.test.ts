// LLM mode at the bot level: with the model hanging, the user still gets the extractive answer, once LLM_TIMEOUT_MS
// runs out (the pipeline's own checks, down and slow models included: test/answer/llm.test.ts).
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ChatServer, startChatServer } from "../helpers/chat-server.js";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

let llm: ChatServer;
let f: BotFixture;

beforeAll(async () => {
  llm = await startChatServer(() => ({ hang: true }));
  f = await startFixture({
    env: {
      LLM_PROVIDER: "openai",
      OPENAI_BASE_URL: llm.url,
      OPENAI_API_KEY: "sk-fallback",
      LLM_TIMEOUT_MS: "1000",
    },
  });
});
afterAll(async () => {
  await f?.close();
  await llm?.close();
});

it("answers from the documents when the LLM never replies", async () => {
  const chat = new UserChat(f.emulator, TOKEN, { userId: 81 });
  await chat.say("Who leads the congress?");
  // The reply's own deadline is generous; what bounds it is LLM_TIMEOUT_MS.
  const answer = await chat.reply(20_000);
  expect(llm.requests.length).toBe(1);
  expect(answer.text).toContain("Ponomarev");
  expect(answer.text).toContain("[1]");
  expect(f.logs.join("\n")).toMatch(/LLM answer not used: the model failed/);
});
