// Turns an uploaded or fetched file into readable text: plain text, Markdown, HTML, PDF and DOCX.
import path from "node:path";
import { DocumentRejectedError } from "../errors.js";
import { runSandboxed, type SandboxLimits } from "./sandbox.js";
import { checkUnpackedSize } from "./zip-budget.js";

export const SUPPORTED = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"] as const;
export type Format = "text" | "markdown" | "html" | "pdf" | "docx";

export interface Extracted {
  text: string;
  /** A title found inside the file (HTML <title>, PDF metadata, first Markdown heading). */
  title?: string;
  format: Format;
}

/** Fewer readable characters than this is "no text" (a scanned PDF, an empty page). */
export const MIN_CHARS = 40;

const BY_TYPE: Record<string, Format> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};
const BY_EXT: Record<string, Format> = {
  ".txt": "text",
  ".md": "markdown",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};

/** The format from a file name, else from a MIME type; undefined when neither is supported. */
export function formatOf(fileName?: string, mimeType?: string): Format | undefined {
  const ext = fileName ? path.extname(fileName).toLowerCase() : "";
  if (ext && BY_EXT[ext]) return BY_EXT[ext];
  const mime = mimeType?.split(";")[0]?.trim().toLowerCase();
  return mime ? BY_TYPE[mime] : undefined;
}

/** True when bytes are not text: NUL bytes, or many control or undecodable characters. */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const bad = text.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return bad > Math.max(8, text.length * 0.01);
}

async function fromHtml(html: string): Promise<Extracted> {
  const { load } = await import("cheerio");
  const $ = load(html);
  $("script, style, noscript, nav, header, footer, aside, form, iframe, svg, template").remove();
  const title = $("title").first().text().trim() || $("h1").first().text().trim() || undefined;
  const blocks: string[] = [];
  $("h1, h2, h3, h4, p, li, blockquote, pre, td").each((_, el) => {
    const t = $(el).text().replace(/\s+/g, " ").trim();
    if (t && !$(el).parents("p, li, blockquote, td").length)
      blocks.push(el.tagName.match(/^h\d$/) ? t.replace(/[.:]$/, "") : t);
  });
  const text = blocks.length > 0 ? blocks.join("\n\n") : $("body").text().replace(/\s+/g, " ").trim();
  return { text, title, format: "html" };
}

/** Why pdf.js could not open a PDF, in words an admin can act on. */
function pdfRefusal(cause: unknown): DocumentRejectedError {
  const name = (cause as Error | undefined)?.name;
  if (name === "PasswordException")
    return new DocumentRejectedError(
      "encrypted",
      "This PDF is protected with a password, so its text cannot be read.",
      "Remove the protection (open it and print or export it to a new PDF), or paste the text.",
    );
  return new DocumentRejectedError(
    "damaged",
    "This file is not a readable PDF: its structure is damaged or incomplete.",
    `Open it and save or export it as PDF again, or send the text as .txt. (${name ?? "Error"}: ${(cause as Error)?.message})`,
  );
}

async function fromPdf(bytes: Uint8Array): Promise<Extracted> {
  const { PDFParse } = await import("pdf-parse");
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy, the caller still needs the bytes.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    // Opening the document fails here with the real cause (a password, a broken structure); getText on a document
    // that did not open fails only with "Unable to deserialize cloned data".
    const info = await parser.getInfo().catch((cause: unknown) => {
      throw pdfRefusal(cause);
    });
    const result = await parser.getText().catch((cause: unknown) => {
      throw pdfRefusal(cause);
    });
    const title = (info?.info as { Title?: string } | undefined)?.Title?.trim() || undefined;
    // Page markers ("-- 1 of 3 --") are layout, not content.
    const text = result.text.replace(/^-- \d+ of \d+ --$/gm, "").replace(/\n{3,}/g, "\n\n");
    return { text, title, format: "pdf" };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Refuses a file that is no zip at all (a DOCX is one): an old .doc, a renamed PDF or text. */
function notADocx(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from("PK\u0003\u0004"))) return;
  const oldWord = head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  throw new DocumentRejectedError(
    "not-docx",
    oldWord
      ? "This is an old Word .doc file, not a DOCX."
      : "This file is not a DOCX (Word) document, although its name or type says so.",
    "Open it in Word or LibreOffice and save it as .docx, or send it as PDF or plain text.",
  );
}

