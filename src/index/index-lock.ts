// One writer of INDEX_DIR at a time, across processes (the bot, `npm run ingest`): a lock file names its holder (pid,
// start time, command); a second writer waits for it, then refuses naming the holder; a dead holder's lock is taken over.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { IndexLockedError } from "../errors.js";

export const LOCK_FILE = "writer.lock";

export interface LockHolder {
  pid: number;
  startedAt: string;
  command: string;
}

export interface LockOptions {
  /** How long to wait for another writer before refusing (default two minutes; 0 refuses at once). */
  waitMs?: number;
  /** Told once that this writer waits, and for whom. */
  onWait?: (holder: LockHolder) => void;
}

export const LOCK_DEFAULTS = { waitMs: 120_000, pollMs: 100 };

const me: LockHolder = {
  pid: process.pid,
  startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  command:
    process.argv
      .slice(1)
      .map((a) => path.basename(a))
      .join(" ")
      .slice(0, 120) || "node",
};
/** Lock files this process holds: its own pid in a lock it does not hold is a dead predecessor's (pid reused). */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** When process `pid` started, from Linux's /proc (clock ticks after boot); undefined where that cannot be read. */
function startOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    return Number.isFinite(ticks) && boot ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A holder is gone when its pid is dead, or when that pid now belongs to a process started well after the lock was
 * taken (the pid was reused: common for pid 1 in a container). Unknown start times count as the holder's own.
 */
function isGone(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return true;
  const started = startOf(holder.pid);
  const claimed = Date.parse(holder.startedAt);
  return started !== undefined && Number.isFinite(claimed) && started - claimed > 5_000;
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const h = JSON.parse(text) as LockHolder;
    if (Number.isInteger(h?.pid) && h.pid > 0) return h;
  } catch {
    // a lock file is written whole (link of a complete file): garbage is damage, not a holder
  }
  return { pid: 0, startedAt: "?", command: "an unreadable lock file" };
}

/** Creates the lock file atomically, whole: written aside, then hard-linked into place (fails when it exists). */
async function tryCreate(file: string): Promise<boolean> {
  const tmp = path.join(path.dirname(file), `.lock-${process.pid}-${randomBytes(4).toString("hex")}`);
  await writeFile(tmp, JSON.stringify(me));
  try {
    await link(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function acquire(indexDir: string, options: LockOptions): Promise<string> {
  // A file standing where INDEX_DIR should be fails below, with ENOTDIR, as every other write into it would.
  await mkdir(indexDir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "EEXIST") throw e;
  });
  const file = path.join(indexDir, LOCK_FILE);
  const waitMs = options.waitMs ?? LOCK_DEFAULTS.waitMs;
  const began = Date.now();
  let told = false;
  for (;;) {
    if (await tryCreate(file)) {
      heldHere.add(file);
      return file;
    }
    const holder = await readHolder(file);
    if (!holder) continue; // released meanwhile
    const stale = holder.pid === process.pid ? !heldHere.has(file) : isGone(holder);
    if (stale) {
      // Taken over: removed only if it is still the dead holder's (another writer may have taken it over first).
      const again = await readHolder(file);
      if (again && again.pid === holder.pid && again.startedAt === holder.startedAt)
        await unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() - began >= waitMs) throw new IndexLockedError(indexDir, holder);
    if (!told) options.onWait?.(holder);
    told = true;
    await sleep(LOCK_DEFAULTS.pollMs);
  }
}

async function release(file: string): Promise<void> {
  heldHere.delete(file);
  const holder = await readHolder(file);
  if (holder?.pid === me.pid && holder.startedAt === me.startedAt) await unlink(file).catch(() => undefined);
}

/** Runs `write` holding INDEX_DIR's writer lock. */
export async function withIndexLock<T>(
  indexDir: string,
  write: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const file = await acquire(indexDir, options);
  try {
    return await write();
  } finally {
    await release(file);
  }
}
