// Reads documents from the corpus folder: ids, titles, front matter, content hashes.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { CorpusDocument } from "./types.js";

export const DOCUMENT_EXTENSIONS = [".md", ".txt"];

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Splits optional YAML front matter off the text; a malformed block is treated as body text. */
export function parseFrontMatter(text: string): { meta: Record<string, unknown>; bodyStart: number } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { meta: {}, bodyStart: 0 };
  try {
    const meta = parseYaml(m[1] ?? "");
    if (meta && typeof meta === "object" && !Array.isArray(meta)) {
      return { meta: meta as Record<string, unknown>, bodyStart: m[0].length };
    }
  } catch {
    // Not YAML after all: keep it as text.
  }
  return { meta: {}, bodyStart: 0 };
}

function titleOf(docId: string, text: string, meta: Record<string, unknown>, bodyStart: number): string {
  if (typeof meta.title === "string" && meta.title.trim()) return meta.title.trim();
  const body = text.slice(bodyStart);
  const heading = /^#{1,2}[ \t]+(.+)$/m.exec(body);
  if (heading?.[1]) return heading[1].trim();
  const base = path.posix.basename(docId).replace(/\.[^.]+$/, "");
  return base.replace(/[-_]+/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}

/** Builds a CorpusDocument from a file's bytes. */
export function documentFromBytes(docId: string, bytes: Uint8Array): CorpusDocument {
  const text = Buffer.from(bytes).toString("utf8");
  const { meta, bodyStart } = parseFrontMatter(text);
  return { docId, text, hash: sha256(bytes), meta, bodyStart, title: titleOf(docId, text, meta, bodyStart) };
}

export async function loadDocument(corpusDir: string, docId: string): Promise<CorpusDocument> {
  return documentFromBytes(docId, await readFile(path.join(corpusDir, docId)));
}

/** Document ids (relative paths, forward slashes) of every supported file, sorted. Hidden files and folders are skipped. */
export async function listDocumentIds(corpusDir: string): Promise<string[]> {
  const entries = await readdir(corpusDir, { recursive: true, withFileTypes: true }).catch(
    (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return [];
      throw e;
    },
  );
  const ids: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const rel = path.relative(corpusDir, path.join(e.parentPath, e.name)).split(path.sep).join("/");
    if (rel.split("/").some((part) => part.startsWith("."))) continue;
    if (DOCUMENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) ids.push(rel);
  }
  return ids.sort();
}
