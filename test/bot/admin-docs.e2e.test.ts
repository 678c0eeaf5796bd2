// Issue 21, end to end over the Bot API emulator: an admin's /help, /docs paged with open and remove buttons (which
// survive a restart), a non-admin pressing them, titles of pasted notes, an uploaded .md's front matter, and a
// near-duplicate offered for cancel.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { adminFeature } from "../../src/bot/admin/admin-feature.js";
import { createBot } from "../../src/bot/create-bot.js";
import { startBot } from "../../src/bot/start-bot.js";
import { createLogger } from "../../src/logger.js";
import { until } from "./helpers/bot-root.js";
import { type BotMessage, UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

const ADMIN = 5151;
const DATE = "\\d{4}-\\d\\d-\\d\\d";
/** Committee notes put straight into the corpus folder: with the fixture's three and the admin's, two pages. */
const FOLDER_NOTES = Array.from({ length: 9 }, (_, i) => ({
  id: `folder-note-${i + 1}.md`,
  text: `The regional council number ${i + 1} of the congress met in the town of Kaunas${i + 1} to plan volunteer work for ${i + 10} weeks.\n`,
}));
const COMMITTEE_REWORDED =
  "The standing committee on archives keeps offices in Gdansk, Krakow, Poznan, Lodz and Lublin. Its members meet every Monday to review the files the archives working group prepares, and they publish a short summary of every meeting for the deputies who could not attend.";

let f: BotFixture;
let strangerId = 7000;

/** What the user reads: tags dropped, entities decoded. */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const admin = () => new UserChat(f.emulator, TOKEN, { userId: ADMIN }).catchUp();

/** The status message's final text: it is edited through the steps until it starts with ✅, ❌ or ⚠️. */
async function finalStatus(chat: UserChat): Promise<{ message: BotMessage; text: string }> {
  const message = await chat.reply();
  await until(() => /^(✅|❌|⚠️)/.test(chat.textOf(message.messageId)), "the final status");
  return { message, text: plain(chat.textOf(message.messageId)) };
}

/** The buttons a message has now (after edits). */
function buttonsOf(chat: UserChat, messageId: number): { text: string; callback_data: string }[] {
  const stored = f.emulator.storage.botMessages.find(
    (m) => m.messageId === messageId && String(m.message.chat_id) === String(chat.chatId),
  );
  const markup = (
    stored?.message as { reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] } }
  )?.reply_markup;
  return markup?.inline_keyboard?.flat() ?? [];
}

const button = (buttons: { text: string; callback_data: string }[], start: string) => {
  const found = buttons.find((b) => b.text.startsWith(start));
  if (!found) throw new Error(`no button starting "${start}" among ${buttons.map((b) => b.text).join(", ")}`);
  return found;
};

async function addNote(text: string): Promise<{ text: string; docId: string }> {
  const chat = admin();
  await chat.say(`/add ${text}`);
  const { text: status } = await finalStatus(chat);
  return { text: status, docId: /as (\S+\.md)/.exec(status)?.[1] ?? "" };
}

