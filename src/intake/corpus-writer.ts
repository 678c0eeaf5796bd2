// Adds and removes corpus documents safely: validated, deduplicated (exact and near), written atomically, indexed at once.
import { mkdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { stringify as toYaml } from "yaml";
import { sha256 } from "../corpus/documents.js";
import { DocumentRejectedError, NearDuplicateError } from "../errors.js";
import type { KnowledgeBase } from "../knowledge-base.js";
import { newDocId } from "./doc-id.js";
import { type Extracted, extractText, type Format, formatOf, SUPPORTED } from "./extract.js";
import { nearDuplicateOf } from "./near-duplicate.js";
import { readNote } from "./note-title.js";
import { mergeMeta, ownString, splitOwnFrontMatter } from "./upload-meta.js";

export interface Submission {
  bytes: Uint8Array;
  /** The original file name, used only for its extension and as a last-resort title. */
  fileName?: string;
  mimeType?: string;
  /** Where it came from: a URL, "telegram file NAME", "telegram message". */
  source: string;
  /** Given by the admin: wins over any title found in the file. */
  title?: string;
  addedBy: number;
  /** The admin's name as Telegram shows it, for /docs. */
  addedByName?: string;
  /** Store it even when most of its wording is already in another document (the admin chose "keep both"). */
  keepNearDuplicate?: boolean;
  /**
   * The request that asked for it (chat and message id). A crash after the document was written leaves it to be
   * indexed on start; the request, handled again, then finds its own document and completes instead of refusing it.
   */
  request?: string;
}

export interface Added {
  docId: string;
  title: string;
  chars: number;
  passages: number;
  ms: number;
  /** True when this request had already written the document before a crash: nothing was written now. */
  resumed?: boolean;
}

export type Step = "extracting" | "indexing";

/** What was read from the submission, before anything is stored. */
export interface ExtractedInfo {
  title: string;
  bytes: number;
  chars: number;
}

export interface WriterOptions {
  dataDir: string;
  maxBytes: number;
  onStep?: (step: Step) => void | Promise<void>;
  /** Called once the text is extracted, before the near-duplicate check and indexing. */
  onExtracted?: (info: ExtractedInfo) => void | Promise<void>;
}

/** Title: the admin's, the file's own front matter or metadata, its first heading or sentence, its name. */
function titleFor(sub: Submission, extracted: Extracted, own: Record<string, unknown>, body: string): string {
  const first = body.split("\n").find((l) => l.trim()) ?? "";
  const candidates = [
    sub.title,
    ownString(own, "title"),
    extracted.title,
    first ? readNote(first).title : undefined,
    sub.fileName,
  ];
  return clip(
    candidates
      .find((t) => t?.trim())!
      .replace(/\s+/g, " ")
      .trim(),
    200,
  );
}

/** At most `max` characters (code points kept whole): a title from a file's metadata can be any length. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/** The document this request wrote before a crash cut it short, if any. */
function writtenBy(kb: KnowledgeBase, request: string | undefined): string | undefined {
  if (!request) return undefined;
  const index = kb.index();
  return index.documentIds().find((id) => index.document(id)!.meta?.request === request);
}

/** Which document already holds these bytes or this text, if any. */
function duplicateOf(kb: KnowledgeBase, hashes: string[]): string | undefined {
  const index = kb.index();
  return index.documentIds().find((id) => {
    const entry = index.document(id)!;
    const meta = entry.meta ?? {};
    return (
      hashes.includes(entry.hash) ||
      hashes.includes(String(meta.sha256)) ||
      hashes.includes(String(meta.content_sha256))
    );
  });
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, data);
}

/** The kept original's extension: the file's own when supported, else its format's (typed text is .txt). */
function uploadExtension(sub: Submission, format: Format): string {
  const own = path.extname(sub.fileName ?? "").toLowerCase();
  if ((SUPPORTED as readonly string[]).includes(own)) return own;
  return { text: ".txt", markdown: ".md", html: ".html", pdf: ".pdf", docx: ".docx" }[format];
}

/** The text to index and the file's own front matter (only Markdown has one; it is never indexed as body). */
function bodyOf(extracted: Extracted): { body: string; own: Record<string, unknown> } {
  return extracted.format === "markdown"
    ? splitOwnFrontMatter(extracted.text)
    : { body: extracted.text, own: {} };
}

