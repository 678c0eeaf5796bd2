// The bot end to end, as a user sees it: the real app on a fixture corpus, long polling against the Bot API emulator.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../src/answer/answer.js";
import type { AnswerPipeline } from "../../src/answer/pipeline.js";
import type { App } from "../../src/app.js";
import { escapeHtml } from "../../src/bot/html.js";
import { BOT, type BotMessage, poll, UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";
import { parseTelegramHtml } from "./helpers/telegram-html.js";

const asked: string[] = [];

/** The real pipeline, except: "explode" throws, "LONG ANSWER" answers with every passage of a long fixture document. */
function instrumented(real: AnswerPipeline, app: App): AnswerPipeline {
  return {
    async ask(question, options) {
      asked.push(question);
      if (question.includes("explode")) throw new Error("pipeline exploded on purpose");
      if (question.includes("LONG ANSWER")) return longAnswer(question, app);
      return real.ask(question, options);
    },
  };
}

function longAnswer(question: string, app: App): Answer {
  const index = app.kb.index();
  const passages = index.document("standing-committees.md")!.passageIds.map((id) => index.passageById(id)!);
  const citations: Citation[] = passages.map((p, i) => ({
    n: i + 1,
    docId: p.docId,
    title: p.title,
    quote: p.text,
    start: p.start,
    end: p.end,
    line: p.line,
    passageId: p.passageId,
    score: 1,
  }));
  return {
    question,
    answer: citations.map((c) => `Committee ${c.n}: ${"in detail ".repeat(40)}[${c.n}]`).join(" "),
    abstained: false,
    mode: "extractive",
    citations,
    passages: [],
    timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
  };
}

function expectValidHtml(message: BotMessage): string {
  expect(message.parseMode).toBe("HTML");
  const { problems, text } = parseTelegramHtml(message.text);
  expect(problems).toEqual([]);
  return text;
}

let f: BotFixture;
let userId = 1000;
const privateChat = (languageCode = "en") =>
  new UserChat(f.emulator, TOKEN, { userId: userId++, languageCode });

beforeAll(async () => {
  f = await startFixture({ pipeline: instrumented });
});
afterAll(async () => {
  await f?.close();
});

describe("private chat", () => {
  it("/start welcomes with what the bot knows and three example questions", async () => {
    const chat = privateChat();
    await chat.say("/start");
    const welcome = await chat.reply();
    const text = expectValidHtml(welcome);
    expect(text).toContain("Congress of People's Deputies");
    expect(text).toContain("3 documents");
    expect(text).toContain("Who leads the congress?");
    expect(text.match(/^• /gm)).toHaveLength(3);
  });

  it("answers with the short answer first and [1], each quote once with a human location, and named buttons", async () => {
    const chat = privateChat();
    const question = await chat.say("Who leads the congress?");
    const answer = await chat.reply();
    const text = expectValidHtml(answer);
    // What the pipeline answers (deterministic), as the user must see it.
    const expected = await f.app.pipeline.ask("Who leads the congress?");
    expect(answer.replyTo).toBe(question);
    expect(text).toContain("Ponomarev");
    expect(text).toContain("[1]");
    // The short answer leads; the sentence it comes from is its quote.
    expect(expected.lead).toBe("Ilya Ponomarev");
    expect(answer.text.startsWith("<b>Ilya Ponomarev</b> [1]\n")).toBe(true);
    for (const c of expected.citations) {
      // Printed once: as the answer itself, or as a quote under Sources, never both.
      expect(text.split(c.quote)).toHaveLength(2);
      expect(text).toMatch(
        new RegExp(`\\[${c.n}\\] ${escapeRegExp(c.title.slice(0, 20))}[^\\n]*paragraph \\d+`),
      );
    }
    expect(text).not.toMatch(/line \d+/);
    const [source, up, down] = answer.buttons;
    expect(source?.text).toMatch(/^\[1\] “Spearheaded by/);
    expect(up?.text).toBe("👍");
    expect(down?.text).toBe("👎");
    for (const b of answer.buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    // Typing was attempted; the emulator does not support it, and the answer came all the same.
    expect(f.emulator.calls).toContain("sendChatAction");
  });

  it("a source button opens the whole passage under the answer in place, quote in bold; pressed again, closes", async () => {
    const chat = privateChat();
    await chat.say("Who leads the congress?");
    const answer = await chat.reply();
    const cited = (await f.app.pipeline.ask("Who leads the congress?")).citations[0]!;
    const passage = f.app.kb.index().passageById(cited.passageId)!;
    const edits = f.emulator.edits.length;
    await chat.press(answer, answer.buttons[0]!.callback_data);
    await poll(async () => (f.emulator.edits.length > edits ? true : undefined));
    const opened = chat.current(answer.messageId);
    const text = expectValidHtml(opened);
    expect(text).toContain(passage.docId);
    expect(text.replace(/\s+/g, " ")).toContain(passage.text.replace(/\s+/g, " "));
    expect(opened.text).toContain(`<b>${escapeHtml(cited.quote)}</b>`);
    expect(opened.buttons[0]?.text).toBe("[1] ▴ Hide");
    expect(chat.pending()).toEqual([]);
    await chat.press(opened, opened.buttons[0]!.callback_data);
    await poll(async () => (f.emulator.edits.length > edits + 1 ? true : undefined));
    const closed = chat.current(answer.messageId);
    expect(closed.text).toBe(answer.text);
    expect(closed.buttons.map((b) => b.text)).toEqual(answer.buttons.map((b) => b.text));
    expect(f.emulator.callbackAnswers.at(-1)?.show_alert).toBeFalsy();
  });

  it("records 👍 with the question and answer as a JSON line in DATA_DIR", async () => {
    const chat = privateChat();
    await chat.say("Where did the fifth session open?");
    const answer = await chat.reply();
    const up = answer.buttons.find((b) => b.text === "👍")!;
    await chat.press(answer, up.callback_data);
    const file = path.join(f.config.dataDir, "feedback.jsonl");
    const record = await poll(async () => {
      const lines = (await readFile(file, "utf8").catch(() => "")).trim().split("\n").filter(Boolean);
      return lines.map((l) => JSON.parse(l)).find((r) => r.question === "Where did the fifth session open?");
    });
    expect(record).toMatchObject({ vote: "up", chatId: chat.chatId, abstained: false });
    expect(record.answer).toContain("Warsaw");
    expect(record.citations[0].docId).toBe("congress-fifth-session-warsaw.md");
    expect(f.emulator.callbackAnswers.at(-1)?.text).toContain("Thanks");
  });

  it("escapes HTML in documents (title and quote) and in the question", async () => {
    const chat = privateChat();
    await chat.say("Who is the assembly secretary?");
    const answer = await chat.reply();
    const text = expectValidHtml(answer);
    expect(answer.text).toContain(
      "Maria &lt;i&gt;Kowalska&lt;/i&gt; &amp; Partners &lt;script&gt;alert(1)&lt;/script&gt;",
    );
    expect(answer.text).toContain('Notes on &lt;b&gt;markup&lt;/b&gt; &amp; "tags"');
    expect(text).toContain("Maria <i>Kowalska</i> & Partners <script>alert(1)</script>");

    // Markup in a question never reaches Telegram as markup, whatever the answer.
    await chat.say("<u>xyzzy</u> & <b>plugh</b>?");
    expect(expectValidHtml(await chat.reply())).not.toContain("<u>");
  });

  it("splits an answer over 4,096 characters into valid messages, keyboard under the last", async () => {
    const chat = privateChat();
    const question = await chat.say("Give me the LONG ANSWER about committees");
    const messages = [await chat.reply()];
    while (messages.at(-1)!.buttons.length === 0) messages.push(await chat.reply());
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]!.replyTo).toBe(question);
    const texts = messages.map(expectValidHtml);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    const all = texts.join("").replace(/\s+/g, "");
    const index = f.app.kb.index();
    for (const id of index.document("standing-committees.md")!.passageIds) {
      expect(all).toContain(index.passageById(id)!.text.replace(/\s+/g, ""));
    }
    expect(messages.at(-1)!.buttons.filter((b) => b.callback_data.startsWith("s:")).length).toBeGreaterThan(
      1,
    );
  });

  it("a handler that throws gets the apology, is logged with its update id, and the next question is answered", async () => {
    const chat = privateChat();
    const question = await chat.say("Please explode now");
    const apology = await chat.reply();
    expect(apology.text).toContain("Sorry, something went wrong");
    expect(apology.replyTo).toBe(question);
    expect(f.logs.some((l) => /update \d+ failed: Error: pipeline exploded on purpose/.test(l))).toBe(true);

    await chat.say("Where did the fifth session open?");
    expect(expectValidHtml(await chat.reply())).toContain("Warsaw");
  });

  it("refuses an over-long question without asking the pipeline", async () => {
    const chat = privateChat();
    const long = `Who leads ${"the congress ".repeat(100)}?`;
    await chat.say(long);
    expect((await chat.reply()).text).toMatch(/is \d+ characters long; please keep it under 1000/);
    expect(asked).not.toContain(long.trim());
  });

  it("speaks Russian to a Russian-language user, and points unknown commands to /help", async () => {
    const chat = privateChat("ru");
    await chat.say("/start");
    expect((await chat.reply()).text).toContain("Съезде народных депутатов");
    await chat.say("/frobnicate");
    expect((await chat.reply()).text).toContain("/help");
  });

  it("/sources lists the documents with titles, escaped; /help explains", async () => {
    const chat = privateChat();
    await chat.say("/sources");
    const text = expectValidHtml(await chat.reply());
    expect(text).toContain("Documents (3)");
    expect(text).toContain('Notes on <b>markup</b> & "tags"');
    expect(text).toContain("Standing committees of the congress");
    await chat.say("/help");
    expect(expectValidHtml(await chat.reply())).toContain("In groups");
  });

  it("waits out a 429 from Telegram and delivers the message", async () => {
    const chat = privateChat();
    const before = f.emulator.calls.filter((c) => c === "sendMessage").length;
    f.emulator.failNext("sendMessage", {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      },
    });
    await chat.say("/help");
    expect((await chat.reply()).text).toContain("How to ask");
    expect(f.emulator.calls.filter((c) => c === "sendMessage").length - before).toBe(2);
  });
});

