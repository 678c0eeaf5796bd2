// A loopback server speaking the OpenAI chat-completions protocol, replying from a script, recording every request.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Script = (
  body: {
    messages: { role: string; content: string }[];
    model: string;
  },
  headers: import("node:http").IncomingHttpHeaders,
) => { content: string } | { status: number; error: string } | { hang: true };

export interface ChatServer {
  /** Base URL for OPENAI_BASE_URL, ending in /v1. */
  url: string;
  requests: {
    path: string;
    body: Record<string, unknown>;
    headers: import("node:http").IncomingHttpHeaders;
  }[];
  script: Script;
  close(): Promise<void>;
}

export async function startChatServer(script: Script): Promise<ChatServer> {
  const requests: ChatServer["requests"] = [];
  const state: { script: Script } = { script };
  const hanging = new Set<import("node:http").ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push({ path, body, headers: req.headers });
    if (path !== "/v1/chat/completions") {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: `no route ${path}` } }));
      return;
    }
    const reply = state.script(body, req.headers);
    if ("hang" in reply) {
      hanging.add(res);
      return;
    }
    if ("error" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: reply.error, type: "server_error" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: reply.content },
            finish_reason: "stop",
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get script() {
      return state.script;
    },
    set script(s: Script) {
      state.script = s;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The numbered source passages as the prompt lists them: number → passage text. */
export function sourcesIn(messages: { role: string; content: string }[]): Map<number, string> {
  const user = messages.find((m) => m.role === "user")?.content ?? "";
  const out = new Map<number, string>();
  const parts = user.split(/^\[(\d+)\] .*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) out.set(Number(parts[i]), parts[i + 1]!.trim());
  return out;
}
