// SIGKILL of the real bot process (`src/cli/start.ts`, as `npm start` runs it) while it answers and while it ingests,
// then restarts: every question Telegram already considered delivered is answered, an /add cut short gets a final
// status, and the corpus and the index agree. (SIGKILL inside the index save itself: test/index/crash.test.ts.)
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { listDocumentIds, sha256 } from "../../src/corpus/documents.js";
import { createEmbeddings } from "../../src/embeddings/providers.js";
import { PassageIndex } from "../../src/index/passage-index.js";
import { type BotProcess, startBotProcess } from "../../src/loadtest/bot-process.js";
import { type ChatServer, startChatServer } from "../helpers/chat-server.js";
import { botRoot, childBotEnv, startPolling, until } from "./helpers/bot-root.js";
import { UserChat } from "./helpers/chat.js";
import { BotApiEmulator } from "./helpers/emulator.js";
import { TOKEN } from "./helpers/fixture.js";

const ADMIN = 4242;
/** The id an admin's /add gives the delegations register: its date and title. */
const DELEGATIONS_ID = /^\d{4}-\d\d-\d\d-delegations-register\.md$/;
const QUESTIONS = [
  "Who leads the congress?",
  "Where did the fifth session open?",
  "When was the inaugural session held?",
  "Which countries are strategic partners of the congress?",
  "Who is the assembly secretary of the congress?",
  "When does the standing committee on archives meet?",
];

let emulator: BotApiEmulator;
let llm: ChatServer;
/** While true the LLM holds every request: answers stay under way until the process is killed. */
let holdLlm = true;
const bots: BotProcess[] = [];

beforeAll(async () => {
  emulator = await BotApiEmulator.launch();
  llm = await startChatServer(() => (holdLlm ? { hang: true } : { status: 503, error: "overloaded" }));
});
afterAll(async () => {
  for (const b of bots) await b.kill("SIGKILL");
  await llm?.close();
  await emulator?.stop();
});

/** Paragraphs enough that indexing takes a second or two, so a kill lands inside it. */
function delegationsText(): Buffer {
  const paragraphs = Array.from(
    { length: 8000 },
    (_, i) =>
      `Delegation ${i} of the congress met volunteers in the city of Varna${i % 97} to discuss archives, budgets and the transition framework.`,
  );
  return Buffer.from(`Delegations register\n\n${paragraphs.join("\n\n")}\n`);
}

const isConfirmed = (messageId: number) =>
  emulator.storage.userMessages.some((u) => u.messageId === messageId && u.isRead);
const answerTo = (messageId: number) =>
  emulator.storage.botMessages.find(
    (m) =>
      (m.message as { reply_parameters?: { message_id: number } }).reply_parameters?.message_id === messageId,
  );
const plain = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&");

/** The bot's environment: folders relative to its root, this emulator, `admin` allowed to add documents. */
const botEnv = (admin: number, extra: Record<string, string> = {}) =>
  childBotEnv(emulator.config.apiURL, admin, extra);

