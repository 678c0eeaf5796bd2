// Issue 22: an /add cut short by SIGKILL after its document was written lost its audit entry: start-up indexed the
// document, the replayed /add answered "already in the corpus", and audit.jsonl held only a failure. Now the replay
// finds the document its own request wrote and records the add as done; orphaned uploads are removed on start.
import { readFile, writeFile, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listDocumentIds } from "../../src/corpus/documents.js";
import { LOCK_FILE } from "../../src/index/index-lock.js";
import type { BotProcess } from "../../src/loadtest/bot-process.js";
import { botRoot, childBotEnv, startPolling, until } from "./helpers/bot-root.js";
import { UserChat } from "./helpers/chat.js";
import { BotApiEmulator } from "./helpers/emulator.js";
import { TOKEN } from "./helpers/fixture.js";

const ADMIN = 5151;
let emulator: BotApiEmulator;
const bots: BotProcess[] = [];

beforeAll(async () => {
  emulator = await BotApiEmulator.launch();
});
afterAll(async () => {
  for (const b of bots) await b.kill("SIGKILL");
  await emulator?.stop();
});

/** Paragraphs enough that indexing takes a while (on code without the writer lock, the kill lands inside it). */
function harboursText(): Buffer {
  const paragraphs = Array.from(
    { length: 3000 },
    (_, i) =>
      `Harbour ${i} of the congress hosted delegates from the port of Burgas${i % 89} to discuss shipping.`,
  );
  return Buffer.from(`Harbours register\n\n${paragraphs.join("\n\n")}\n`);
}

/** The id the /add gives the harbours register: its date and title (issue 21's dated ids). */
const HARBOURS_ID = /^\d{4}-\d\d-\d\d-harbours-register\.md$/;

const plain = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&");

it("after a SIGKILL between writing the document and indexing it, the replayed /add records the add with its docId", async () => {
  const dirs = await botRoot("bot-interrupted-add-");
  const env = childBotEnv(emulator.config.apiURL, ADMIN);
  const start = () => startPolling(env, dirs.root, bots);
  const first = await start();
  // This test holds INDEX_DIR's writer lock (as `npm run ingest` would): the /add writes its document, then waits to
  // index it, and the kill lands exactly there.
  await writeFile(
    path.join(dirs.indexDir, LOCK_FILE),
    JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), command: "the test" }),
  );
  const admin = new UserChat(emulator, TOKEN, { userId: ADMIN });
  await admin.sendDocument(emulator.addFile(harboursText(), "harbours.txt"), "/add");
  const status = await admin.reply(30_000);
  let corpus: string[] = [];
  const written = async () =>
    (corpus = await listDocumentIds(dirs.corpusDir)).some((id) => HARBOURS_ID.test(id));
  for (let i = 0; i < 3000 && !(await written()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(corpus).toContainEqual(expect.stringMatching(HARBOURS_ID));
  const docId = corpus.find((id) => HARBOURS_ID.test(id))!;
  const stem = docId.replace(/\.md$/, "");
  await first.kill("SIGKILL");
  expect(admin.textOf(status.messageId)).not.toMatch(/^(✅|❌)/);
  await rm(path.join(dirs.indexDir, LOCK_FILE), { force: true });
  // What an /add killed between its upload copy and its document leaves: an upload without a document.
  await mkdir(path.join(dirs.dataDir, "uploads"), { recursive: true });
  await writeFile(path.join(dirs.dataDir, "uploads", "orphan-notes.docx"), "PK");
  await writeFile(path.join(dirs.dataDir, "uploads", `${stem}.txt.3735928559`), "torn");

  const second = await start();
  const replayed = await admin.reply(60_000);
  await until(() => /^(✅|❌)/.test(admin.textOf(replayed.messageId)), "the replayed /add to finish", 60_000);
  expect(plain(admin.textOf(replayed.messageId))).toMatch(
    new RegExp(`^✅ Added Harbours register as ${docId.replace(/\./g, "\\.")}`),
  );

  const audit = (await readFile(path.join(dirs.dataDir, "audit.jsonl"), "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const adds = audit.filter((e) => e.action === "add");
  expect(adds).toEqual([
    expect.objectContaining({
      ok: true,
      userId: ADMIN,
      docId,
      detail: expect.stringContaining("(completed after a restart)"),
    }),
  ]);
  expect(await readdir(path.join(dirs.dataDir, "uploads"))).toEqual([`${stem}.txt`]);
  expect(second.lines.join("\n")).toMatch(
    /removed what an interrupted \/add left behind: .*orphan-notes\.docx/,
  );
  await second.kill("SIGTERM");
}, 180_000);