describe("admins at ease (issue 21)", () => {
  beforeAll(async () => {
    f = await startFixture({ admin: true, env: { ADMIN_IDS: String(ADMIN) } });
    for (const note of FOLDER_NOTES) await writeFile(path.join(f.config.corpusDir, note.id), note.text);
    await f.app.kb.sync();
  });
  afterAll(async () => {
    await f.close();
  });

  it("shows an admin the admin commands in /help, and nobody else", async () => {
    const chat = admin();
    await chat.say("/help");
    const help = plain((await chat.reply()).text);
    expect(help).toContain("How to ask");
    expect(help).toContain("Admin commands");
    expect(help).toMatch(/\/docs: the documents, newest first, with buttons to open or remove each/);
    const stranger = new UserChat(f.emulator, TOKEN, { userId: ++strangerId });
    await stranger.say("/help");
    expect(plain((await stranger.reply()).text)).not.toContain("Admin commands");
  });

  it("explains the three ways to add after a bare /add", async () => {
    const chat = admin();
    await chat.say("/add");
    const text = plain((await chat.reply()).text);
    expect(text).toMatch(
      /^Three ways to add a document\n1\. Paste text: .*\n2\. Send a file .* with the caption \/add.*\n3\. Send a link: \/add https:\/\/…/,
    );
    await chat.say("/cancel");
    await chat.reply();
  });

  it.each([
    [
      "its first sentence, cut at a word boundary",
      "The archive committee of the congress met in Vilnius on 3 March 2026 to review the files sent by deputies from Poland. It agreed to publish them.",
      "The archive committee of the congress met in Vilnius on 3 March 2026 to review…",
      "archive-committee-congress-met-vilnius",
    ],
    [
      "the title given before a bar",
      "Grodno visit | Deputies of the congress visited Grodno to meet families of political prisoners.",
      "Grodno visit",
      "grodno-visit",
    ],
    [
      "a first line starting with #",
      "# Minsk appeal\nThe congress appealed to the courts of Minsk to release detained journalists.",
      "Minsk appeal",
      "minsk-appeal",
    ],
  ])("titles a pasted note by %s, with a short dated id", async (_how, text, title, slug) => {
    const added = await addNote(text);
    expect(added.text).toMatch(
      new RegExp(
        `^✅ Added ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} as ${DATE}-${slug}\\.md: \\d+ characters, 1 passage, in`,
      ),
    );
    expect(f.app.kb.index().document(added.docId)?.title).toBe(title);
  });

  it("takes an uploaded .md file's own front matter as its title, source and date, not as body text", async () => {
    const chat = admin();
    const md = [
      "---",
      "title: Kaunas declaration",
      "source: https://example.org/kaunas",
      "date: 2026-01-15",
      "---",
      "The congress adopted a declaration in Kaunas on the rights of Russian political emigrants abroad.",
      "",
    ].join("\n");
    await chat.sendDocument(f.emulator.addFile(Buffer.from(md), "declaration.md"), "/add");
    const { text } = await finalStatus(chat);
    expect(text).toMatch(new RegExp(`^✅ Added Kaunas declaration as ${DATE}-kaunas-declaration\\.md`));
    const docId = /as (\S+\.md)/.exec(text)![1]!;
    const file = await readFile(path.join(f.config.corpusDir, docId), "utf8");
    expect(file).toMatch(/^---\ntitle: Kaunas declaration\nsource: telegram file declaration\.md\n/);
    expect(file).toContain("\ndate: 2026-01-15\n");
    expect(file).toContain("\noriginal_source: https://example.org/kaunas\n");
    expect(file.match(/^---$/gm)).toHaveLength(2);
    const index = f.app.kb.index();
    const body = index
      .document(docId)!
      .passageIds.map((id) => index.passageById(id)!.text)
      .join("\n");
    expect(body).not.toMatch(/title:|source:|---/);
  });

  it("offers a near-duplicate with keep both / cancel, and cancelling stores nothing", async () => {
    const chat = admin();
    const before = await readdir(f.config.corpusDir);
    await chat.say(`/add Archives committee | ${COMMITTEE_REWORDED}`);
    const { message, text } = await finalStatus(chat);
    expect(text).toMatch(
      /^⚠️ Most of this document is already in the corpus: \d+% of its wording is in Standing committees of the congress \(standing-committees\.md\)\. Nothing is stored yet\. Keep both, or cancel\?$/,
    );
    const buttons = buttonsOf(chat, message.messageId);
    expect(buttons.map((b) => b.text)).toEqual(["Keep both", "Cancel"]);
    await chat.press(message, button(buttons, "Cancel").callback_data);
    await until(() => chat.textOf(message.messageId).startsWith("Cancelled"), "the cancellation");
    expect(chat.textOf(message.messageId)).toBe("Cancelled; nothing was added.");
    expect(await readdir(f.config.corpusDir)).toEqual(before);
  });

  it("keeps both when the admin says so", async () => {
    const chat = admin();
    await chat.say(`/add Archives committee, again | ${COMMITTEE_REWORDED} Twice.`);
    const { message } = await finalStatus(chat);
    await chat.press(message, button(buttonsOf(chat, message.messageId), "Keep both").callback_data);
    await until(() => chat.textOf(message.messageId).startsWith("✅"), "the addition");
    expect(plain(chat.textOf(message.messageId))).toMatch(
      new RegExp(`^✅ Added Archives committee, again as ${DATE}-archives-committee-again\\.md`),
    );
  });

  it("lists documents newest first, ten a page, with who added each, when, its size, passages and source", async () => {
    const chat = admin();
    await chat.say("/docs");
    const page1 = await chat.reply();
    const total = f.app.kb.index().documentIds().length;
    const text = plain(page1.text);
    expect(text).toMatch(
      new RegExp(`^Documents: ${total}, newest first · page 1 of 2\\n\\n1\\. Archives committee, again\\n`),
    );
    expect(text).toMatch(
      new RegExp(
        `\\n\\n2\\. Kaunas declaration\\n${DATE}-kaunas-declaration\\.md · \\d+ B · 1 passage\\nadded by TestName @testUserName \\(${ADMIN}\\), ${DATE} \\d\\d:\\d\\d UTC\\nsource: example\\.org/kaunas\\n`,
      ),
    );
    expect(page1.text).toContain('<a href="https://example.org/kaunas">');
    expect(text.match(/^\d+\. /gm)).toHaveLength(10);
    expect(page1.buttons.filter((b) => b.text.startsWith("📖"))).toHaveLength(10);
    expect(page1.buttons.filter((b) => b.text.startsWith("🗑"))).toHaveLength(10);
    for (const b of page1.buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    await chat.press(page1, button(page1.buttons, "Older").callback_data);
    await until(() => chat.textOf(page1.messageId).includes("page 2 of 2"), "page 2");
    const page2 = plain(chat.textOf(page1.messageId));
    expect(page2).toMatch(/\n\n11\. /);
    expect(page2).toContain(
      "Standing committees of the congress\nstanding-committees.md · 3.4 KB · 4 passages\nput in the corpus folder, indexed",
    );
    expect(button(buttonsOf(chat, page1.messageId), "◀ Newer")).toBeDefined();
  });

  it("opens a document at its first passage, and pages through it", async () => {
    const chat = admin();
    await chat.say("/docs");
    const list = await chat.reply();
    await chat.press(list, button(list.buttons, "Older").callback_data);
    await until(() => chat.textOf(list.messageId).includes("page 2 of 2"), "page 2");
    const open = button(buttonsOf(chat, list.messageId), "📖").callback_data;
    const committees = buttonsOf(chat, list.messageId).find((b) => b.text.includes("Standing committees"))!;
    expect(open).toMatch(/^adm:open:/);
    await chat.press(list, committees.callback_data);
    const shown = await chat.reply();
    expect(plain(shown.text)).toMatch(
      /^📖 Standing committees of the congress \(standing-committees\.md\)\npassage 1 of 4\nThe standing committee on archives/,
    );
    expect(shown.buttons.map((b) => b.text)).toEqual(["Next ▶", "🗑 Remove"]);
    await chat.press(shown, button(shown.buttons, "Next").callback_data);
    await until(() => chat.textOf(shown.messageId).includes("passage 2 of 4"), "passage 2");
    const index = f.app.kb.index();
    const second = index.passageById(index.document("standing-committees.md")!.passageIds[1]!)!;
    expect(plain(chat.textOf(shown.messageId))).toContain(second.text.slice(0, 200));
    expect(buttonsOf(chat, shown.messageId).map((b) => b.text)).toEqual(["◀ Previous", "Next ▶", "🗑 Remove"]);
  });

  it("refuses a non-admin who presses an admin button, changing nothing", async () => {
    const chat = admin();
    await chat.say("/docs");
    const list = await chat.reply();
    const before = f.app.kb.index().documentIds();
    const stranger = new UserChat(f.emulator, TOKEN, { userId: ++strangerId });
    for (const prefix of ["🗑", "📖"]) {
      const answered = f.emulator.callbackAnswers.length;
      await stranger.press(list, button(list.buttons, prefix).callback_data);
      await until(() => f.emulator.callbackAnswers.length > answered, "the callback answer");
      expect(f.emulator.callbackAnswers.at(-1)).toMatchObject({
        text: "This button is for admins.",
        show_alert: true,
      });
    }
    expect(stranger.pending()).toEqual([]);
    expect(f.app.kb.index().documentIds()).toEqual(before);
    const audit = await readFile(path.join(f.config.dataDir, "audit.jsonl"), "utf8");
    expect(audit).toContain(`"action":"refused","userId":${strangerId},"detail":"button adm:`);
  });

  it("removes a document from its 🗑 button after confirmation: gone from CORPUS_DIR and the index", async () => {
    const chat = admin();
    await chat.say("/docs");
    const list = await chat.reply();
    const docId = /^1\. .*\n(\S+\.md)/m.exec(plain(list.text))![1]!;
    await chat.press(list, button(list.buttons, "🗑 1").callback_data);
    const confirm = await chat.reply();
    expect(plain(confirm.text)).toBe(
      `Delete Archives committee, again (${docId}, 1 passage)? Answers will no longer cite it.`,
    );
    await chat.press(confirm, button(confirm.buttons, "🗑 Delete").callback_data);
    await until(() => chat.textOf(confirm.messageId).startsWith("🗑"), "the removal");
    expect(plain(chat.textOf(confirm.messageId))).toBe(`🗑 Removed ${docId} and its 1 passage.`);
    expect(await readdir(f.config.corpusDir)).not.toContain(docId);
    expect(f.app.kb.index().document(docId)).toBeUndefined();
    const answer = await f.app.pipeline.ask("Where does the archives committee keep offices?");
    expect(answer.passages.every((p) => p.docId !== docId)).toBe(true);
  });

  it("keeps its buttons working after a restart: they carry what they need", async () => {
    const chat = admin();
    await chat.say("/docs");
    const list = await chat.reply();
    await f.running.stop();
    const log = createLogger("silent");
    const app = await buildApp(f.config, log);
    const files = { apiRoot: f.config.TELEGRAM_API_ROOT, token: TOKEN };
    const bot = createBot(f.config, {
      pipeline: app.pipeline,
      kb: app.kb,
      log,
      adminFeature: adminFeature({ config: f.config, kb: app.kb, files, log }),
    });
    const running = await startBot(bot, f.config, log, {
      port: 0,
      host: "127.0.0.1",
      registerWebhook: false,
    });
    try {
      await chat.press(list, button(list.buttons, "Older").callback_data);
      await until(() => chat.textOf(list.messageId).includes("page 2 of 2"), "page 2 after a restart");
      await chat.press(list, button(list.buttons, "📖 1.").callback_data);
      expect(plain((await chat.reply()).text)).toMatch(/^📖 .*\npassage 1 of 1\n/);
    } finally {
      await running.stop();
    }
  });
});
