// The journal of received-but-unfinished updates: what a restart replays, what it must not replay twice.
import { appendFile, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, SET_ASIDE_FILE, UpdateJournal } from "../../src/bot/update-journal.js";
import { tempDir } from "../helpers/temp.js";

const update = (id: number, text = `question ${id}`): Update =>
  ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: 1, type: "private", first_name: "A" }, text },
  }) as Update;

const ids = (updates: Update[]) => updates.map((u) => u.update_id);

describe("update journal", () => {
  it("replays, in order, what was received and never finished", async () => {
    const dir = await tempDir();
    const first = await UpdateJournal.open(dir);
    expect(first.unfinished).toEqual([]);
    await first.journal.received([update(12), update(10), update(11)]);
    await first.journal.finish(11);
    // No close(): as after a SIGKILL.
    const second = await UpdateJournal.open(dir);
    expect(ids(second.unfinished)).toEqual([10, 12]);
    expect(second.unfinished[0]).toEqual(update(10));
    await second.journal.close();
    await first.journal.close();
  });

  it("skips a line torn by a crash, keeping the rest", async () => {
    const dir = await tempDir();
    const { journal } = await UpdateJournal.open(dir);
    await journal.received([update(1), update(2)]);
    await appendFile(journal.file, '{"got":{"update_id":3,"mess');
    const again = await UpdateJournal.open(dir);
    expect(ids(again.unfinished)).toEqual([1, 2]);
    await again.journal.close();
    await journal.close();
  });

  it("remembers finished updates until their offset is confirmed, so a re-delivery is not handled twice", async () => {
    const dir = await tempDir();
    const { journal } = await UpdateJournal.open(dir);
    await journal.received([update(5), update(6)]);
    await journal.finish(5);
    await journal.finish(6);
    const restarted = await UpdateJournal.open(dir);
    expect(restarted.unfinished).toEqual([]);
    // Telegram sends 5 and 6 again (never confirmed): they are known, and stay finished across another crash.
    expect(restarted.journal.isFinished(5)).toBe(true);
    await restarted.journal.received([update(5), update(6), update(7)]);
    const again = await UpdateJournal.open(dir);
    expect(ids(again.unfinished)).toEqual([7]);
    // Once confirmed, they can never come back, and are forgotten.
    again.journal.confirmed(7);
    expect(again.journal.isFinished(5)).toBe(false);
    for (const j of [journal, restarted.journal, again.journal]) await j.close();
  });

  it("compacts the file to what still matters", async () => {
    const dir = await tempDir();
    const { journal } = await UpdateJournal.open(dir, { compactAfterBytes: 2000 });
    const big = "x".repeat(500);
    for (let id = 1; id <= 40; id++) {
      await journal.received([update(id, big)]);
      journal.confirmed(id);
      if (id !== 17) await journal.finish(id);
    }
    expect((await stat(journal.file)).size).toBeLessThan(4000);
    await journal.close();
    const lines = (await readFile(path.join(dir, "pending-updates.jsonl"), "utf8")).trim().split("\n");
    expect(lines.some((l) => l.includes('"update_id":17'))).toBe(true);
    const reopened = await UpdateJournal.open(dir);
    expect(ids(reopened.unfinished)).toEqual([17]);
    await reopened.journal.close();
  });

  // Issue 22: an update that crashed the bot at every attempt was replayed at every start, a crash loop.
  it(`sets aside an update after ${MAX_ATTEMPTS} attempts that never finished, keeping it in ${SET_ASIDE_FILE}`, async () => {
    const dir = await tempDir();
    const first = await UpdateJournal.open(dir);
    await first.journal.received([update(30), update(31)]);
    await first.journal.finish(31);
    // Each open without a finish is a start whose replay was cut short again (a SIGKILL, a native crash).
    const opened = [first];
    for (let start = 2; start <= MAX_ATTEMPTS; start++) {
      const again = await UpdateJournal.open(dir);
      expect(ids(again.unfinished)).toEqual([30]);
      expect(again.setAside).toEqual([]);
      opened.push(again);
    }
    const last = await UpdateJournal.open(dir);
    expect(last.unfinished).toEqual([]);
    expect(last.setAside).toEqual([{ update: update(30), tries: MAX_ATTEMPTS }]);
    const kept = (await readFile(path.join(dir, SET_ASIDE_FILE), "utf8")).trim().split("\n");
    expect(kept.map((l) => JSON.parse(l).update.update_id)).toEqual([30]);
    // Set aside once: the next start neither replays it nor reports it again.
    const after = await UpdateJournal.open(dir);
    expect([after.unfinished, after.setAside]).toEqual([[], []]);
    for (const j of [...opened, last, after]) await j.journal.close();
  });

  it("counts a re-delivery of a pending update as the same attempt", async () => {
    const dir = await tempDir();
    const { journal } = await UpdateJournal.open(dir);
    await journal.received([update(40)]);
    await journal.received([update(40)]);
    const again = await UpdateJournal.open(dir);
    expect(ids(again.unfinished)).toEqual([40]);
    for (const j of [journal, again.journal]) await j.close();
  });
});
