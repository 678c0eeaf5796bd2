// Splitting HTML into messages: every piece is valid Telegram HTML within the limit, and no text is lost.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/bot/html.js";
import { MESSAGE_LIMIT, splitBlock, splitHtml } from "../../src/bot/split-html.js";
import { parseTelegramHtml } from "./helpers/telegram-html.js";

const squash = (s: string) => s.replace(/\s+/g, "");
const parsed = (html: string) => parseTelegramHtml(html, Number.POSITIVE_INFINITY).text;

describe("splitHtml", () => {
  it("keeps short blocks together, a blank line apart", () => {
    expect(splitHtml(["<b>a</b>", "b"])).toEqual(["<b>a</b>\n\nb"]);
  });

  it("starts a new message at a block boundary when the next block does not fit", () => {
    const a = "a".repeat(3000);
    const b = "b".repeat(3000);
    expect(splitHtml([a, b])).toEqual([a, b]);
  });

  it("cuts a long blockquote between words, closing and reopening it", () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(" ");
    const parts = splitBlock(`<blockquote expandable>${words}</blockquote>`);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(p.startsWith("<blockquote expandable>")).toBe(true);
      expect(p.endsWith("</blockquote>")).toBe(true);
      expect(parseTelegramHtml(p).problems).toEqual([]);
    }
    expect(parts.map((p) => parsed(p).trim()).join(" ")).toBe(words);
  });

  it("cuts inside a word longer than a message without splitting an emoji or an entity", () => {
    const word = `${"😀".repeat(3000)}&amp;${"x".repeat(10)}`;
    const parts = splitBlock(`<b>${word}</b>`, 1000);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect(parseTelegramHtml(p).problems).toEqual([]);
      expect(p).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(parts.map(parsed).join("")).toBe(parsed(`<b>${word}</b>`));
  });

  const text = fc
    .array(fc.constantFrom("a", "Б", " ", "\n", "<", ">", "&", "😀", "word ", "longerword"), {
      maxLength: 120,
    })
    .map((parts) => escapeHtml(parts.join("")));
  const tagged: fc.Arbitrary<string> = fc.oneof(
    text,
    fc.tuple(fc.constantFrom("b", "i", "code"), text).map(([t, s]) => `<${t}>${s}</${t}>`),
    fc.tuple(text, text).map(([a, b]) => `<blockquote expandable>${a}<b>${b}</b></blockquote>`),
  );
  const block = fc.array(tagged, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(""));

  it("property: every message is valid, within the limit, and together they hold all the text", () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), fc.integer({ min: 60, max: 400 }), (blocks, limit) => {
        const messages = splitHtml(blocks, limit);
        for (const m of messages) {
          expect(m.length).toBeLessThanOrEqual(limit);
          expect(parseTelegramHtml(m, limit).problems).toEqual([]);
        }
        const visible = blocks.filter((b) => parsed(b).trim()).map(parsed);
        expect(squash(messages.map(parsed).join(""))).toBe(squash(visible.join("")));
      }),
      { numRuns: 300 },
    );
  });
});
