// Remembers the updates taken from getUpdates until they are handled. Telegram forgets an update as soon as a later
// getUpdates confirms its offset, and the runner asks again while the previous batch is still being answered: without
// this journal, a crash loses every question already confirmed but not yet answered. Written (and synced) before the
// next getUpdates can confirm anything; on start, what was never finished is handled again (at least once).
import { type FileHandle, mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { Update } from "grammy/types";

type Line = { got: Update } | { done: number };

export interface JournalOptions {
  /** Rewrite the file once this much has been appended since the last rewrite. */
  compactAfterBytes?: number;
}

export class UpdateJournal {
  /** Received, not finished: replayed after a crash. */
  private readonly pending = new Map<number, Update>();
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

  /** Opens DATA_DIR/pending-updates.jsonl; returns the journal and the updates a previous run never finished. */
  static async open(
    dataDir: string,
    options: JournalOptions = {},
  ): Promise<{ journal: UpdateJournal; unfinished: Update[] }> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, "pending-updates.jsonl");
    const journal = new UpdateJournal(file, await open(file, "a"), options.compactAfterBytes ?? 256 * 1024);
    const lines = await readLines(file);
    for (const line of lines) if ("done" in line) journal.finished.add(line.done);
    // A finished update received again (re-delivered before its offset was confirmed) stays finished.
    for (const line of lines)
      if ("got" in line && !journal.finished.has(line.got.update_id))
        journal.pending.set(line.got.update_id, line.got);
    await journal.compact();
    return { journal, unfinished: [...journal.pending.values()].sort((a, b) => a.update_id - b.update_id) };
  }

  /** Records a batch from getUpdates. Call before the next getUpdates, which confirms this one to Telegram. */
  received(updates: readonly Update[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    for (const u of updates) if (!this.finished.has(u.update_id)) this.pending.set(u.update_id, u);
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
      ...[...this.pending.values()].map((u) => JSON.stringify({ got: u })),
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
