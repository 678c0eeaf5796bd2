// Webhook mode: a node:http server that passes Telegram's POSTs to grammY (secret checked there) and answers /healthz.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, webhookCallback } from "grammy";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { describeError } from "./error-boundary.js";
import { inFlightOf } from "./in-flight.js";
import { ALLOWED_UPDATES, type Stoppable } from "./polling.js";

export interface WebhookOptions {
  url: string;
  secret: string;
  port: number;
  host?: string;
  /** Register the URL with Telegram (setWebhook); tests that POST updates themselves may skip it. */
  register?: boolean;
}

export interface WebhookServer extends Stoppable {
  server: Server;
  port: number;
}

export async function startWebhook(
  bot: Bot<BotContext>,
  log: Logger,
  options: WebhookOptions,
): Promise<WebhookServer> {
  const path = new URL(options.url).pathname;
  // Past 50 s the request is answered and the update finishes in the background: Telegram would resend it otherwise.
  const handle = webhookCallback(bot, "http", {
    secretToken: options.secret,
    onTimeout: "return",
    timeoutMilliseconds: 50_000,
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    } else if (req.method === "POST" && url.pathname === path) {
      handle(req, res).catch((e: unknown) => {
        // Answered 200 all the same: a non-2xx makes Telegram redeliver an update that fails the same way.
        log.error(`webhook update failed: ${describeError(e)}`);
        if (!res.headersSent) res.writeHead(200).end();
      });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject).listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (options.register !== false) {
    try {
      await bot.api.setWebhook(options.url, {
        secret_token: options.secret,
        allowed_updates: ALLOWED_UPDATES,
      });
    } catch (e) {
      server.close();
      throw new AppError(
        `Telegram did not accept the webhook ${options.url}: ${describeError(e)}`,
        "WEBHOOK_URL must be a public https URL that reaches this server; unset it to use long polling.",
      );
    }
  }
  log.info(`bot @${bot.botInfo.username} is listening for webhooks on port ${port} at ${path}`);
  return {
    server,
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await inFlightOf(bot).drain();
      await closed;
    },
  };
}
