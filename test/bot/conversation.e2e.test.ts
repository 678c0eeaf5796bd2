// Conversations as a user has them, through the emulator: follow-ups ("when did he found it?", "and where?", "а где?")
// read with the chat's last turns, reply threads in a group, /new, small talk, honest abstentions, and a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Turn } from "../../src/answer/follow-up.js";
import type { AnswerPipeline } from "../../src/answer/pipeline.js";
import { BOT, type BotMessage, poll, UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";
import { parseTelegramHtml } from "./helpers/telegram-html.js";

/** Every question the pipeline was asked, with the history it was given. */
const asked: { question: string; history: Turn[] }[] = [];
const recording = (real: AnswerPipeline): AnswerPipeline => ({
  ask(question, options) {
    asked.push({ question, history: options?.history ?? [] });
    return real.ask(question, options);
  },
});
const historyOf = (question: string) => asked.findLast((a) => a.question === question)?.history;
const seen = (m: BotMessage) => parseTelegramHtml(m.text).text;

let f: BotFixture;
let userId = 5000;
beforeAll(async () => {
  f = await startFixture({ pipeline: recording });
});
afterAll(async () => {
  await f?.close();
});

const replyToBot = (chat: UserChat, m: BotMessage) => ({
  reply_to_message: {
    message_id: m.messageId,
    from: BOT,
    chat: { id: chat.chatId, type: "group" },
    date: 0,
    text: "…",
  },
});

describe("private chat follow-ups", () => {
  it("“when did he found it?” and “and where?” are read with the last turns; the user sees answers", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++ });
    await chat.say("Who leads the congress?");
    const first = await chat.reply();
    expect(seen(first)).toContain("Ponomarev");

    await chat.say("when did he found it?");
    const second = await chat.reply();
    // The turn keeps the answer's lead and where it quoted: the follow-up is read next to it.
    expect(historyOf("when did he found it?")).toEqual([
      {
        question: "Who leads the congress?",
        answer: expect.stringContaining("Ponomarev"),
        lead: "Ilya Ponomarev",
        sources: [expect.objectContaining({ docId: "congress-fifth-session-warsaw.md" })],
      },
    ]);
    expect(second.parseMode).toBe("HTML");

    await chat.say("and where?");
    await chat.reply();
    expect(historyOf("and where?")?.map((t) => t.question)).toEqual([
      "Who leads the congress?",
      "when did he found it?",
    ]);
  });

  it("“and when?” after “Where did the fifth session open?” is answered with the day", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++ });
    await chat.say("Where did the fifth session open?");
    expect(seen(await chat.reply())).toContain("Warsaw");
    await chat.say("and when?");
    const when = await chat.reply();
    expect(seen(when)).toContain("Wednesday");
    expect(seen(when)).not.toContain("rephras");
  });

  it("/new forgets the conversation: the next question is read on its own", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++ });
    await chat.say("Who leads the congress?");
    await chat.reply();
    await chat.say("/new");
    expect(seen(await chat.reply())).toContain("a new conversation");
    await chat.say("and where did it meet?");
    await chat.reply();
    expect(historyOf("and where did it meet?")).toEqual([]);
    await chat.say("/reset");
    expect(seen(await chat.reply())).toContain("a new conversation");
  });

  it("keeps at most four turns", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++ });
    for (const q of ["Who leads the congress?", "where?", "when?", "who else?", "and why?"]) {
      await chat.say(q);
      await chat.reply();
    }
    expect(historyOf("and why?")?.map((t) => t.question)).toEqual([
      "Who leads the congress?",
      "where?",
      "when?",
      "who else?",
    ]);
  });
});

