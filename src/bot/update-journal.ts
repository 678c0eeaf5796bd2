// Remembers the updates taken from getUpdates until they are handled. Telegram forgets an update as soon as a later
// getUpdates confirms its offset, and the runner asks again while the previous batch is still being answered: without
// this journal, a crash loses every question already confirmed but not yet answered. Written (and synced) before the
// next getUpdates can confirm anything; on start, what was never finished is handled again (at least once), unless it
// was tried MAX_ATTEMPTS times: an update that crashes the bot each time would otherwise make it a crash loop.
import { appendFile, type FileHandle, mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { Update } from "grammy/types";

/** `tries`: attempts begun so far, when more than one (each start that replays an update rewrites its line). */
type Line = { got: Update; tries?: number } | { done: number };

/** Attempts after which an unfinished update is set aside instead of handled again. */
export const MAX_ATTEMPTS = 3;
export const SET_ASIDE_FILE = "set-aside-updates.jsonl";

export interface JournalOptions {
  /** Rewrite the file once this much has been appended since the last rewrite. */
  compactAfterBytes?: number;
  maxAttempts?: number;
}

export interface SetAside {
  update: Update;
  /** Attempts that never finished (each one ended by the process stopping). */
  tries: number;
}

export class UpdateJournal {
  /** Received, not finished: replayed after a crash. */
  private readonly pending = new Map<number, Update>();
  /** Attempts begun on each pending update: 1 when received, one more at each start that replays it. */
  private readonly tries = new Map<number, number>();
  /**
   * Finished, but maybe not yet confirmed to Telegram, which would then send it again after a restart: such a
   * re-delivery is skipped. Ids below the confirmed offset can never come back and are forgotten.
   */
  private readonly finished = new Set<number>();
  private confirmedBelow = 0;
  private appended = 0;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private handle: FileHandle,
    private readonly compactAfterBytes: number,
  ) {}

  /**
   * Opens DATA_DIR/pending-updates.jsonl; returns the journal, the updates a previous run never finished (each counted
   * as one more attempt), and those set aside, moved to DATA_DIR/set-aside-updates.jsonl, after `maxAttempts`.
   */
  static async open(
    dataDir: string,
    options: JournalOptions = {},
  ): Promise<{ journal: UpdateJournal; unfinished: Update[]; setAside: SetAside[] }> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, "pending-updates.jsonl");
    const journal = new UpdateJournal(file, await open(file, "a"), options.compactAfterBytes ?? 256 * 1024);
    const lines = await readLines(file);
    for (const line of lines) if ("done" in line) journal.finished.add(line.done);
    // A finished update received again (re-delivered before its offset was confirmed) stays finished.
    for (const line of lines) {
      if ("got" in line && !journal.finished.has(line.got.update_id)) {
        const id = line.got.update_id;
        journal.pending.set(id, line.got);
        journal.tries.set(id, Math.max(journal.tries.get(id) ?? 0, line.tries ?? 1));
      }
    }
    const setAside = await journal.setAsideTried(dataDir, options.maxAttempts ?? MAX_ATTEMPTS);
    const unfinished = [...journal.pending.values()].sort((a, b) => a.update_id - b.update_id);
    // Counted, and synced by the compaction, before the replay begins: a crash during it counts as that attempt.
    for (const u of unfinished) journal.tries.set(u.update_id, (journal.tries.get(u.update_id) ?? 1) + 1);
    await journal.compact();
    return { journal, unfinished, setAside };
  }

  /** Moves the updates tried `maxAttempts` times out of the journal, into the set-aside file. */
  private async setAsideTried(dataDir: string, maxAttempts: number): Promise<SetAside[]> {
    const out: SetAside[] = [];
    for (const [id, update] of this.pending) {
      const tries = this.tries.get(id) ?? 1;
      if (tries < maxAttempts) continue;
      out.push({ update, tries });
      this.pending.delete(id);
      this.tries.delete(id);
      this.finished.add(id);
    }
    if (out.length > 0) {
      const at = new Date().toISOString();
      const lines = out.map((s) => `${JSON.stringify({ at, ...s })}\n`).join("");
      await appendFile(path.join(dataDir, SET_ASIDE_FILE), lines, "utf8");
    }
    return out.sort((a, b) => a.update.update_id - b.update.update_id);
  }

  /** Records a batch from getUpdates. Call before the next getUpdates, which confirms this one to Telegram. */
  received(updates: readonly Update[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    for (const u of updates)
      if (!this.finished.has(u.update_id) && !this.pending.has(u.update_id)) {
        this.pending.set(u.update_id, u);
        this.tries.set(u.update_id, 1);
      }
    const lines = updates.map((u) => JSON.stringify({ got: u })).join("\n");
    return this.write(`${lines}\n`, true);
  }

  /** True when this update was finished already (a re-delivery of an unconfirmed one after a restart). */
  isFinished(updateId: number): boolean {
    return this.finished.has(updateId);
  }

  /** Marks an update handled (answered, or failed and apologized for): it will not be replayed. */
  finish(updateId: number): Promise<void> {
    this.pending.delete(updateId);
    this.tries.delete(updateId);
    if (updateId >= this.confirmedBelow) this.finished.add(updateId);
    return this.write(`${JSON.stringify({ done: updateId })}\n`, false);
  }

  /** Telegram will never send updates below `offset` again. */
  confirmed(offset: number): void {
    if (offset <= this.confirmedBelow) return;
    this.confirmedBelow = offset;
    for (const id of this.finished) if (id < offset) this.finished.delete(id);
  }

  get unfinishedCount(): number {
    return this.pending.size;
  }

  /** Waits for the writes under way, then closes the file. */
  async close(): Promise<void> {
    await this.tail;
    await this.handle.close();
  }

  /** Appends in order, one write at a time; a batch of received updates is synced before it counts as written. */
  private write(text: string, sync: boolean): Promise<void> {
    const run = this.tail.then(async () => {
      await this.handle.appendFile(text, "utf8");
      if (sync) await this.handle.datasync();
      this.appended += Buffer.byteLength(text);
      if (this.appended > this.compactAfterBytes) await this.compact();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Rewrites the file with only what still matters (pending updates, finished ids that may come back). */
  private async compact(): Promise<void> {
    const lines = [
      ...[...this.pending.values()].map((u) => {
        const tries = this.tries.get(u.update_id) ?? 1;
        return JSON.stringify(tries > 1 ? { got: u, tries } : { got: u });
      }),
      ...[...this.finished].map((id) => JSON.stringify({ done: id })),
    ];
    const tmp = `${this.file}.tmp`;
    const out = await open(tmp, "w");
    try {
      await out.writeFile(lines.length ? `${lines.join("\n")}\n` : "", "utf8");
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(tmp, this.file);
    await this.handle.close();
    this.handle = await open(this.file, "a");
    this.appended = 0;
  }
}

/** The journal's lines; a line cut short by a crash (the last one) is skipped. */
async function readLines(file: string): Promise<Line[]> {
  const raw = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return "";
    throw e;
  });
  const lines: Line[] = [];
  for (const text of raw.split("\n")) {
    if (!text.trim()) continue;
    try {
      const line = JSON.parse(text) as Line;
      if ("got" in line && typeof line.got?.update_id === "number") lines.push(line);
      else if ("done" in line && typeof line.done === "number") lines.push(line);
    } catch {
      // torn write
    }
  }
  return lines;
}
