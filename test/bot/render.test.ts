// Rendering answers and passages: escaped, with exact quotes, buttons within Telegram's 64-byte callback data.
import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../src/answer/answer.js";
import { parseCallbackData, showData, sourceData, voteData } from "../../src/bot/callback-data.js";
import { pickLang, stringsOf } from "../../src/bot/i18n.js";
import { renderAnswer } from "../../src/bot/render-answer.js";
import { renderPassage } from "../../src/bot/render-passage.js";
import type { Passage } from "../../src/corpus/types.js";
import { parseTelegramHtml } from "./helpers/telegram-html.js";

const en = stringsOf("en");

function citation(n: number, quote: string, extra: Partial<Citation> = {}): Citation {
  return {
    n,
    docId: "a <b>.md",
    title: "Title <i>&</i>",
    quote,
    start: 100 * n,
    end: 100 * n + quote.length,
    line: 3,
    passageId: "0123456789abcdef",
    score: 0.9,
    ...extra,
  };
}

function answer(text: string, citations: Citation[], extra: Partial<Answer> = {}): Answer {
  return {
    question: "Who <leads>?",
    answer: text,
    abstained: false,
    mode: "extractive",
    citations,
    passages: [],
    timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
    ...extra,
  };
}

describe("callback data", () => {
  it("round-trips a source with its span and a vote, within 64 bytes", () => {
    const data = sourceData("0123456789abcdef", 123_456, 9_876_543)!;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(parseCallbackData(data)).toEqual({
      kind: "source",
      passageId: "0123456789abcdef",
      start: 123_456,
      end: 9_876_543,
    });
    expect(parseCallbackData(voteData(false, "abcDEF123_-"))).toEqual({
      kind: "vote",
      up: false,
      answerId: "abcDEF123_-",
    });
  });

  it("round-trips a show button, dropping the passage's span, then the passage, when they do not fit", () => {
    expect(parseCallbackData(showData("abcDEF123_-", 2, "0123456789abcdef", 100, 200))).toEqual({
      kind: "show",
      answerId: "abcDEF123_-",
      n: 2,
      passageId: "0123456789abcdef",
      start: 100,
      end: 200,
    });
    expect(parseCallbackData(showData("abcDEF123_-", 0))).toEqual({
      kind: "show",
      answerId: "abcDEF123_-",
      n: 0,
    });
    expect(showData("abcDEF123_-", 1, "x".repeat(60), 1, 2)).toBe("s:abcDEF123_-:1");
  });

  it("drops the span, then the button, when an id is too long", () => {
    expect(sourceData("x".repeat(50), 1e9, 2e9)).toBe(`src:${"x".repeat(50)}`);
    expect(sourceData("x".repeat(80), 1, 2)).toBeUndefined();
    expect(parseCallbackData("nonsense")).toBeUndefined();
  });
});

