// Titles for notes typed into the chat: one the admin gives ("Title | text", a "# Title" line), else the first sentence.

/** A title's length limit; longer ones are cut at a word boundary. */
export const TITLE_MAX = 80;

export interface Note {
  /** Given by the admin, or the note's first sentence or line. */
  title: string;
  /** What is stored and indexed. */
  body: string;
}

/** At most `max` characters, cut at the last word boundary before the limit, with an ellipsis when cut. */
export function shortTitle(text: string, max = TITLE_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  const cut = space >= max / 3 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/u, "")}…`;
}

/** The first sentence of a line: up to a full stop, "!" or "?" followed by a space, once it has a few words. */
function firstSentence(line: string): string {
  const end = /^(.{12,}?[.!?…])(?=\s)/u.exec(line);
  return (end?.[1] ?? line).trim();
}

/** Reads a pasted note: "Title | text", a first line "# Title", or a title from its first sentence. */
export function readNote(text: string): Note {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split("\n");
  const bar = first.indexOf("|");
  if (bar > 0 && first.slice(0, bar).trim() && (first.slice(bar + 1).trim() || rest.join("").trim())) {
    const body = [first.slice(bar + 1).trim(), ...rest].join("\n").trim();
    return { title: shortTitle(first.slice(0, bar)), body };
  }
  const heading = /^#+\s*(.+)$/.exec(first.trim());
  if (heading?.[1]) return { title: shortTitle(heading[1]), body: trimmed };
  return { title: shortTitle(firstSentence(first)), body: trimmed };
}
