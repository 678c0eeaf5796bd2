// telegram-test-api on a free loopback port, extended where it falls short of the Bot API while keeping its wire format:
// getUpdates long-polls briefly and, as Telegram does, keeps returning an update until a later call's `offset`
// confirms it; answerCallbackQuery is recorded (the emulator drops it); callback queries carry chat_instance; getFile
// and the file route serve uploads; a test can make the next call of a method fail (e.g. with a 429); and every
// message the bot sends or edits is announced, so a load generator can time replies without polling.
// Used by the end-to-end tests and by `npm run loadtest` (telegram-test-api is a development dependency).
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:net";
import type { StoredBotUpdate, StoredClientUpdate } from "telegram-test-api/lib/telegramServer.js";
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

/** An editMessageText call as the bot made it. */
export interface BotEdit {
  chat_id: number | string;
  message_id: number;
  text: string;
  parse_mode?: string;
}

type Handler = ((req: IncomingMessage, res: ServerResponse) => void) & { settings?: unknown };
type ClientMessage = Parameters<TelegramServer["addUserMessage"]>[0];
type ClientCallback = Parameters<TelegramServer["addUserCallback"]>[0];

export class BotApiEmulator extends TelegramServer {
  /** Every Bot API method called, in order. */
  readonly calls: string[] = [];
  readonly callbackAnswers: CallbackAnswer[] = [];
  /** Every editMessageText call, in order (the stored message keeps only the last state). */
  readonly edits: BotEdit[] = [];
  /** Files users have sent, served by getFile and the file route /file/bot<token>/<path>, as Telegram does. */
  private readonly files = new Map<string, { bytes: Buffer; path: string }>();
  private readonly failures = new Map<string, (ApiFailure | "drop")[]>();

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

  /**
   * The next call of `method` gets this error instead of reaching the emulator; "drop" closes the connection without
   * an answer, as a network failure would. The method "download" is the file route.
   */
  failNext(method: string, failure: ApiFailure | "drop"): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  /**
   * Stores a user's message (or command) in-process, without the client's HTTP round trip, and returns the stored
   * update (its `messageId` is what the bot's reply_parameters will name). Calls are serialized: the emulator
   * advances its message id only after an await, so two stores in one tick would share an id.
   */
  deliver(message: ClientMessage): Promise<StoredClientUpdate> {
    const isCommand = (message as { entities?: { type: string }[] }).entities?.some(
      (e) => e.type === "bot_command",
    );
    return this.store(() =>
      isCommand ? this.addUserCommand(message as never) : this.addUserMessage(message),
    );
  }

  /** Stores a callback query (a button press) in-process; returns the stored update. */
  deliverCallback(query: ClientCallback): Promise<StoredClientUpdate> {
    return this.store(() => this.addUserCallback(query));
  }

  private storing: Promise<unknown> = Promise.resolve();

  private store(add: () => Promise<void>): Promise<StoredClientUpdate> {
    const next = this.storing.then(async () => {
      const added = add();
      const stored = this.storage.userMessages.at(-1)!;
      await added;
      return stored;
    });
    this.storing = next.catch(() => undefined);
    return next;
  }

  override addBotMessage(...args: Parameters<TelegramServer["addBotMessage"]>) {
    const sent = super.addBotMessage(...args);
    this.emit("botMessage", this.storage.botMessages.at(-1) as StoredBotUpdate);
    return sent;
  }

  override editMessageText(...args: Parameters<TelegramServer["editMessageText"]>): void {
    const edit = args[0] as unknown as BotEdit;
    this.edits.push({
      chat_id: edit.chat_id,
      message_id: Number(edit.message_id),
      text: edit.text,
      parse_mode: edit.parse_mode,
    });
    super.editMessageText(...args);
    this.emit("botEdit", this.edits.at(-1));
  }

  override async start(): Promise<void> {
    const self = this as unknown as { webServer: Handler };
    const app = self.webServer;
    const wrapper: Handler = (req, res) => {
      const download = /^\/file\/bot[^/]+\/(.+)$/.exec(req.url ?? "");
      const method = download ? "download" : /^\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1];
      if (method) this.calls.push(method);
      const failure = method ? this.failures.get(method)?.shift() : undefined;
      if (failure === "drop") return void req.socket.destroy();
      if (failure) return reply(req, res, failure.status, failure.body);
      if (method === "answerCallbackQuery") {
        return void readJson(req).then((body) => {
          this.callbackAnswers.push(body as unknown as CallbackAnswer);
          reply(req, res, 200, { ok: true, result: true });
        });
      }
      if (method === "getFile") return void readJson(req).then((body) => this.getFile(req, res, body));
      if (download) {
        const file = [...this.files.values()].find((f) => f.path === decodeURIComponent(download[1]!));
        req.resume();
        if (!file) return void res.writeHead(404).end();
        return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(file.bytes);
      }
      if (method === "getUpdates") {
        const token = decodeURIComponent(/^\/bot([^/]+)\//.exec(req.url ?? "")?.[1] ?? "");
        return void readJson(req).then(async (body) => {
          const result = await this.pollUpdates(token, Number(body.offset ?? 0), Number(body.limit ?? 100));
          reply(req, res, 200, { ok: true, result });
        });
      }
      app(req, res);
    };
    wrapper.settings = app.settings;
    self.webServer = wrapper;
    await super.start();
  }

  private getFile(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): void {
    const file = this.files.get(String(body.file_id));
    if (!file) {
      reply(req, res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
      return;
    }
    reply(req, res, 200, {
      ok: true,
      result: {
        file_id: body.file_id,
        file_unique_id: `u${body.file_id}`,
        file_size: file.bytes.length,
        file_path: file.path,
      },
    });
  }

  /**
   * Telegram's getUpdates: updates below `offset` are confirmed and never returned again; the others are returned
   * (oldest first, at most `limit`) until confirmed. An empty answer is held until an update arrives, briefly.
   */
  private async pollUpdates(token: string, offset: number, limit: number, maxWaitMs = 250) {
    const mine = () => this.storage.userMessages.filter((u) => u.botToken === token && !u.isRead);
    for (const u of mine()) if (offset > 0 && u.updateId < offset) u.isRead = true;
    if (mine().length === 0) await this.arrival(maxWaitMs);
    return mine()
      .slice(0, Math.max(1, Math.min(limit || 100, 100)))
      .map((u) => this.format(u));
  }

  private arrival(maxWaitMs: number): Promise<void> {
    const events = ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"];
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        for (const e of events) this.off(e, done);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      for (const e of events) this.on(e, done);
    });
  }

  /**
   * The update as Telegram sends it: without the token the emulator keeps in each stored message, and with the
   * chat_instance it leaves out of callback queries.
   */
  private format(stored: StoredClientUpdate): Record<string, unknown> {
    const update = (
      TelegramServer as unknown as { formatUpdate(u: StoredClientUpdate): Record<string, unknown> }
    ).formatUpdate(stored);
    const withoutToken = (m: unknown) => {
      if (!m || typeof m !== "object") return m;
      const { botToken: _token, ...rest } = m as Record<string, unknown>;
      return rest;
    };
    const query = update.callback_query as Record<string, unknown> | undefined;
    if (!query) return { ...update, message: withoutToken(update.message) };
    return {
      ...update,
      callback_query: {
        ...query,
        message: withoutToken(query.message),
        chat_instance: `instance-${query.id}`,
      },
    };
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return {};
  if (/^application\/x-www-form-urlencoded/.test(req.headers["content-type"] ?? ""))
    return Object.fromEntries(new URLSearchParams(raw));
  return JSON.parse(raw) as Record<string, unknown>;
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