describe("a Russian dialogue", () => {
  it("answers in Russian around the quotes, and “а где?” continues the thread", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++, languageCode: "ru" });
    await chat.say("Привет!");
    const hello = await chat.reply();
    expect(seen(hello)).toContain("Здравствуйте");
    expect(hello.buttons).toEqual([]);
    await chat.say("Кто возглавляет съезд?");
    const answer = await chat.reply();
    expect(seen(answer)).toContain("Ponomarev");
    expect(seen(answer)).toMatch(/Источники|Ближайшие фрагменты|В моих документах об этом нет/);
    await chat.say("а где?");
    await chat.reply();
    expect(historyOf("а где?")?.map((t) => t.question)).toEqual(["Кто возглавляет съезд?"]);
    await chat.say("спасибо");
    expect(seen(await chat.reply())).toContain("Пожалуйста");
    expect(asked.some((a) => a.question === "спасибо" || a.question === "Привет!")).toBe(false);
  });
});

describe("small talk and abstentions in a private chat", () => {
  it("greetings, thanks, emoji and stickers get a short friendly word, no quotes and no buttons", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++ });
    for (const [said, expected] of [
      ["hi", "Hello!"],
      ["thanks!", "You're welcome"],
      ["👍", "Ask me a question"],
    ] as const) {
      await chat.say(said);
      const m = await chat.reply();
      expect(seen(m)).toContain(expected);
      expect(m.buttons).toEqual([]);
      expect(m.text).not.toContain("<blockquote");
    }
    await chat.sendSticker("😀");
    expect(seen(await chat.reply())).toContain("Ask me a question");
    expect(asked.some((a) => ["hi", "thanks!", "👍"].includes(a.question))).toBe(false);
  });

  it("a question the documents do not cover says so plainly and names what they cover", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++ });
    await chat.say("What is the population of Warsaw?");
    const m = await chat.reply();
    const text = seen(m);
    expect(text).toContain("My documents do not cover this.");
    expect(text).toContain("The documents cover:");
    expect(text).toContain("Standing committees of the congress");
    expect(text).not.toMatch(/rephras/i);
  });

  it("offers two questions the documents do answer, made from them; each, asked, is answered", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++ });
    await chat.say("What is the population of Warsaw?");
    const text = seen(await chat.reply());
    expect(text).toContain("Questions they do answer:");
    const offered = offeredIn(text, "Questions they do answer:");
    expect(offered).toHaveLength(2);
    // Made from the documents' headings and titles, not a fixed list.
    const titles = f.app.kb
      .index()
      .documentIds()
      .map((id) => f.app.kb.index().document(id)!.title);
    const headings = [...f.app.kb.index().documentIds()].flatMap((id) =>
      f.app.kb
        .index()
        .document(id)!
        .labels.map((l) => f.app.kb.index().passage(l)!.heading),
    );
    for (const q of offered)
      expect([...titles, ...headings].some((topic) => topic && q.includes(topic))).toBe(true);
    for (const q of offered) {
      await chat.say(q);
      const answer = seen(await chat.reply());
      expect(answer).not.toContain("My documents do not cover this.");
      expect(answer).toContain("Sources");
    }
  });
});

describe("a Russian user, English documents", () => {
  const ENGLISH_LABELS =
    /\b(Sources|paragraph|Nearest passages|My documents|The documents cover|Questions they|Hide)\b/;

  it("sees the bot's own words in Russian around the English quotes, in the answer and in an opened source", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++, languageCode: "ru" });
    await chat.say("Кто возглавляет съезд?");
    const answer = await chat.reply();
    const text = seen(answer);
    expect(text).toContain("Spearheaded by Ilya Ponomarev");
    expect(text).toContain("Источники");
    expect(text).toMatch(/абзац \d/);
    expect(text).not.toMatch(ENGLISH_LABELS);
    expect(answer.buttons.map((b) => b.text)).toEqual([
      expect.stringMatching(/^\[1\] “Spearheaded by/),
      "👍",
      "👎",
    ]);

    const edits = f.emulator.edits.length;
    await chat.press(answer, answer.buttons[0]!.callback_data);
    await poll(async () => (f.emulator.edits.length > edits ? true : undefined));
    const opened = chat.current(answer.messageId);
    expect(opened.buttons[0]?.text).toBe("[1] ▴ Скрыть");
    expect(seen(opened)).toMatch(/абзац \d/);
    expect(seen(opened)).not.toMatch(ENGLISH_LABELS);
  });

  it("is told in Russian that the documents do not cover it, what they cover, and two Russian questions they answer", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++, languageCode: "ru" });
    await chat.say("Какая погода в Лондоне?");
    const text = seen(await chat.reply());
    expect(text).toContain("В моих документах об этом нет.");
    expect(text).toContain("Документы рассказывают о:");
    expect(text).toContain("На такие вопросы в них есть ответ:");
    expect(text).not.toMatch(ENGLISH_LABELS);
    const offered = offeredIn(text, "На такие вопросы в них есть ответ:");
    expect(offered).toHaveLength(2);
    for (const q of offered) {
      expect(q).toMatch(/^Что известно о «.+»\?$/);
      await chat.say(q);
      const answer = seen(await chat.reply());
      expect(answer).not.toContain("В моих документах об этом нет.");
      expect(answer).toContain("Источники");
    }
  });
});

