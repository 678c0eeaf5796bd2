// The front matter of what an admin adds: an uploaded Markdown file's own (title, source, date) under the bot's own.
import { parseFrontMatter } from "../corpus/documents.js";

/** What the bot records of every addition; these keys win over a file's own. */
export interface BotMeta {
  title: string;
  source: string;
  added_by: number;
  added_by_name?: string;
  added_at: string;
  sha256: string;
  content_sha256: string;
  format: string;
  /** The request that added it (chat and message id), by which an /add replayed after a crash finds it. */
  request?: string;
}

/** Keys a file's own front matter never brings in, even when the bot does not set them this time. */
const RESERVED = new Set(["request"]);

/** A Markdown file's own front matter, split off: its body is what gets indexed. */
export function splitOwnFrontMatter(text: string): { body: string; own: Record<string, unknown> } {
  const { meta, bodyStart } = parseFrontMatter(text);
  return { body: text.slice(bodyStart).trim(), own: meta };
}

/** A string field of the file's own front matter (a YAML date becomes YYYY-MM-DD). */
export function ownString(own: Record<string, unknown>, key: string): string | undefined {
  const v = own[key];
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;
}

/**
 * The front matter written to the corpus: the bot's fields, then the file's other own fields. A file's own `source`
 * (where the text was published) is kept as `original_source` when the bot's differs (a Telegram upload).
 */
export function mergeMeta(own: Record<string, unknown>, bot: BotMeta): Record<string, unknown> {
  const extras = Object.fromEntries(
    Object.entries(own).filter(([key]) => !Object.hasOwn(bot, key) && !RESERVED.has(key)),
  );
  const ownSource = ownString(own, "source");
  const date = ownString(own, "date");
  return {
    ...bot,
    ...extras,
    ...(date ? { date } : {}),
    ...(ownSource && ownSource !== bot.source ? { original_source: ownSource } : {}),
  };
}
