// Tries a Bot API call again, a few times and soon, when it failed on the network rather than at Telegram: a
// connection refused or reset, a broken pipe. The usual cause is a keep-alive connection that the server closed just
// as the bot reused it; the next try, on a fresh connection, goes through. Without this the answer is lost.
import { HttpError, type Transformer } from "grammy";

/** System error codes of a request that failed in transport (the server may never have seen it). */
const TRANSIENT = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);

/** The log line of a retry, and a pattern that finds it in a log (the load test counts them). */
export const retryLine = (method: string, code: string, attempt: number) =>
  `${method} failed (${code}); retry ${attempt}`;
export const RETRY_LINE = /\w+ failed \(E[A-Z]+\); retry \d+/;

export interface NetworkRetryOptions {
  /** Pauses before each further try, in milliseconds; their number is the number of retries. */
  delaysMs?: number[];
  /** Called before each retry, for the log. */
  onRetry?: (method: string, code: string, attempt: number) => void;
}

/** The system error code behind a failed request, when it is one that another try may cure. */
function transientCode(e: unknown): string | undefined {
  if (!(e instanceof HttpError)) return undefined;
  const code = (e.error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && TRANSIENT.has(code) ? code : undefined;
}

/** grammY passes its own AbortSignal type (from abort-controller): only these members are used. */
interface Abortable {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

function pause(ms: number, signal?: Abortable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("Request aborted while waiting to retry"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    function abort() {
      clearTimeout(timer);
      reject(new Error("Request aborted while waiting to retry"));
    }
    signal?.addEventListener("abort", abort);
  });
}

/**
 * A transformer that retries transport failures, bounded (unlike auto-retry's retry of network errors, which never
 * gives up). A reset can also come after Telegram acted on the request, so a retried message may, rarely, arrive
 * twice: one answer twice is better than none. getUpdates is left to the runner, which retries it itself.
 */
export function networkRetry(options: NetworkRetryOptions = {}): Transformer {
  const delays = options.delaysMs ?? [200, 1000, 3000];
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (e) {
        const code = transientCode(e);
        const delay = delays[attempt];
        if (method === "getUpdates" || code === undefined || delay === undefined || signal?.aborted) throw e;
        options.onRetry?.(method, code, attempt + 1);
        await pause(delay, signal);
      }
    }
  };
}
