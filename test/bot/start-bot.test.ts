// Start-up preconditions: each failure says which variable to fix, before the bot talks to anyone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { AppError, ConfigError } from "../../src/errors.js";
import { createLogger } from "../../src/logger.js";
import type { BotDeps } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/create-bot.js";
import { startBot } from "../../src/bot/start-bot.js";
import { BotApiEmulator } from "./helpers/emulator.js";
import { TOKEN } from "./helpers/fixture.js";

const unused = (): never => {
  throw new Error("not used by these tests");
};
const deps: BotDeps = { pipeline: { ask: unused }, kb: { index: unused }, log: createLogger("silent") };

let emulator: BotApiEmulator;
beforeAll(async () => {
  emulator = await BotApiEmulator.launch();
});
afterAll(async () => {
  await emulator.stop();
});

const config = (env: Record<string, string>) =>
  loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.config.apiURL,
    DATA_DIR: "/nonexistent",
    ...env,
  });

describe("start-up", () => {
  it("createBot without a token names TELEGRAM_BOT_TOKEN and suggests npm run chat", () => {
    const make = () => createBot(config({ TELEGRAM_BOT_TOKEN: "" }), deps);
    expect(make).toThrow(AppError);
    expect(make).toThrow(/TELEGRAM_BOT_TOKEN[\s\S]*npm run chat/);
  });

  it("webhook mode needs WEBHOOK_SECRET, in Telegram's alphabet", async () => {
    const noSecret = config({ WEBHOOK_URL: "https://example.org/hook" });
    await expect(startBot(createBot(noSecret, deps), noSecret, deps.log)).rejects.toThrow(ConfigError);
    await expect(startBot(createBot(noSecret, deps), noSecret, deps.log)).rejects.toThrow(/WEBHOOK_SECRET/);
    const badSecret = config({ WEBHOOK_URL: "https://example.org/hook", WEBHOOK_SECRET: "has spaces!" });
    await expect(startBot(createBot(badSecret, deps), badSecret, deps.log)).rejects.toThrow(/WEBHOOK_SECRET/);
    expect(emulator.calls).toEqual([]);
  });

  it("a token Telegram rejects says so", async () => {
    emulator.failNext("getMe", {
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    const c = config({});
    await expect(startBot(createBot(c, deps), c, deps.log)).rejects.toThrow(
      /Telegram rejected TELEGRAM_BOT_TOKEN/,
    );
  });
});
