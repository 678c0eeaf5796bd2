// Starts a built bot in the configured mode: long polling by default, a webhook server when WEBHOOK_URL is set.
import { type Bot, GrammyError } from "grammy";
import type { Config } from "../config.js";
import { AppError, ConfigError } from "../errors.js";
import type { Logger } from "../logger.js";
import { registerCommands } from "./commands.js";
import type { BotContext } from "./context.js";
import { describeError } from "./error-boundary.js";
import { type Stoppable, startPolling } from "./polling.js";
import { startWebhook } from "./webhook.js";

export type StartConfig = Pick<
  Config,
  "WEBHOOK_URL" | "WEBHOOK_SECRET" | "PORT" | "TELEGRAM_API_ROOT" | "dataDir"
>;

export interface RunningBot extends Stoppable {
  mode: "polling" | "webhook";
  /** The webhook server's port (webhook mode). */
  port?: number;
}

export interface StartOverrides {
  /** Listen here instead of PORT (tests pass 0). */
  port?: number;
  host?: string;
  registerWebhook?: boolean;
  concurrency?: number;
}

export async function startBot(
  bot: Bot<BotContext>,
  config: StartConfig,
  log: Logger,
  overrides: StartOverrides = {},
): Promise<RunningBot> {
  if (config.WEBHOOK_URL) checkSecret(config.WEBHOOK_SECRET);
  await initialize(bot, config);
  await registerCommands(bot.api, log);
  if (!config.WEBHOOK_URL) {
    const polling = await startPolling(bot, log, {
      concurrency: overrides.concurrency,
      dataDir: config.dataDir,
    });
    return { mode: "polling", ...polling };
  }
  const server = await startWebhook(bot, log, {
    url: config.WEBHOOK_URL,
    secret: config.WEBHOOK_SECRET!,
    port: overrides.port ?? config.PORT,
    host: overrides.host,
    register: overrides.registerWebhook,
  });
  return { mode: "webhook", port: server.port, stop: () => server.stop() };
}

/** Telegram allows 1 to 256 of A-Z, a-z, 0-9, _ and - in a webhook secret. */
function checkSecret(secret: string | undefined): void {
  if (!secret || !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw new ConfigError(
      "WEBHOOK_SECRET",
      secret ? "has characters Telegram does not allow" : "is required when WEBHOOK_URL is set",
      "1 to 256 of A-Z a-z 0-9 _ -, e.g. the output of `openssl rand -hex 32`",
    );
  }
}

/** getMe, with a message that says what to check when it fails. */
async function initialize(bot: Bot<BotContext>, config: StartConfig): Promise<void> {
  try {
    await bot.init();
  } catch (e) {
    if (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 404)) {
      throw new AppError("Telegram rejected TELEGRAM_BOT_TOKEN.", "Copy the token again from @BotFather.");
    }
    throw new AppError(
      `Cannot reach the Bot API at ${config.TELEGRAM_API_ROOT}: ${describeError(e)}`,
      "Check the network, or TELEGRAM_API_ROOT if you use a local Bot API server.",
    );
  }
}
