// Typed errors: each has one meaning, carries structured fields, and says how to fix the problem.

/** Base class: `hint` tells the reader what to do about it. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(hint ? `${message}\n${hint}` : message, options);
    this.name = new.target.name;
  }
}

/** A configuration value is missing or invalid. */
export class ConfigError extends AppError {
  constructor(
    readonly variable: string,
    problem: string,
    accepts?: string,
  ) {
    super(`${variable}: ${problem}`, accepts ? `Accepted: ${accepts}.` : undefined);
  }
}

/** The saved index was built with other settings or a different format. */
export class IndexMismatchError extends AppError {
  constructor(
    readonly found: string,
    readonly expected: string,
  ) {
    super(
      `The index in INDEX_DIR was built with ${found}, but the current settings need ${expected}.`,
      "Run `npm run ingest -- --rebuild` to rebuild it.",
    );
  }
}

/**
 * The saved vectors were made by an earlier version of the local embeddings (same model name, another hashing
 * scheme). Local vectors cost nothing to make again, so the index is rebuilt from the corpus rather than refused.
 */
export class IndexOutdatedError extends AppError {
  constructor(
    readonly found: string,
    readonly expected: string,
  ) {
    super(
      `The index in INDEX_DIR holds ${found}; this version makes ${expected}.`,
      "It is rebuilt from the corpus (as by `npm run ingest -- --rebuild`).",
    );
  }
}

/** The saved index is unreadable (truncated, corrupt, half-written by an old version). */
export class IndexCorruptError extends AppError {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`The index at ${path} cannot be read.`, "Run `npm run ingest -- --rebuild` to rebuild it.", {
      cause,
    });
  }
}

/** An embeddings or LLM provider cannot be used here (package missing, model not available offline, server down). */
export class ProviderUnavailableError extends AppError {
  constructor(
    readonly provider: string,
    problem: string,
    hint: string,
    cause?: unknown,
  ) {
    super(`${provider}: ${problem}`, hint, { cause });
  }
}

/** A prompt template in prompts/ is missing or lacks a required placeholder. */
export class PromptError extends AppError {}

/** A document cannot be accepted into the corpus (wrong type, too large, no text, duplicate). */
export class DocumentRejectedError extends AppError {
  constructor(
    readonly reason:
      | "unsupported"
      | "too-large"
      | "no-text"
      | "binary"
      | "duplicate"
      | "fetch"
      | "address"
      | "encrypted"
      | "damaged"
      | "not-docx",
    message: string,
    hint?: string,
  ) {
    super(message, hint);
  }

  /**
   * A file or page over the upload limit, wherever it is found out (declared size, download, body read); `size` is
   * the file's size when known.
   */
  static tooLarge(maxBytes: number, what: "file" | "page" = "file", size?: number): DocumentRejectedError {
    const mb = (bytes: number) => `${Number((bytes / 1048576).toFixed(1))} MB`;
    return new DocumentRejectedError(
      "too-large",
      size === undefined
        ? `The ${what} is larger than the ${mb(maxBytes)} limit.`
        : `The ${what} is ${mb(size)}, larger than the ${mb(maxBytes)} limit.`,
      "Split it into smaller files, or raise MAX_UPLOAD_MB (bots can download at most 20 MB from Telegram).",
    );
  }
}

/** Most of a new document is already in the corpus, in another document: the admin decides whether to keep both. */
export class NearDuplicateError extends AppError {
  constructor(
    readonly docId: string,
    readonly title: string,
    /** Share of the new document's wording found in `docId` (0..1). */
    readonly share: number,
  ) {
    super(
      `${Math.round(share * 100)}% of this document's wording is already in the corpus, in ${docId} ("${title}").`,
      "Add it anyway to keep both, or cancel.",
    );
  }
}

const NO_SPACE = new Set(["ENOSPC", "EDQUOT", "EFBIG"]);
const NOT_WRITABLE = new Set(["EROFS", "EACCES", "EPERM", "ENOTDIR"]);

/** The system error found on `e` or along its causes: its code and the call that failed. */
function systemError(e: unknown): { code?: string; syscall?: string } {
  for (let x = e, depth = 0; x instanceof Error && depth < 5; x = x.cause, depth++) {
    const { code, syscall } = x as { code?: unknown; syscall?: unknown };
    if (typeof code === "string") return { code, syscall: typeof syscall === "string" ? syscall : undefined };
  }
  return {};
}

/**
 * Writing the corpus or the index failed for want of space or of permission. Whoever throws it has put things back:
 * nothing changed, and the old index keeps serving.
 */
export class StorageError extends AppError {
  constructor(
    readonly kind: "no-space" | "not-writable",
    readonly code: string,
    cause: unknown,
  ) {
    super(
      kind === "no-space"
        ? `The disk is full: the index could not be written (${code}). Nothing was changed.`
        : `INDEX_DIR or CORPUS_DIR cannot be written (${code}). Nothing was changed.`,
      kind === "no-space"
        ? "Free some disk space, then try again; until then the bot answers from the old index."
        : "Make INDEX_DIR and CORPUS_DIR writable by the bot, then try again; until then it answers from the old index.",
      { cause },
    );
  }

  /** `e` as a StorageError when a full disk or a read-only folder caused it; undefined otherwise. */
  static of(e: unknown): StorageError | undefined {
    if (e instanceof StorageError) return e;
    const { code, syscall } = systemError(e);
    if (code && NO_SPACE.has(code)) return new StorageError("no-space", code, e);
    // EEXIST from mkdir: a file stands where the folder should be.
    if (code && (NOT_WRITABLE.has(code) || (code === "EEXIST" && syscall === "mkdir")))
      return new StorageError("not-writable", code, e);
    return undefined;
  }
}

/** Another process (the bot, or `npm run ingest`) is writing INDEX_DIR, and did not finish within the wait. */
export class IndexLockedError extends AppError {
  constructor(
    readonly indexDir: string,
    readonly holder: { pid: number; startedAt: string; command: string },
  ) {
    super(
      `INDEX_DIR (${indexDir}) is being written by another process: pid ${holder.pid} (${holder.command}), running since ${holder.startedAt}.`,
      "Wait for it to finish and try again, or stop that process; a lock left by a process that has died is taken over by itself.",
    );
  }
}
