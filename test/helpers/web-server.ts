// A loopback web server with scripted routes, for link fetching tests.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (res: import("node:http").ServerResponse) => void;

export async function startWebServer(
  routes: Record<string, Route>,
  host = "127.0.0.1",
): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const route = routes[req.url ?? ""];
    if (route) route(res);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    hits,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
