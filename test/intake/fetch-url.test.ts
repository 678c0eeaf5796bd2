import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentRejectedError } from "../../src/errors.js";
import { fetchUrl } from "../../src/intake/fetch-url.js";
import { startWebServer } from "../helpers/web-server.js";

const PAGE = "<html><head><title>News</title></head><body><p>The congress met in Vilnius.</p></body></html>";

describe("fetchUrl", () => {
  let web: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    web = await startWebServer({
      "/page": (res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE),
      "/moved": (res) => res.writeHead(302, { location: "/page" }).end(),
      "/loop": (res) => res.writeHead(302, { location: "/loop" }).end(),
      "/image": (res) => res.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(100)),
      "/big": (res) => res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(50_000)),
      "/slow": (res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("partial");
      },
    });
  });
  afterAll(() => web.close());

  const rejected = async (p: Promise<unknown>) => {
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DocumentRejectedError);
    return e as DocumentRejectedError;
  };

  it("refuses loopback addresses by default, without sending a request", async () => {
    const e = await rejected(fetchUrl(`${web.url}/page`, { maxBytes: 1e6 }));
    expect(e.reason).toBe("address");
    expect(e.message).toMatch(/ALLOW_PRIVATE_URLS/);
    expect(web.hits).toHaveLength(0);
  });

  it("refuses private ranges and non-http schemes", async () => {
    expect((await rejected(fetchUrl("http://10.0.0.1/x", { maxBytes: 1e6 }))).reason).toBe("address");
    expect((await rejected(fetchUrl("http://[::1]/x", { maxBytes: 1e6 }))).reason).toBe("address");
    expect(
      (await rejected(fetchUrl("file:///etc/passwd", { maxBytes: 1e6, allowPrivate: true }))).reason,
    ).toBe("address");
  });

  it("fetches a page when private addresses are allowed, following a redirect", async () => {
    const out = await fetchUrl(`${web.url}/moved`, { maxBytes: 1e6, allowPrivate: true });
    expect(out.url).toBe(`${web.url}/page`);
    expect(out.contentType).toBe("text/html");
    expect(Buffer.from(out.bytes).toString()).toBe(PAGE);
  });

  it("stops after a few redirects", async () => {
    expect(
      (await rejected(fetchUrl(`${web.url}/loop`, { maxBytes: 1e6, allowPrivate: true }))).message,
    ).toMatch(/redirects too many/);
  });

  it("refuses unsupported content types and oversized bodies", async () => {
    expect((await rejected(fetchUrl(`${web.url}/image`, { maxBytes: 1e6, allowPrivate: true }))).reason).toBe(
      "unsupported",
    );
    expect(
      (await rejected(fetchUrl(`${web.url}/big`, { maxBytes: 10_000, allowPrivate: true }))).reason,
    ).toBe("too-large");
  });

  it("gives up on a server that never finishes", async () => {
    const e = await rejected(
      fetchUrl(`${web.url}/slow`, { maxBytes: 1e6, allowPrivate: true, timeoutMs: 300 }),
    );
    expect(e.reason).toBe("fetch");
  });
});
