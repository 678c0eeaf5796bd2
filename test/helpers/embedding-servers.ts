// Loopback HTTP servers that speak the OpenAI and Ollama embeddings wire formats, recording every request.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown };

async function serve(route: (req: RecordedRequest) => Reply): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: req.method ?? "",
      path: new URL(req.url ?? "/", "http://x").pathname,
      headers: req.headers,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
    };
    requests.push(recorded);
    const reply = route(recorded);
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The vectors the fake servers return: real local embeddings, so that search over them works. */
export const serverEmbedder = new LocalHashEmbeddings({ dimension: 64 });

const inputs = (input: unknown): string[] => (Array.isArray(input) ? input.map(String) : [String(input)]);

/** POST /v1/embeddings: float arrays, or base64 float32 when asked (the openai SDK asks by default). */
export function startOpenAiServer(): Promise<FakeServer> {
  return serve((req) => {
    if (req.method !== "POST" || req.path !== "/v1/embeddings") {
      return {
        status: 404,
        body: { error: { message: `Unknown path ${req.path}`, type: "invalid_request_error" } },
      };
    }
    const texts = inputs(req.body.input);
    const data = texts.map((t, index) => {
      const v = serverEmbedder.embedText(t);
      const embedding =
        req.body.encoding_format === "base64"
          ? Buffer.from(Float32Array.from(v).buffer).toString("base64")
          : v;
      return { object: "embedding", index, embedding };
    });
    const tokens = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
    return {
      status: 200,
      body: {
        object: "list",
        data,
        model: req.body.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      },
    };
  });
}

/** POST /api/embed, as the ollama package calls it. */
export function startOllamaServer(): Promise<FakeServer> {
  return serve((req) => {
    if (req.method !== "POST" || req.path !== "/api/embed") {
      return { status: 404, body: { error: "404 page not found" } };
    }
    const texts = inputs(req.body.input);
    return {
      status: 200,
      body: {
        model: req.body.model,
        embeddings: texts.map((t) => serverEmbedder.embedText(t)),
        total_duration: 1000,
        load_duration: 10,
        prompt_eval_count: texts.length,
      },
    };
  });
}
