// Issue 22: a journaled update that stopped the bot at every attempt (a crash in native code) was replayed at every
// start, forever. After three attempts it is set aside: logged, kept in a file, and its sender told, through the Bot API.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Update } from "grammy/types";
import { afterAll, expect, it } from "vitest";
import { MAX_ATTEMPTS, SET_ASIDE_FILE, UpdateJournal } from "../../src/bot/update-journal.js";
import { tempDir } from "../helpers/temp.js";
import { UserChat } from "./helpers/chat.js";
import { type BotFixture, startFixture, TOKEN } from "./helpers/fixture.js";

const USER = 8080;
let f: BotFixture | undefined;
afterAll(async () => {
  await f?.close();
});

const poison: Update = {
  update_id: 900_001,
  message: {
    message_id: 77,
    date: Math.floor(Date.now() / 1000),
    chat: { id: USER, type: "private", first_name: "Test" },
    from: { id: USER, is_bot: false, first_name: "Test", language_code: "en" },
    text: "Who leads the congress?",
  },
};

it(`sets aside a question whose handling stopped the bot ${MAX_ATTEMPTS} times, and tells its sender`, async () => {
  const dataDir = await tempDir();
  // Received, then replayed at two more starts, each cut short: as DATA_DIR looks after a crash loop's third crash.
  const opened = [await UpdateJournal.open(dataDir)];
  await opened[0]!.journal.received([poison]);
  for (let start = 2; start <= MAX_ATTEMPTS; start++) opened.push(await UpdateJournal.open(dataDir));
  for (const o of opened) await o.journal.close();

  f = await startFixture({ env: { DATA_DIR: dataDir } });
  const chat = new UserChat(f.emulator, TOKEN, { userId: USER });
  const told = await chat.reply();
  expect(told.text).toMatch(/could not handle this message: it stopped me each time I tried/);
  expect(told.replyTo).toBe(77);
  expect(f.logs.join("\n")).toMatch(
    new RegExp(`WARN update 900001 was set aside after ${MAX_ATTEMPTS} attempts .+${SET_ASIDE_FILE}`),
  );
  const kept = JSON.parse((await readFile(path.join(dataDir, SET_ASIDE_FILE), "utf8")).trim());
  expect(kept.update.message.text).toBe("Who leads the congress?");
  // Out of the journal: only its id is kept, as finished, so that a re-delivery is not handled either.
  expect(await readFile(path.join(dataDir, "pending-updates.jsonl"), "utf8")).not.toContain('"got"');
  // It was not handled again: the one message is the notice.
  await f.running.stop();
  expect(chat.pending()).toEqual([]);
}, 60_000);
