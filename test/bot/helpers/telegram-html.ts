// Checks a message the way Telegram's HTML parse mode would: known tags only, balanced, valid entities, and at most
// 4,096 characters of text once parsed. Returns the problems found (none when valid) and the parsed text.
const TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export function parseTelegramHtml(html: string, limit = 4096): { problems: string[]; text: string } {
  const problems: string[] = [];
  const stack: string[] = [];
  let text = "";
  for (const token of html.match(/<[^>]*>|&[^;\s]*;|[^<&]+|[<&]/g) ?? []) {
    if (token === "<" || token === "&") {
      problems.push(`bare "${token}"`);
    } else if (token.startsWith("</")) {
      const name = token.slice(2, -1).trim();
      if (stack.pop() !== name) problems.push(`unbalanced ${token}`);
    } else if (token.startsWith("<")) {
      const name = /^<([a-z-]+)/i.exec(token)?.[1] ?? "";
      if (!TAGS.has(name)) problems.push(`unsupported tag ${token}`);
      stack.push(name);
    } else if (token.startsWith("&")) {
      const name = token.slice(1, -1);
      const decoded =
        ENTITIES[name] ?? (/^#\d+$/.test(name) ? String.fromCodePoint(Number(name.slice(1))) : undefined);
      if (decoded === undefined) problems.push(`unknown entity ${token}`);
      text += decoded ?? "";
    } else {
      text += token;
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(", ")}`);
  if (text.trim().length === 0) problems.push("empty text");
  if (text.length > limit) problems.push(`text is ${text.length} characters`);
  return { problems, text };
}