/**
 * Validates, extracts, writes CORPUS_DIR/<date>-<slug>.md with front matter, keeps the original, and indexes it.
 * Refuses exact duplicates; a near-duplicate is a NearDuplicateError unless `keepNearDuplicate` is set.
 */
export async function addDocument(
  kb: KnowledgeBase,
  sub: Submission,
  options: WriterOptions,
): Promise<Added> {
  const began = performance.now();
  if (sub.bytes.byteLength > options.maxBytes)
    throw DocumentRejectedError.tooLarge(options.maxBytes, "file", sub.bytes.byteLength);
  // Text typed into the chat has neither a name nor a type.
  const format = sub.fileName || sub.mimeType ? formatOf(sub.fileName, sub.mimeType) : "text";
  if (!format) {
    throw new DocumentRejectedError(
      "unsupported",
      `Files of type ${path.extname(sub.fileName ?? "") || sub.mimeType || "unknown"} cannot be added.`,
      "Send a .txt, .md, .html, .pdf or .docx file.",
    );
  }
  await options.onStep?.("extracting");
  const extracted = await extractText(sub.bytes, format);
  const { body, own } = bodyOf(extracted);
  const hashes = [sha256(sub.bytes), sha256(body)];
  const title = titleFor(sub, extracted, own, body);
  await options.onExtracted?.({ title, bytes: sub.bytes.byteLength, chars: body.length });
  await options.onStep?.("indexing");
  const {
    result: { id: docId, resumed },
  } = await kb.change(
    async () => {
      const written = writtenBy(kb, sub.request);
      if (written) return { id: written, upload: undefined, resumed: true };
      const existing = duplicateOf(kb, hashes);
      if (existing)
        throw new DocumentRejectedError("duplicate", `This content is already in the corpus as ${existing}.`);
      const near = sub.keepNearDuplicate ? undefined : nearDuplicateOf(kb.index(), body);
      if (near) throw new NearDuplicateError(near.docId, near.title, near.containment);
      const now = new Date();
      const id = newDocId(title, now, (taken) => kb.index().document(taken) !== undefined);
      const meta = mergeMeta(own, {
        title,
        source: sub.source,
        added_by: sub.addedBy,
        ...(sub.addedByName ? { added_by_name: sub.addedByName } : {}),
        added_at: now.toISOString(),
        sha256: hashes[0]!,
        content_sha256: hashes[1]!,
        format,
        ...(sub.request ? { request: sub.request } : {}),
      });
      const upload = path.join(
        options.dataDir,
        "uploads",
        `${id.replace(/\.md$/, "")}${uploadExtension(sub, format)}`,
      );
      await writeAtomically(upload, sub.bytes);
      await writeAtomically(path.join(kb.corpusDir, id), `---\n${toYaml(meta)}---\n${body}\n`);
      return { id, upload, resumed: false };
    },
    // The original goes too: a failed add leaves nothing behind (a resumed one wrote nothing now).
    async ({ id, upload, resumed }) => {
      if (resumed) return;
      await unlink(path.join(kb.corpusDir, id));
      if (upload) await unlink(upload).catch(() => undefined);
    },
  );
  const entry = kb.index().document(docId);
  const passages = entry?.passageIds.length ?? 0;
  const shown = resumed ? (entry?.title ?? title) : title;
  return {
    docId,
    title: shown,
    chars: body.length,
    passages,
    ms: performance.now() - began,
    ...(resumed ? { resumed } : {}),
  };
}

/** Deletes a document (an id from the index, never a path typed by a user) and its passages. */
export async function removeDocument(kb: KnowledgeBase, docId: string): Promise<{ passages: number }> {
  const entry = kb.index().document(docId);
  if (!entry)
    throw new DocumentRejectedError(
      "unsupported",
      `There is no document ${docId}.`,
      "See /docs for the ids.",
    );
  const file = path.join(kb.corpusDir, docId);
  // Kept until the index no longer lists the document: when re-indexing fails, the file is put back.
  let bytes: Buffer | undefined;
  await kb.change(
    async () => {
      bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "ENOENT") throw e;
        return undefined;
      });
      if (bytes) await unlink(file);
    },
    async () => {
      if (bytes) await writeFileAtomic(file, bytes);
    },
  );
  return { passages: entry.passageIds.length };
}
