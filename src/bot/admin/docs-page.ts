// One page of /docs: the documents newest first, ten a page, each with its facts and a row of buttons (open, remove).
import { InlineKeyboard } from "grammy";
import type { DocumentEntry, PassageIndex } from "../../index/passage-index.js";
import { truncate } from "../html.js";
import { adminData, docKey } from "./callbacks.js";
import type { AdminStrings, DocLine } from "./strings.js";

export const PAGE_SIZE = 10;

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** When a document came: added by an admin, or (a file put in the folder) first indexed. */
function arrivedAt(entry: DocumentEntry): string {
  return str(entry.meta?.added_at) ?? entry.indexedAt;
}

/** Document ids, the newest first; ties by id. */
export function newestFirst(index: PassageIndex): string[] {
  const at = (id: string) => arrivedAt(index.document(id)!);
  return index.documentIds().sort((a, b) => at(b).localeCompare(at(a)) || a.localeCompare(b));
}

const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** A link where there is one (a file's own source when the bot's is a Telegram upload), else the bot's words. */
function sourceOf(meta: Record<string, unknown>): string | undefined {
  const candidates = [str(meta.source), str(meta.original_source)];
  return candidates.find((s) => s && /^https?:\/\//i.test(s)) ?? candidates.find(Boolean);
}

export function docLine(n: number, docId: string, entry: DocumentEntry): DocLine {
  const meta = entry.meta ?? {};
  const by = meta.added_by;
  return {
    n,
    title: entry.title || docId,
    docId,
    bytes: entry.size,
    passages: entry.passageIds.length,
    addedBy:
      typeof by === "number" || typeof by === "string"
        ? { id: String(by), name: str(meta.added_by_name) }
        : undefined,
    when: minute(arrivedAt(entry)),
    source: sourceOf(meta),
  };
}

/** The page (clamped to those there are), its text and keyboard. */
export function docsPage(index: PassageIndex, t: AdminStrings, page: number) {
  const ids = newestFirst(index);
  if (ids.length === 0) return { text: t.docsEmpty, keyboard: undefined };
  const pages = Math.ceil(ids.length / PAGE_SIZE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = ids.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const keyboard = new InlineKeyboard();
  const lines = shown.map((id, i) => {
    const line = docLine(p * PAGE_SIZE + i + 1, id, index.document(id)!);
    keyboard
      .text(`📖 ${line.n}. ${truncate(line.title, 28)}`, adminData({ kind: "open", key: docKey(id) }))
      .text(`🗑 ${line.n}`, adminData({ kind: "ask-remove", key: docKey(id) }))
      .row();
    return t.docLine(line);
  });
  if (p > 0) keyboard.text(t.prev, adminData({ kind: "page", page: p - 1 }));
  if (p < pages - 1) keyboard.text(t.next, adminData({ kind: "page", page: p + 1 }));
  return { text: [t.docsTitle(ids.length, p + 1, pages), ...lines, t.docsHint].join("\n\n"), keyboard };
}