it("after a SIGKILL while answering and one while ingesting, answers every acknowledged question and stays consistent", async () => {
  const dirs = await botRoot("bot-faults-");
  const env = botEnv(ADMIN, {
    LLM_PROVIDER: "openai",
    OPENAI_BASE_URL: llm.url,
    OPENAI_API_KEY: "sk-faults-test-key",
    LLM_TIMEOUT_MS: "60000",
  });
  const start = () => startPolling(env, dirs.root, bots);

  // 1. Six users ask at once; the LLM holds every answer. Once Telegram has been told all six were received (their
  //    offset confirmed: it will never send them again) and none is answered yet, the process is killed.
  const first = await start();
  const users = QUESTIONS.map((_, i) => new UserChat(emulator, TOKEN, { userId: 700 + i }));
  const asked = await Promise.all(users.map((u, i) => u.say(QUESTIONS[i]!)));
  await until(() => llm.requests.length === QUESTIONS.length, "every question to reach the LLM");
  await until(() => asked.every(isConfirmed), "every question to be confirmed to Telegram");
  expect(asked.filter((id) => answerTo(id))).toEqual([]);
  await first.kill("SIGKILL");

  // 2. On restart the journal hands them to the bot again; the LLM now fails fast, so each gets its extractive answer.
  holdLlm = false;
  const second = await start();
  const answers = await Promise.all(users.map((u) => u.reply(60_000)));
  expect(answers.map((a) => a.replyTo)).toEqual(asked);
  expect(plain(answers[0]!.text)).toContain("Ponomarev");
  expect(second.lines.join("\n")).toMatch(/handling 6 update\(s\) received before a stop/);

  // Then an admin adds a big document, and the process is killed while it is being indexed.
  const admin = new UserChat(emulator, TOKEN, { userId: ADMIN });
  await admin.sendDocument(emulator.addFile(delegationsText(), "delegations.txt"), "/add");
  const status = await admin.reply(30_000);
  const indexing = () =>
    emulator.edits.some((e) => e.message_id === status.messageId && e.text.includes("Indexing"));
  await until(indexing, "the /add to reach indexing", 60_000);
  await new Promise((r) => setTimeout(r, Math.random() * 800));
  await second.kill("SIGKILL");
  const corpusAfterKill = await listDocumentIds(dirs.corpusDir);
  const finishedBeforeKill = /^(✅|❌)/.test(admin.textOf(status.messageId));

  // 3. On restart the /add is handled again and ends with a final status: added, or found already in the corpus
  //    (when the kill came after the file was written, start-up indexed it). A fast machine may have finished the
  //    /add before the kill: then there may be nothing to replay.
  const third = await start();
  let final = plain(admin.textOf(status.messageId));
  if (!finishedBeforeKill) {
    const replayed = await admin.reply(60_000);
    await until(
      () => /^(✅|❌)/.test(admin.textOf(replayed.messageId)),
      "the replayed /add to finish",
      60_000,
    );
    final = plain(admin.textOf(replayed.messageId));
  }
  expect(final).toMatch(
    /^✅ Added Delegations register as \d{4}-\d\d-\d\d-delegations-register\.md|already in the corpus as \d{4}-\d\d-\d\d-delegations-register\.md/,
  );
  const asker = new UserChat(emulator, TOKEN, { userId: 799 });
  await asker.say("Where did delegation 4321 meet volunteers?");
  expect(plain((await asker.reply(30_000)).text)).toContain("Varna");
  await third.kill("SIGTERM");
  expect((await third.exit).code).toBe(0);

  // The corpus and the saved index agree, document by document and byte for byte; no temporary file is left.
  const corpus = await listDocumentIds(dirs.corpusDir);
  expect(corpus).toContainEqual(expect.stringMatching(DELEGATIONS_ID));
  const embeddings = await createEmbeddings(loadConfig({}));
  const index = await PassageIndex.load(dirs.indexDir, embeddings);
  expect(index!.documentIds()).toEqual(corpus);
  for (const docId of corpus) {
    expect(index!.document(docId)!.hash).toBe(sha256(await readFile(path.join(dirs.corpusDir, docId))));
  }
  expect((await readdir(dirs.corpusDir)).filter((f) => f.startsWith("."))).toEqual([]);
  console.info(
    `killed ${finishedBeforeKill ? "after the /add finished" : "during the /add"}, with ${corpusAfterKill.some((id) => DELEGATIONS_ID.test(id)) ? "the file written" : "the file not yet written"}; after restart: ${final}`,
  );
}, 240_000);

it("when the disk fills up during an /add, tells the admin, changes nothing, and keeps answering", async () => {
  const dirs = await botRoot("bot-disk-full-");
  const env = botEnv(ADMIN + 1);
  // The document (about 1 MB) and its upload copy fit under the limit; its index (vectors: a few MB) does not. The
  // kernel fails that write mid-file (EFBIG), as a full disk does (ENOSPC).
  const bot = startBotProcess(env, dirs.root, { fileSizeLimitKb: 2048 });
  bots.push(bot);
  await bot.waitFor(/is polling for updates/);
  const corpusBefore = await listDocumentIds(dirs.corpusDir);
  const generationBefore = await readFile(path.join(dirs.indexDir, "CURRENT"), "utf8");

  const admin = new UserChat(emulator, TOKEN, { userId: ADMIN + 1 });
  await admin.sendDocument(emulator.addFile(delegationsText(), "delegations.txt"), "/add");
  const status = await admin.reply(30_000);
  await until(() => /^(✅|❌)/.test(admin.textOf(status.messageId)), "the /add to finish", 60_000).catch(
    (e) => {
      throw new Error(
        `${e}\n${admin.textOf(status.messageId)}\nexit=${bot.child.exitCode} ${bot.child.signalCode}\n${bot.lines.slice(-15).join("\n")}`,
      );
    },
  );
  expect(plain(admin.textOf(status.messageId))).toMatch(
    /^❌ The server's disk is full, so the index could not be written\. Nothing was changed/,
  );
  expect(await listDocumentIds(dirs.corpusDir)).toEqual(corpusBefore);
  expect(await readFile(path.join(dirs.indexDir, "CURRENT"), "utf8")).toBe(generationBefore);
  // No half-written generation or upload copy is left to fill the disk further.
  expect((await readdir(dirs.indexDir)).filter((e) => e.startsWith("gen-"))).toEqual([
    generationBefore.trim(),
  ]);
  expect(await readdir(path.join(dirs.dataDir, "uploads")).catch(() => [])).toEqual([]);
  expect(bot.lines.join("\n")).toMatch(/ERROR \/add from \d+ failed: StorageError: The disk is full/);

  const asker = new UserChat(emulator, TOKEN, { userId: 798 });
  await asker.say("Who leads the congress?");
  expect(plain((await asker.reply(30_000)).text)).toContain("Ponomarev");
  await bot.kill("SIGTERM");

  // Restarted with room to write, the bot finds the corpus and the index in agreement: nothing to rebuild.
  const again = startBotProcess(env, dirs.root);
  bots.push(again);
  await again.waitFor(/is polling for updates/);
  const index = await PassageIndex.load(dirs.indexDir, await createEmbeddings(loadConfig({})));
  expect(index!.documentIds()).toEqual(corpusBefore);
  await again.kill("SIGTERM");
}, 240_000);
