// telegram-test-api on a free loopback port, extended where it falls short of the Bot API while keeping its wire format:
// getUpdates long-polls briefly instead of returning at once, answerCallbackQuery is recorded (the emulator drops it),
// callback queries carry chat_instance, and a test can make the next call of a method fail (e.g. with a 429).
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:net";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";

export interface TelegramDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
}

export interface ApiFailure {
  status: number;
  body: { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };
}

type Handler = ((req: IncomingMessage, res: ServerResponse) => void) & { settings?: unknown };

export class BotApiEmulator extends TelegramServer {
  /** Every Bot API method called, in order. */
  readonly calls: string[] = [];
  readonly callbackAnswers: CallbackAnswer[] = [];
  /** Files users have sent, served by getFile and the file route /file/bot<token>/<path>, as Telegram does. */
  private readonly files = new Map<string, { bytes: Buffer; path: string }>();
  private readonly failures = new Map<string, ApiFailure[]>();

  static async launch(): Promise<BotApiEmulator> {
    const emulator = new BotApiEmulator({ host: "127.0.0.1", port: await freePort(), storeTimeout: 3600 });
    await emulator.start();
    return emulator;
  }

  /** Stores a file as if a user had uploaded it; returns the Document object a message carries. */
  addFile(bytes: Buffer, fileName: string, mimeType?: string): TelegramDocument {
    const id = `file-${this.files.size + 1}-${Date.now()}`;
    this.files.set(id, { bytes, path: `documents/${id}${fileName.match(/\.[^.]*$/)?.[0] ?? ""}` });
    return {
      file_id: id,
      file_unique_id: `u${id}`,
      file_name: fileName,
      mime_type: mimeType,
      file_size: bytes.length,
    };
  }

  /** The next call of `method` gets this error instead of reaching the emulator. */
  failNext(method: string, failure: ApiFailure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  override async start(): Promise<void> {
    const self = this as unknown as { webServer: Handler };
    const app = self.webServer;
    const wrapper: Handler = (req, res) => {
      const method = /^\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1];
      if (method) this.calls.push(method);
      const failure = method ? this.failures.get(method)?.shift() : undefined;
      if (failure) return reply(req, res, failure.status, failure.body);
      if (method === "answerCallbackQuery") {
        return void readJson(req).then((body) => {
          this.callbackAnswers.push(body as unknown as CallbackAnswer);
          reply(req, res, 200, { ok: true, result: true });
        });
      }
      if (method === "getFile") {
        return void readJson(req).then((body) => {
          const file = this.files.get(String(body.file_id));
          if (!file)
            return reply(req, res, 400, {
              ok: false,
              error_code: 400,
              description: "Bad Request: invalid file_id",
            });
          const { bytes, path } = file;
          reply(req, res, 200, {
            ok: true,
            result: {
              file_id: body.file_id,
              file_unique_id: `u${body.file_id}`,
              file_size: bytes.length,
              file_path: path,
            },
          });
        });
      }
      const download = /^\/file\/bot[^/]+\/(.+)$/.exec(req.url ?? "");
      if (download) {
        const file = [...this.files.values()].find((f) => f.path === decodeURIComponent(download[1]!));
        req.resume();
        if (!file) return void res.writeHead(404).end();
        return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(file.bytes);
      }
      if (method === "getUpdates") return void this.updatesFor(req.url ?? "").then(() => app(req, res));
      app(req, res);
    };
    wrapper.settings = app.settings;
    self.webServer = wrapper;
    await super.start();
  }

  /** Like Telegram's long polling: hold an empty getUpdates until an update arrives, for a short while at most. */
  private async updatesFor(url: string, maxWaitMs = 250): Promise<void> {
    const token = decodeURIComponent(/^\/bot([^/]+)\//.exec(url)?.[1] ?? "");
    const pending = () => this.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
    if (pending()) return;
    const events = ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"];
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        for (const e of events) this.off(e, done);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      for (const e of events) this.on(e, done);
    });
  }

  override getUpdates(token: string): ReturnType<TelegramServer["getUpdates"]> {
    return super.getUpdates(token).map((update) =>
      update.callback_query
        ? {
            ...update,
            callback_query: {
              ...update.callback_query,
              chat_instance: `instance-${update.callback_query.id}`,
            },
          }
        : update,
    );
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

function reply(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  req.resume();
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
