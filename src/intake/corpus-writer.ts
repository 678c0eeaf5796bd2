// Adds and removes corpus documents safely: validated, deduplicated, written atomically, indexed at once.
import { mkdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import slugify from "slugify";
import writeFileAtomic from "write-file-atomic";
import { stringify as toYaml } from "yaml";
import { sha256 } from "../corpus/documents.js";
import { DocumentRejectedError } from "../errors.js";
import type { KnowledgeBase } from "../knowledge-base.js";
import { type Extracted, extractText, formatOf } from "./extract.js";

export interface Submission {
  bytes: Uint8Array;
  /** The original file name, used only for its extension and as a last-resort title. */
  fileName?: string;
  mimeType?: string;
  /** Where it came from: a URL, "telegram file NAME", "telegram message". */
  source: string;
  title?: string;
  addedBy: number;
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

export interface WriterOptions {
  dataDir: string;
  maxBytes: number;
  onStep?: (step: Step) => void | Promise<void>;
}

/** Title: given, else found in the file, else the first line, else the file name. */
function titleFor(sub: Submission, extracted: Extracted): string {
  const firstLine =
    extracted.text
      .split("\n")
      .find((l) => l.trim())
      ?.replace(/^#+\s*/, "")
      .trim() ?? "";
  const candidates = [
    sub.title,
    extracted.title,
    firstLine.length <= 120 ? firstLine : `${firstLine.slice(0, 100)}…`,
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

function freeDocId(kb: KnowledgeBase, title: string): string {
  const base = slugify(title, { lower: true, strict: true }).slice(0, 60).replace(/-+$/, "") || "document";
  const taken = new Set(kb.index().documentIds());
  for (let i = 1; ; i++) {
    const id = `${base}${i === 1 ? "" : `-${i}`}.md`;
    if (!taken.has(id)) return id;
  }
}

/** Validates, extracts, writes CORPUS_DIR/<slug>.md with front matter, keeps the original, and indexes it. */
export async function addDocument(
  kb: KnowledgeBase,
  sub: Submission,
  options: WriterOptions,
): Promise<Added> {
  const began = performance.now();
  if (sub.bytes.byteLength > options.maxBytes) throw DocumentRejectedError.tooLarge(options.maxBytes);
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
  const hashes = [sha256(sub.bytes), sha256(extracted.text)];
  const title = titleFor(sub, extracted);
  await options.onStep?.("indexing");
  const {
    result: { id: docId, resumed },
  } = await kb.change(
    async () => {
      const own = writtenBy(kb, sub.request);
      if (own) return { id: own, upload: undefined, resumed: true };
      const existing = duplicateOf(kb, hashes);
      if (existing)
        throw new DocumentRejectedError("duplicate", `This content is already in the corpus as ${existing}.`);
      const id = freeDocId(kb, title);
      const meta = {
        title,
        source: sub.source,
        added_by: sub.addedBy,
        added_at: new Date().toISOString(),
        sha256: hashes[0],
        content_sha256: hashes[1],
        format,
        ...(sub.request ? { request: sub.request } : {}),
      };
      const ext = sub.fileName
        ? path.extname(sub.fileName).toLowerCase()
        : `.${format === "markdown" ? "md" : format}`;
      const upload = path.join(options.dataDir, "uploads", `${id.replace(/\.md$/, "")}${ext}`);
      await writeAtomically(upload, sub.bytes);
      await writeAtomically(path.join(kb.corpusDir, id), `---\n${toYaml(meta)}---\n${extracted.text}\n`);
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
    chars: extracted.text.length,
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
