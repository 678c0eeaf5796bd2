// Fetches a link for /add safely: http(s) only, public addresses only (unless allowed), few redirects, a timeout and a size cap.
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { DocumentRejectedError } from "../errors.js";

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes: number;
  maxRedirects?: number;
  /** Allow loopback and private addresses (tests, intranets). */
  allowPrivate?: boolean;
}

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  contentType: string;
}

const ACCEPTED = [
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "text/markdown",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

/** Refuses a URL whose host resolves to a loopback, private, link-local or otherwise non-public address. */
async function checkAddress(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new DocumentRejectedError(
      "address",
      `Only http and https links can be added (got ${url.protocol}).`,
    );
  }
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = ipaddr.isValid(host)
    ? [host]
    : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0)
    throw new DocumentRejectedError("fetch", `The host ${host} could not be found.`);
  for (const a of addresses) {
    const parsed = ipaddr.process(a);
    if (parsed.range() !== "unicast") {
      throw new DocumentRejectedError(
        "address",
        `Links to ${host} are refused: it is a ${parsed.range()} address, not a public one.`,
        "An admin can allow private addresses with ALLOW_PRIVATE_URLS=true.",
      );
    }
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw DocumentRejectedError.tooLarge(maxBytes, "page");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw DocumentRejectedError.tooLarge(maxBytes, "page");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function fetchUrl(raw: string, options: FetchOptions): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DocumentRejectedError("fetch", `"${raw}" is not a valid link.`);
  }
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15000);
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
    await checkAddress(url, options.allowPrivate ?? false);
    let res: Response;
    try {
      res = await fetch(url, {
        redirect: "manual",
        signal,
        headers: { "user-agent": "congress-rag-bot/0.1 (+document intake)", accept: ACCEPTED.join(", ") },
      });
    } catch (cause) {
      const timedOut = (cause as Error).name === "TimeoutError";
      throw new DocumentRejectedError(
        "fetch",
        timedOut
          ? `The link did not answer in time.`
          : `The link could not be fetched: ${(cause as Error).message}.`,
      );
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      url = new URL(res.headers.get("location")!, url);
      await res.body?.cancel();
      continue;
    }
    if (!res.ok)
      throw new DocumentRejectedError("fetch", `The link answered ${res.status} ${res.statusText}.`);
    const contentType = (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!ACCEPTED.includes(contentType)) {
      await res.body?.cancel();
      throw new DocumentRejectedError(
        "unsupported",
        `The link serves ${contentType || "an unknown type"}, which cannot be added.`,
        "Links to HTML pages, text, PDF and DOCX files work.",
      );
    }
    try {
      return { url: url.href, bytes: await readCapped(res, options.maxBytes), contentType };
    } catch (cause) {
      if (cause instanceof DocumentRejectedError) throw cause;
      throw new DocumentRejectedError(
        "fetch",
        `The link stopped answering while downloading: ${(cause as Error).message}.`,
      );
    }
  }
  throw new DocumentRejectedError("fetch", "The link redirects too many times.");
}
