// Link fetching for /add: schemes, private addresses (checked where the connection is made), redirects, limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentRejectedError } from "../../src/errors.js";
import type { LookupFunction } from "../../src/intake/address-guard.js";
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

// Issue 22: a name that answers a public address to the check and 127.0.0.1 to the connection (DNS rebinding) must not
// reach the loopback page, neither directly nor through a redirect. 127.0.0.2 stands in for a public address.
describe("fetchUrl against DNS rebinding", () => {
  let internal: Awaited<ReturnType<typeof startWebServer>>;
  let outside: Awaited<ReturnType<typeof startWebServer>>;
  const SECRET = "<html><body><p>Internal admin page, never to be fetched by the bot.</p></body></html>";
  beforeAll(async () => {
    internal = await startWebServer({
      "/secret": (res) => res.writeHead(200, { "content-type": "text/html" }).end(SECRET),
    });
    const port = new URL(internal.url).port;
    outside = await startWebServer(
      { "/go": (res) => res.writeHead(302, { location: `http://rebind.test:${port}/secret` }).end() },
      "127.0.0.2",
    );
  });
  afterAll(async () => {
    await internal.close();
    await outside.close();
  });

  /** A resolver that answers rebind.test with 127.0.0.2 once, then with 127.0.0.1; outside.test always 127.0.0.2. */
  const rebinding = () => {
    const asked: string[] = [];
    const lookup: LookupFunction = (host, options, callback) => {
      asked.push(host);
      const first = host === "outside.test" || asked.filter((h) => h === host).length === 1;
      const address = first ? "127.0.0.2" : "127.0.0.1";
      if (options.all) callback(null, [{ address, family: 4 }]);
      else callback(null, address, 4);
    };
    return { lookup, asked };
  };
  const isPublic = (address: string) => address === "127.0.0.2";

  it("refuses a name that resolves to 127.0.0.1 at connect time, after a public answer", async () => {
    const { lookup, asked } = rebinding();
    const port = new URL(internal.url).port;
    const e = await fetchUrl(`http://rebind.test:${port}/secret`, { maxBytes: 1e6, lookup, isPublic }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DocumentRejectedError);
    expect((e as DocumentRejectedError).reason).toBe("address");
    expect((e as Error).message).toContain("127.0.0.1");
    expect(asked.filter((h) => h === "rebind.test").length).toBeGreaterThanOrEqual(2);
    expect(internal.hits).toEqual([]);
  });

  it("refuses the same through a redirect from a public page", async () => {
    const { lookup } = rebinding();
    const outsideUrl = `http://outside.test:${new URL(outside.url).port}/go`;
    const e = await fetchUrl(outsideUrl, { maxBytes: 1e6, lookup, isPublic }).catch((x: unknown) => x);
    expect(outside.hits).toEqual(["/go"]);
    expect(e).toBeInstanceOf(DocumentRejectedError);
    expect((e as DocumentRejectedError).reason).toBe("address");
    expect(internal.hits).toEqual([]);
  });
});