describe("groups", () => {
  const group = () =>
    new UserChat(f.emulator, TOKEN, { userId: userId++, chatId: -100_000 - userId, type: "group" });

  it("ignores a message without a mention, and answers /ask", async () => {
    const chat = group();
    await chat.say("Who leads the congress?");
    const ask = await chat.say("/ask Who leads the congress?");
    // Updates of one chat are handled in order: the first reply comes after the plain message was handled.
    const answer = await chat.reply();
    expect(answer.replyTo).toBe(ask);
    expect(answer.text).toContain("Ponomarev");
    expect(chat.pending()).toEqual([]);
  });

  it("answers a mention (without the mention in the question) and a reply to the bot", async () => {
    const chat = group();
    const text = "@TestNameBot where did the fifth session open?";
    const mention = await chat.say(text, { entities: [{ type: "mention", offset: 0, length: 12 }] });
    const answer = await chat.reply();
    expect(answer.replyTo).toBe(mention);
    expect(answer.text).toContain("Warsaw");
    expect(asked).toContain("where did the fifth session open?");

    const reply = await chat.say("Who leads the congress?", {
      reply_to_message: {
        message_id: answer.messageId,
        from: BOT,
        chat: { id: chat.chatId, type: "group" },
        date: 0,
        text: "…",
      },
    });
    const second = await chat.reply();
    expect(second.replyTo).toBe(reply);
    expect(second.text).toContain("Ponomarev");
  });
});

describe("start-up and safety", () => {
  it("logged the unsupported setMyCommands without stopping, and never logged the token", () => {
    expect(f.emulator.calls).toContain("setMyCommands");
    expect(f.logs.some((l) => l.includes("setMyCommands (en) failed"))).toBe(true);
    expect(f.logs.join("\n")).not.toContain(TOKEN);
  });

  it("a source button whose passage changed after a reindex says so", async () => {
    const chat = privateChat();
    await chat.say("Who is the assembly secretary?");
    const answer = await chat.reply();
    const file = path.join(f.config.corpusDir, "markup-notes.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("Maria", "Anna"));
    await f.app.kb.sync();
    const answered = f.emulator.callbackAnswers.length;
    await chat.press(answer, answer.buttons[0]!.callback_data);
    const alert = await poll(async () => f.emulator.callbackAnswers[answered]);
    expect(alert).toMatchObject({ show_alert: true });
    expect(alert.text).toContain("This source has changed");
    expect(chat.pending()).toEqual([]);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
