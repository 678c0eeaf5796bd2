// HTML parse mode helpers: every piece of user or document text goes through escapeHtml before it reaches Telegram.

/** Escapes the three characters Telegram's HTML parser treats specially. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes for a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

/** Shortens to at most `max` characters (code points kept whole), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join("")
    .trimEnd()}…`;
}

/** A blockquote, collapsed behind "show more" when the text is long. */
export function blockquote(html: string, visibleLength: number, expandableFrom = 300): string {
  const open = visibleLength > expandableFrom ? "<blockquote expandable>" : "<blockquote>";
  return `${open}${html}</blockquote>`;
}
