// Admins manage the corpus through the bot, end to end over the Bot API emulator: /add (text, files, links),
// refusals, /docs, /remove, /reindex, the audit log, and a restart that heals a corpus the index missed.
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { makeDocx, makePdf } from "../helpers/files.js";
import { startWebServer } from "../helpers/web-server.js";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

const ADMIN = 4242;
const OTHER_ADMIN = 4343;
const VILNIUS =
  "The sixth session of the congress will be held in Vilnius in March 2026. Delegates will adopt a charter of twelve articles.";

let f: BotFixture;
let web: Awaited<ReturnType<typeof startWebServer>>;
let userId = 9000;
let vilniusId = "";

/** The status message's final text: it is edited through the steps until it starts with ✅ or ❌. */
async function finalStatus(chat: UserChat, timeoutMs = 20_000): Promise<string> {
  const status = await chat.reply();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = plain(chat.textOf(status.messageId));
    if (/^(✅|❌)/.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`status never finished: ${text}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What the user reads: tags dropped, entities decoded. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function corpusFiles(): Promise<string[]> {
  return (await readdir(f.config.corpusDir)).sort();
}

async function auditLines(): Promise<Record<string, unknown>[]> {
  const raw = await readFile(path.join(f.config.dataDir, "audit.jsonl"), "utf8").catch(() => "");
  return raw
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describe("admin commands", () => {
  beforeAll(async () => {
    web = await startWebServer({
      "/article": (res) =>
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(
            "<html><head><title>Tallinn resolution</title></head><body><nav>menu</nav><p>The congress adopted a resolution on prisoners of war in Tallinn by 57 votes.</p></body></html>",
          ),
    });
    f = await startFixture({
      admin: true,
      env: { ADMIN_IDS: `${ADMIN},${OTHER_ADMIN}`, ALLOW_PRIVATE_URLS: "true", MAX_UPLOAD_MB: "1" },
    });
  });
  afterAll(async () => {
    if (process.env.SHOW_LOGS) console.log(f.logs.filter((l) => /WARN|ERROR/.test(l)).join("\n"));
    await f.close();
    await web.close();
  });
  const admin = (languageCode = "en", id = ADMIN) =>
    new UserChat(f.emulator, TOKEN, { userId: id, languageCode }).catchUp();

  it("refuses a non-admin, changing nothing, and audits the attempt", async () => {
    const stranger = new UserChat(f.emulator, TOKEN, { userId: ++userId });
    const before = await corpusFiles();
    await stranger.say(`/add ${VILNIUS}`);
    expect((await stranger.reply()).text).toBe("This command is for admins.");
    await stranger.say("/remove congress-fifth-session-warsaw.md");
    expect((await stranger.reply()).text).toBe("This command is for admins.");
    expect(await corpusFiles()).toEqual(before);
    expect((await auditLines()).some((l) => l.action === "refused" && l.userId === userId)).toBe(true);
  });

  it("adds text after /add, edits one status message to the result, and answers from it at once", async () => {
    const chat = admin();
    await chat.say(`/add Vilnius plans | ${VILNIUS}`);
    const status = await finalStatus(chat);
    expect(status).toMatch(
      /^✅ Added Vilnius plans as \d{4}-\d\d-\d\d-vilnius-plans\.md: \d+ characters, 1 passage, in [\d.]+ s\.$/,
    );
    vilniusId = /as (\S+\.md)/.exec(status)![1]!;
    const file = await readFile(path.join(f.config.corpusDir, vilniusId), "utf8");
    expect(file).toMatch(
      /^---\ntitle: Vilnius plans\nsource: telegram message\nadded_by: 4242\nadded_by_name: TestName @testUserName\n/,
    );
    expect(file).toMatch(/\n---\nThe sixth session/);
    const asker = new UserChat(f.emulator, TOKEN, { userId: ++userId });
    await asker.say("Where will the sixth session be held?");
    const answer = await asker.reply();
    expect(answer.text).toContain("Vilnius");
    expect(answer.text).toContain("Vilnius plans");
  });

  it("adds a text message it replies to", async () => {
    const chat = admin();
    const original = await chat.say(
      "The congress elected a presidium of seven members at its third session in Gdansk.",
    );
    await chat.reply(); // the bot answered it as a question
    await chat.say("/add", {
      reply_to_message: {
        message_id: original,
        text: "The congress elected a presidium of seven members at its third session in Gdansk.",
        chat: { id: ADMIN, type: "private" },
        date: 0,
      },
    });
    expect(await finalStatus(chat)).toMatch(
      /^✅ Added The congress elected a presidium of seven members at its third session in… as \d{4}-\d\d-\d\d-congress-elected-presidium-seven-members\.md/,
    );
  });

  it.each([
    [
      "a PDF",
      () => makePdf(["The congress opened a representation office in Berlin in May 2024."], "Berlin office"),
      "berlin.pdf",
      /Added Berlin office as \d{4}-\d\d-\d\d-berlin-office\.md/,
    ],
    [
      "a DOCX",
      () => makeDocx(["Riga statement", "The congress issued a statement in Riga on energy sanctions."]),
      "riga.docx",
      /Added Riga statement as \d{4}-\d\d-\d\d-riga-statement\.md/,
    ],
    [
      "an HTML file",
      async () =>
        Buffer.from(
          "<title>Prague note</title><p>The congress met supporters in Prague to discuss humanitarian corridors.</p>",
        ),
      "prague.html",
      /Added Prague note/,
    ],
  ])("adds %s sent with the caption /add", async (_kind, make, name, expected) => {
    const chat = admin();
    await chat.sendDocument(f.emulator.addFile(await make(), name), "/add");
    expect(await finalStatus(chat)).toMatch(expected);
  });

  it("adds the file sent right after a bare /add", async () => {
    const chat = admin();
    await chat.say("/add");
    expect(plain((await chat.reply()).text)).toMatch(/send it right after this message/);
    await chat.sendDocument(
      f.emulator.addFile(
        Buffer.from("Helsinki memo\n\nThe congress signed a memorandum with Finnish volunteers in Helsinki."),
        "memo.txt",
      ),
    );
    expect(await finalStatus(chat)).toMatch(/^✅ Added Helsinki memo/);
  });

  it("adds a link, fetched and turned into readable text", async () => {
    const chat = admin();
    await chat.say(`/add ${web.url}/article`);
    const status = await finalStatus(chat);
    expect(status).toMatch(/^✅ Added Tallinn resolution as \d{4}-\d\d-\d\d-tallinn-resolution\.md/);
    const fetched = f.emulator.edits.find((e) => e.text.startsWith("📥"));
    expect(plain(fetched!.text)).toMatch(
      /^📥 Fetched Tallinn resolution from 127\.0\.0\.1:\d+\/article: \d+ B, \d+ characters of text\.\n⏳ Indexing…$/,
    );
    const file = await readFile(path.join(f.config.corpusDir, /as (\S+\.md)/.exec(status)![1]!), "utf8");
    expect(file).toContain(`source: ${web.url}/article`);
    expect(file).not.toContain("menu");
  });

  it.each([
    [
      "an unsupported type",
      () => f.emulator.addFile(Buffer.from("MZ\u0000\u0001"), "tool.exe"),
      /cannot be added/,
    ],
    [
      "a file over MAX_UPLOAD_MB",
      () => f.emulator.addFile(Buffer.alloc(1.5 * 1024 * 1024, 97), "big.txt"),
      /^❌ The file is 1\.5 MB, larger than the 1 MB limit\.\nSplit it/,
    ],
    [
      "a scanned PDF",
      () => f.emulator.addFile(makePdf([]), "scan.pdf"),
      /^❌ This PDF has no text layer: it looks like a scan/,
    ],
    [
      "binary garbage",
      () =>
        f.emulator.addFile(Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 53) % 256)), "notes.txt"),
      /not text/,
    ],
    [
      "a password-protected PDF",
      () => f.emulator.addFile(makePdf([VILNIUS], "Locked", { encrypted: true }), "locked.pdf"),
      /^❌ This PDF is protected with a password, so its text cannot be read\.\nRemove the protection/,
    ],
    [
      "a damaged PDF",
      () => f.emulator.addFile(Buffer.from("%PDF-1.4 broken"), "broken.pdf"),
      /^❌ This file is not a readable PDF: its structure is damaged or incomplete\.\nOpen it and save/,
    ],
    [
      "a file named .docx that is not one",
      () => f.emulator.addFile(Buffer.from(`${VILNIUS} (typed, not Word)`), "minutes.docx"),
      /^❌ This file is not a DOCX \(Word\) document, although its name or type says so\.\nOpen it in Word/,
    ],
    [
      "a duplicate",
      () => f.emulator.addFile(Buffer.from(`${VILNIUS}\n`), "again.txt"),
      /already in the corpus as \d{4}-\d\d-\d\d-vilnius-plans\.md/,
    ],
  ])("refuses %s with a clear message and writes nothing", async (_kind, makeDoc, message) => {
    const chat = admin("en");
    const before = await corpusFiles();
    await chat.sendDocument(makeDoc(), "/add");
    const status = await finalStatus(chat);
    expect(status).toMatch(/^❌ /);
    expect(status).toMatch(message);
    expect(await corpusFiles()).toEqual(before);
  });

  it("refuses a duplicate of the seed byte for byte, naming it", async () => {
    const chat = admin();
    const seed = await readFile(path.join(f.config.corpusDir, "congress-fifth-session-warsaw.md"));
    await chat.sendDocument(f.emulator.addFile(seed, "copy.md"), "/add");
    expect(await finalStatus(chat)).toMatch(/already in the corpus as congress-fifth-session-warsaw\.md/);
  });

  it("takes two admins adding at once: both documents land and are indexed", async () => {
    const a = admin("en", ADMIN);
    const b = admin("en", OTHER_ADMIN);
    await Promise.all([
      a.say("/add Oslo | The congress held a donor conference in Oslo with twenty foundations."),
      b.say("/add Oslo | The congress opened a legal aid desk in Oslo for deserters."),
    ]);
    const [sa, sb] = await Promise.all([finalStatus(a), finalStatus(b)]);
    const ids = [sa, sb].map((s) => /as (\S+\.md)/.exec(s)?.[1]).sort();
    expect(ids).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d-oslo-2\.md$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d-oslo\.md$/),
    ]);
    expect(f.app.kb.index().documentIds()).toEqual(expect.arrayContaining(ids));
  });

  it("lists documents with /docs, paginated with buttons", async () => {
    const chat = admin();
    await chat.say("/docs");
    const page1 = await chat.reply();
    const total = f.app.kb.index().documentIds().length;
    expect(plain(page1.text)).toContain(
      `Documents: ${total}, newest first · page 1 of ${Math.ceil(total / 10)}`,
    );
    const next = page1.buttons.find((b) => b.text.startsWith("Older"))!;
    expect(Buffer.byteLength(next.callback_data)).toBeLessThanOrEqual(64);
    await chat.press(page1, next.callback_data);
    const deadline = Date.now() + 10_000;
    while (!chat.textOf(page1.messageId).includes("page 2 of") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    expect(chat.textOf(page1.messageId)).toContain("page 2 of");
  });

  it("removes a document after confirmation, and answers never cite it again", async () => {
    const chat = admin();
    const asker = new UserChat(f.emulator, TOKEN, { userId: ++userId });
    await asker.say("Where will the sixth session be held?");
    expect((await asker.reply()).text).toContain("Vilnius plans");
    await chat.say(`/remove ${vilniusId}`);
    const confirm = await chat.reply();
    expect(confirm.text).toMatch(/Delete <b>Vilnius plans<\/b>/);
    const stranger = new UserChat(f.emulator, TOKEN, { userId: ++userId });
    await stranger.press(confirm, confirm.buttons[0]!.callback_data); // a forged press by a non-admin changes nothing
    expect(f.app.kb.index().document(vilniusId)).toBeDefined();
    await chat.press(confirm, confirm.buttons[0]!.callback_data);
    const deadline = Date.now() + 10_000;
    while (!chat.textOf(confirm.messageId).startsWith("🗑") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    expect(plain(chat.textOf(confirm.messageId))).toBe(`🗑 Removed ${vilniusId} and its 1 passage.`);
    expect(await corpusFiles()).not.toContain(vilniusId);
    await asker.say("Where will the sixth session be held?");
    expect((await asker.reply()).text).not.toContain("Vilnius plans");
    expect(
      (await auditLines()).some((l) => l.action === "remove" && l.docId === vilniusId && l.userId === ADMIN),
    ).toBe(true);
  });

  it("answers /remove of an unknown id, and admin commands in a group, with a clear message", async () => {
    const chat = admin();
    await chat.say("/remove ../../etc/passwd");
    expect(plain((await chat.reply()).text)).toMatch(/There is no document \.\.\/\.\.\/etc\/passwd/);
    // A name every object has is no document either (the fuzz test found "/remove valueOf" failing).
    for (const name of ["valueOf", "constructor", "__proto__"]) {
      await chat.say(`/remove ${name}`);
      expect(plain((await chat.reply()).text)).toContain(`There is no document ${name}`);
    }
    const group = new UserChat(f.emulator, TOKEN, { userId: ADMIN, chatId: -777, type: "group" });
    await group.say("/docs");
    expect((await group.reply()).text).toBe("Admin commands work in a private chat with me.");
  });

  it("rebuilds the index with /reindex and reports the counts", async () => {
    const chat = admin("ru");
    await chat.say("/reindex");
    const status = await chat.reply();
    const deadline = Date.now() + 20_000;
    while (!chat.textOf(status.messageId).startsWith("✅") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    expect(chat.textOf(status.messageId)).toMatch(
      /^✅ Индекс перестроен: \d+ документ(а|ов)?, \d+ фрагмент(а|ов)?/,
    );
  });

  it("tells the admin when INDEX_DIR cannot be written, changes nothing, and keeps answering", async () => {
    const chat = admin();
    const asker = new UserChat(f.emulator, TOKEN, { userId: ++userId });
    const indexDir = f.config.indexDir;
    await asker.say("Where did the fifth session open?");
    const answerBefore = (await asker.reply()).text;
    expect(answerBefore).toContain("Warsaw");
    // A file where the folder was: unwritable even for root, who ignores file modes.
    await rename(indexDir, `${indexDir}.away`);
    await writeFile(indexDir, "not a folder");
    try {
      const before = await corpusFiles();
      await chat.say(`/add Riga plans\nThe seventh session of the congress will be held in Riga.`);
      expect(await finalStatus(chat)).toMatch(
        /^❌ The index or corpus folder cannot be written .* Nothing was changed/,
      );
      expect(await corpusFiles()).toEqual(before);

      await chat.say("/remove congress-fifth-session-warsaw.md");
      const confirm = await chat.reply();
      await chat.press(confirm, confirm.buttons[0]!.callback_data);
      const deadline = Date.now() + 10_000;
      while (!chat.textOf(confirm.messageId).startsWith("❌") && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
      expect(chat.textOf(confirm.messageId)).toMatch(/^❌ The index or corpus folder cannot be written/);
      expect(await corpusFiles()).toEqual(before);

      await chat.say("/reindex");
      expect(await finalStatus(chat)).toMatch(/^❌ The index or corpus folder cannot be written/);

      await asker.say("Where did the fifth session open?");
      expect((await asker.reply()).text).toBe(answerBefore);
    } finally {
      await rm(indexDir, { force: true });
      await rename(`${indexDir}.away`, indexDir);
    }
    expect(f.logs.some((l) => / ERROR .*ENOTDIR/.test(l))).toBe(true);
  });

  it("audits every admin action as JSON lines", async () => {
    const lines = await auditLines();
    expect(lines.filter((l) => l.action === "add" && l.ok).length).toBeGreaterThanOrEqual(8);
    expect(lines.filter((l) => l.action === "add" && !l.ok).length).toBeGreaterThanOrEqual(5);
    expect(lines.some((l) => l.action === "reindex")).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it("heals on restart a document that reached the corpus but not the index (a crash between the two)", async () => {
    await writeFile(
      path.join(f.config.corpusDir, "crash-left-this.md"),
      "The congress registered a foundation in Lisbon to fund independent media.",
    );
    const restarted = await buildApp(f.config, createLogger("silent"));
    expect(restarted.kb.index().documentIds()).toContain("crash-left-this.md");
    const a = await restarted.pipeline.ask("Where did the congress register a foundation?");
    expect(a.citations[0]?.docId).toBe("crash-left-this.md");
  });
});
