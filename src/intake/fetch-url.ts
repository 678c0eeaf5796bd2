// Fetches a link for /add safely: http(s) only, public addresses only (unless allowed), few redirects, a timeout and a size cap.
import { lookup as dnsLookup } from "node:dns";
import ipaddr from "ipaddr.js";
import { Agent, fetch, type Response } from "undici";
import { DocumentRejectedError } from "../errors.js";
import { guardedLookup, isPublicAddress, type LookupFunction, refusedAddress } from "./address-guard.js";

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes: number;
  maxRedirects?: number;
  /** Allow loopback and private addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** The resolver (dns.lookup by default); tests pass their own. */
  lookup?: LookupFunction;
  /** Which resolved addresses count as public (tests only; default: public unicast). */
  isPublic?: (address: string) => boolean;
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

/**
 * Refuses other schemes and non-public hosts before any request, to refuse early. It does not protect the fetch by
 * itself: the name could resolve elsewhere at connect time, where address-guard.ts checks the address again.
 */
async function checkUrl(
  url: URL,
  isAllowed: (address: string) => boolean,
  resolve: LookupFunction | undefined,
): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new DocumentRejectedError(
      "address",
      `Only http and https links can be added (got ${url.protocol}).`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!resolve) return; // private addresses allowed
  const addresses = ipaddr.isValid(host)
    ? [host]
    : await new Promise<string[]>((done) =>
        resolve(host, { all: true }, (err, found) =>
          done(err || !Array.isArray(found) ? [] : found.map((a) => a.address)),
        ),
      );
  if (addresses.length === 0)
    throw new DocumentRejectedError("fetch", `The host ${host} could not be found.`);
  for (const a of addresses) if (!isAllowed(a)) throw refusedAddress(host, a);
}

/** The refusal or the cause found along a failed fetch's causes (undici wraps them in "fetch failed"). */
function causeOf(e: unknown): { rejected?: DocumentRejectedError; message: string } {
  for (let x = e, depth = 0; x instanceof Error && depth < 5; x = x.cause, depth++)
    if (x instanceof DocumentRejectedError) return { rejected: x, message: x.message };
  const cause = (e as Error)?.cause as { code?: string; message?: string } | undefined;
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN")
    return { message: "its host could not be found" };
  return { message: cause?.message ?? (e as Error)?.message ?? String(e) };
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
  const isAllowed = options.allowPrivate ? () => true : (options.isPublic ?? isPublicAddress);
  // Every connection, redirects included, resolves its host through the guard: the address checked is the one used.
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(isAllowed, options.lookup) } });
  try {
    return await fetchThrough(url, dispatcher, isAllowed, options);
  } finally {
    await dispatcher.destroy().catch(() => undefined);
  }
}

async function fetchThrough(
  start: URL,
  dispatcher: Agent,
  isAllowed: (address: string) => boolean,
  options: FetchOptions,
): Promise<Fetched> {
  let url = start;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15000);
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
    const resolve = options.lookup ?? (dnsLookup as LookupFunction);
    await checkUrl(url, isAllowed, options.allowPrivate ? undefined : resolve);
    let res: Response;
    try {
      res = await fetch(url, {
        redirect: "manual",
        signal,
        dispatcher,
        headers: { "user-agent": "congress-rag-bot/0.1 (+document intake)", accept: ACCEPTED.join(", ") },
      });
    } catch (cause) {
      const { rejected, message } = causeOf(cause);
      if (rejected) throw rejected;
      const timedOut = (cause as Error).name === "TimeoutError";
      throw new DocumentRejectedError(
        "fetch",
        timedOut ? `The link did not answer in time.` : `The link could not be fetched: ${message}.`,
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