/** The questions listed after `header` in a message's text, one "• …" line each. */
function offeredIn(text: string, header: string): string[] {
  const after = text.slice(text.indexOf(header) + header.length).split("\n");
  return after
    .map((line) => line.trim())
    .filter((line) => line.startsWith("• "))
    .map((line) => line.slice(2));
}

describe("a group", () => {
  it("a reply to one of the bot's answers continues that answer's thread, not the group's latest", async () => {
    const alice = new UserChat(f.emulator, TOKEN, { userId: userId++, chatId: -7001, type: "group" });
    const bob = new UserChat(f.emulator, TOKEN, { userId: userId++, chatId: -7001, type: "group" });
    await alice.say("/ask Who leads the congress?");
    const leads = await alice.reply();
    bob.catchUp();
    await bob.say("/ask Where did the fifth session open?");
    const where = await bob.reply();
    alice.catchUp();
    expect(seen(where)).toContain("Warsaw");

    const question = "and when did he found it?";
    const reply = await alice.say(question, replyToBot(alice, leads));
    const answer = await alice.reply();
    expect(answer.replyTo).toBe(reply);
    expect(historyOf(question)).toEqual([
      expect.objectContaining({
        question: "Who leads the congress?",
        answer: expect.stringContaining("Ponomarev"),
        sources: [expect.objectContaining({ docId: "congress-fifth-session-warsaw.md" })],
      }),
    ]);
  });

  it("a mentioned greeting gets a word back; thanks replied to the bot gets no message (a reaction at most)", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++, chatId: -7002, type: "group" });
    await chat.say("@TestNameBot hello", { entities: [{ type: "mention", offset: 0, length: 12 }] });
    expect(seen(await chat.reply())).toContain("Hello!");
    await chat.say("/ask Who leads the congress?");
    const answer = await chat.reply();
    const calls = f.emulator.calls.length;
    await chat.say("thanks!", replyToBot(chat, answer));
    await chat.sendSticker("🙏", replyToBot(chat, answer));
    // Then something the bot does answer: the thanks were handled before it (one chat is handled in order).
    await chat.say("/help");
    expect(seen(await chat.reply())).toContain("How to ask");
    expect(chat.pending()).toEqual([]);
    expect(f.emulator.calls.slice(calls)).toContain("setMessageReaction");
    expect(asked.some((a) => a.question === "thanks!")).toBe(false);
  });
});

describe("a restart", () => {
  it("keeps the chat's conversation in DATA_DIR", async () => {
    const chat = new UserChat(f.emulator, TOKEN, { userId: userId++ });
    await chat.say("Where did the fifth session open?");
    await chat.reply();
    const root = f.root;
    await f.running.stop();
    const again = await startFixture({ pipeline: recording, emulator: f.emulator, root });
    try {
      await chat.say("and when?");
      await chat.reply();
      expect(historyOf("and when?")).toEqual([
        expect.objectContaining({
          question: "Where did the fifth session open?",
          answer: expect.stringContaining("Warsaw"),
          sources: [expect.objectContaining({ docId: "congress-fifth-session-warsaw.md" })],
        }),
      ]);
    } finally {
      await again.running.stop();
      f = { ...f, running: { stop: async () => undefined } as never };
    }
  });
});