describe("renderAnswer", () => {
  it("escapes the answer, titles and quotes, and adds a button per citation plus 👍/👎", () => {
    const view = { locate: () => ({ heading: "Formation <and> Aims", paragraph: 2 }) };
    const r = renderAnswer(answer("A <b>bold</b> & claim [1].", [citation(1, "x < y & z")]), en, "id1", view);
    expect(r.messages).toHaveLength(1);
    const html = r.messages[0]!;
    expect(parseTelegramHtml(html).problems).toEqual([]);
    expect(html).toContain("A &lt;b&gt;bold&lt;/b&gt; &amp; claim [1].");
    expect(html).toContain(
      "<b>[1]</b> Title &lt;i&gt;&amp;&lt;/i&gt;, Formation &lt;and&gt; Aims, paragraph 2",
    );
    expect(html).not.toContain("line 3");
    expect(html).toContain("<blockquote>x &lt; y &amp; z</blockquote>");
    const buttons = r.keyboard.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(["[1] “x < y & z”", "👍", "👎"]);
    for (const b of buttons)
      expect(Buffer.byteLength((b as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
  });

  it("never prints a sentence twice: a quote the answer already shows is named, not repeated", () => {
    const quote = "Spearheaded by Ilya Ponomarev, this congress represents a bold statement.";
    const r = renderAnswer(
      answer(`${quote} [1]`, [citation(1, quote), citation(2, quote, { start: 900 })]),
      en,
      "id",
    );
    const html = r.messages[0]!;
    expect(html.split("Spearheaded by Ilya Ponomarev")).toHaveLength(2);
    expect(html).toContain("<b>[1]</b> Title");
    expect(html).toContain("<b>[2]</b> Title");
    expect(html).not.toContain("<blockquote>");
  });

  it("says an answer the scorer is unsure of as the nearest the documents come, in the user's language", () => {
    const quote = "The session was chaired by Pavel Kuzmichev.";
    const unsure = answer(`${quote} [1]`, [citation(1, quote)], { lead: "Pavel Kuzmichev", tentative: true });
    const html = renderAnswer(unsure, en, "id").messages[0]!;
    expect(parseTelegramHtml(html).problems).toEqual([]);
    expect(html.indexOf(en.tentative)).toBe(0);
    expect(html).toContain("<b>Pavel Kuzmichev</b> [1]");
    expect(renderAnswer(unsure, stringsOf("ru"), "id").messages[0]).toContain("Не уверен");
    const sure = renderAnswer({ ...unsure, tentative: undefined }, en, "id").messages[0]!;
    expect(sure).not.toContain(en.tentative);
  });

  it("names each source button by its quote's first words, distinct for distinct quotes", () => {
    const r = renderAnswer(
      answer("A [1] B [2].", [
        citation(1, "The first quote is long enough to be cut at a word"),
        citation(2, "Another one"),
      ]),
      en,
      "abcDEF123_-",
    );
    const labels = r.keyboard.inline_keyboard.flat().map((b) => b.text);
    expect(labels).toEqual(["[1] “The first quote is long enough to…”", "[2] “Another one”", "👍", "👎"]);
  });

  it("makes a long quote an expandable blockquote", () => {
    const r = renderAnswer(answer("Yes [1].", [citation(1, "word ".repeat(100).trim())]), en, "id");
    expect(r.messages[0]).toContain("<blockquote expandable>word word");
  });

  it("an abstention says the documents do not cover it, shows related passages, and what the documents cover", () => {
    const titles = ["Congress <opens>", "Committees", "Notes", "Budget"];
    const r = renderAnswer(
      answer("The documents do not answer this [1].", [citation(1, "near")], {
        abstained: true,
        related: true,
      }),
      en,
      "id",
      { titles },
    );
    const html = r.messages[0]!;
    expect(html).toContain("My documents do not cover this.");
    expect(html).toContain("<b>Nearest passages</b>");
    expect(html).toContain("<blockquote>near</blockquote>");
    expect(html).toContain("“Congress &lt;opens&gt;”; “Committees”; “Notes” and 1 more (/sources)");
    expect(html).not.toContain("rephras");
  });

  it("an abstention without related passages shows none of its citations", () => {
    const r = renderAnswer(
      answer("The documents do not answer this.", [citation(1, "unrelated")], { abstained: true }),
      en,
      "id",
      { titles: ["Congress"] },
    );
    expect(r.messages[0]).not.toContain("unrelated");
    expect(r.messages[0]).not.toContain("Nearest");
    expect(r.keyboard.inline_keyboard.flat().map((b) => b.text)).toEqual(["👍", "👎"]);
  });

  it("an abstention offers the questions it is given, escaped; an answer does not", () => {
    const suggestions = ["What is known about “A <b>”?", "What is known about “B”?"];
    const abstained = renderAnswer(answer("No.", [], { abstained: true }), en, "id", { suggestions });
    const seen = parseTelegramHtml(abstained.messages[0]!).text;
    expect(seen).toContain(
      "Questions they do answer:\n• What is known about “A <b>”?\n• What is known about “B”?",
    );
    const answered = renderAnswer(answer("Yes [1].", [citation(1, "yes")]), en, "id", { suggestions });
    expect(answered.messages.join("")).not.toContain("Questions they do answer");
  });

  it("renders in Russian for a Russian user", () => {
    expect(pickLang("ru-RU")).toBe("ru");
    expect(pickLang("de")).toBe("en");
    const view = { locate: () => ({ heading: "", paragraph: 3 }) };
    const r = renderAnswer(answer("Да [1].", [citation(1, "цитата")]), stringsOf("ru"), "id", view);
    expect(r.messages[0]).toContain("<b>Источники</b>");
    expect(r.messages[0]).toContain("абзац 3");
  });
});

describe("renderPassage", () => {
  const passage: Passage = {
    passageId: "p",
    docId: "doc.md",
    title: "T & co",
    text: "Before <x>. The quote here. After.",
    start: 1000,
    end: 1034,
    line: 7,
    heading: "Section <1>",
    sentences: [],
  };

  it("shows the whole passage, the quoted span in bold, with its document and heading", () => {
    const [html] = renderPassage(passage, en, 1012, 1027);
    expect(parseTelegramHtml(html!).problems).toEqual([]);
    expect(html).toContain("📄 <b>T &amp; co</b> (<code>doc.md</code>)");
    expect(html).toContain("Section &lt;1&gt;");
    expect(html).toContain("Before &lt;x&gt;. <b>The quote here.</b> After.");
  });

  it("ignores a span outside the passage", () => {
    const [html] = renderPassage(passage, en, 10, 20);
    expect(html).not.toContain("<b>The");
    expect(html).toContain("Before &lt;x&gt;. The quote here. After.");
  });
});