/**
 * What a DOCX may unpack to: by its own zip directory first (refused before anything is unpacked), then by really
 * inflating it into nothing (zip-budget.ts), since the directory can lie.
 */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** The total unpacked size a zip's central directory declares (Infinity for ZIP64); undefined when none is found. */
export function declaredUnzippedSize(bytes: Uint8Array): number | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, view.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = view.length - 22; i >= from; i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return undefined;
    const size = view.readUInt32LE(at + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return total;
}

async function fromDocx(bytes: Uint8Array): Promise<Extracted> {
  const unzipped = declaredUnzippedSize(bytes) ?? 0;
  if (unzipped > MAX_UNZIPPED_BYTES) {
    throw new DocumentRejectedError(
      "too-large",
      `This DOCX file unpacks to ${unzipped === Number.POSITIVE_INFINITY ? "over 4 GB" : `${Math.round(unzipped / 1048576)} MB`}, more than the ${MAX_UNZIPPED_BYTES / 1048576} MB allowed.`,
      "Split it, or save it as PDF or plain text.",
    );
  }
  notADocx(bytes);
  await checkUnpackedSize(bytes, MAX_UNZIPPED_BYTES);
  const mammoth = await import("mammoth");
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { text: value, format: "docx" };
  } catch (cause) {
    throw new DocumentRejectedError(
      "damaged",
      "This DOCX file cannot be read: it is damaged or incomplete.",
      `Open it in Word or LibreOffice and save it as .docx again, or send it as PDF. (${(cause as Error).message})`,
    );
  }
}

/**
 * Extracts text, normalised to LF line ends; refuses binary garbage and files with (almost) no text. PDF, DOCX and
 * HTML are parsed in a sandboxed worker (sandbox.ts), with a deadline and a memory cap.
 */
export async function extractText(
  bytes: Uint8Array,
  format: Format,
  limits?: SandboxLimits,
): Promise<Extracted> {
  if (format === "text" || format === "markdown") return extractInThread(bytes, format);
  return runSandboxed(bytes, format, limits);
}

/** extractText without the sandbox: what the sandbox's worker runs. */
export async function extractInThread(bytes: Uint8Array, format: Format): Promise<Extracted> {
  let out: Extracted;
  if (format === "pdf") out = await fromPdf(bytes);
  else if (format === "docx") out = await fromDocx(bytes);
  else {
    const decoded = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    if (looksBinary(decoded))
      throw new DocumentRejectedError(
        "binary",
        "This file is not text (it looks like binary data).",
        "Send a .txt, .md, .html, .pdf or .docx file.",
      );
    out = format === "html" ? await fromHtml(decoded) : { text: decoded, format };
  }
  const text = out.text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
  if (looksBinary(text))
    throw new DocumentRejectedError(
      "binary",
      "This file holds no readable text (it looks like binary data).",
    );
  if (text.replace(/\s/g, "").length < MIN_CHARS) {
    throw format === "pdf"
      ? new DocumentRejectedError(
          "no-text",
          "This PDF has no text layer: it looks like a scan (pages of images), so there is nothing to index.",
          "Run it through OCR (e.g. “Recognize text” in a PDF editor) and send the result, or paste the text.",
        )
      : new DocumentRejectedError(
          "no-text",
          "No text could be extracted from this file.",
          "Send a file with at least a few sentences of text, or paste the text.",
        );
  }
  return { ...out, text };
}
