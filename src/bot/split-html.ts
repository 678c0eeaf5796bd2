// Splits HTML into messages under Telegram's 4,096-character limit, closing and reopening tags at every cut.

export const MESSAGE_LIMIT = 4096;

/** Tags, entities, white space and words: the pieces a cut may fall between. */
const TOKENS = /<[^>]*>|&#?\w+;|\s+|[^<&\s]+|[<&]/g;

interface OpenTag {
  name: string;
  tag: string;
}

/**
 * Packs blocks (each balanced HTML) into messages, blank line between blocks; a block too long for one message
 * is cut between words. Lengths are counted on the HTML source, which is never shorter than the parsed text.
 */
export function splitHtml(blocks: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const out: string[] = [];
  let cur = "";
  for (const block of blocks) {
    if (!hasText(block)) continue;
    const joined = cur ? `${cur}\n\n${block}` : block;
    if (joined.length <= limit) {
      cur = joined;
      continue;
    }
    if (cur) out.push(cur);
    const parts = block.length <= limit ? [block] : splitBlock(block, limit);
    out.push(...parts.slice(0, -1));
    cur = parts.at(-1) ?? "";
  }
  if (cur) out.push(cur);
  return out;
}

/** Cuts one balanced HTML block between words, or inside a word longer than a message. */
export function splitBlock(html: string, limit = MESSAGE_LIMIT): string[] {
  const out: string[] = [];
  const stack: OpenTag[] = [];
  let cur = "";
  let visible = false;
  const closers = () =>
    stack
      .map((o) => `</${o.name}>`)
      .reverse()
      .join("");
  const flush = () => {
    out.push(cur + closers());
    cur = stack.map((o) => o.tag).join("");
    visible = false;
  };
  // Without text so far, what the message holds is empty elements: drop them rather than send an empty message.
  const cutOrCompact = () => (visible ? flush() : (cur = stack.map((o) => o.tag).join("")));
  for (let token of html.match(TOKENS) ?? []) {
    if (token.startsWith("</")) {
      cur += token;
      stack.pop();
      continue;
    }
    if (token.startsWith("<") && token.length > 1) {
      const name = /^<([a-z-]+)/i.exec(token)?.[1] ?? "";
      if (cur.length + token.length + name.length + 3 + closers().length > limit) cutOrCompact();
      cur += token;
      stack.push({ name, tag: token });
      continue;
    }
    if (cur.length + token.length + closers().length > limit) {
      cutOrCompact();
      if (!/\S/.test(token)) continue;
    }
    while (cur.length + token.length + closers().length > limit) {
      const room = limit - cur.length - closers().length;
      if (room <= 0)
        throw new RangeError(`splitBlock: tags nested too deep for a ${limit}-character message`);
      const piece = cutAt(token, room);
      cur += piece;
      visible = true;
      flush();
      token = token.slice(piece.length);
    }
    cur += token;
    if (/\S/.test(token)) visible = true;
  }
  if (visible) out.push(cur + closers());
  return out;
}

/** Telegram refuses a message with no text: a block of tags and white space alone adds nothing. */
function hasText(html: string): boolean {
  return /\S/.test(html.replace(/<[^>]*>/g, ""));
}

/** The longest prefix of at most `room` UTF-16 units that does not split a surrogate pair (entities are whole tokens). */
function cutAt(text: string, room: number): string {
  let end = room;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, Math.max(end, 1));
}
