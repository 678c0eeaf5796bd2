// 👍/👎 votes kept in DATA_DIR/feedback.jsonl: one record per user and answer (a later press replaces it), and a cap
// on how many votes one user may cast or change in an hour. Writes go one at a time.
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";

export interface FeedbackRecord {
  at: string;
  vote: "up" | "down";
  userId?: number;
  chatId?: number;
  answerId: string;
  question?: string;
  answer?: string;
  abstained?: boolean;
  citations?: { n: number; docId: string; start: number; end: number; passageId: string }[];
}

/** recorded: a new vote; changed: it replaced this user's other vote; unchanged: the same again; capped: refused. */
export type VoteOutcome = "recorded" | "changed" | "unchanged" | "capped";

export interface FeedbackLog {
  record(entry: FeedbackRecord): Promise<VoteOutcome | undefined>;
}

export interface VoteCap {
  /** Votes cast or changed per user within `windowMs`; past it, presses are refused. */
  votes: number;
  windowMs: number;
}

export const VOTE_CAP: VoteCap = { votes: 30, windowMs: 60 * 60_000 };

const keyOf = (r: FeedbackRecord) => `${r.userId ?? "?"}:${r.answerId}`;

export class JsonlFeedbackLog implements FeedbackLog {
  private tail: Promise<unknown> = Promise.resolve();
  /** Every record, by user and answer, in file order; read from the file at the first vote. */
  private votes: Map<string, FeedbackRecord> | undefined;
  /** When each user's recent votes were written (for the cap). */
  private readonly recent = new Map<number, number[]>();

  constructor(
    readonly file: string,
    private readonly cap: VoteCap = VOTE_CAP,
  ) {}

  static inDataDir(dataDir: string, cap?: VoteCap): JsonlFeedbackLog {
    return new JsonlFeedbackLog(path.join(dataDir, "feedback.jsonl"), cap);
  }

  record(entry: FeedbackRecord): Promise<VoteOutcome> {
    const run = this.tail.then(() => this.apply(entry));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async apply(entry: FeedbackRecord): Promise<VoteOutcome> {
    const votes = (this.votes ??= await this.load());
    const key = keyOf(entry);
    const before = votes.get(key);
    if (before?.vote === entry.vote) return "unchanged";
    if (!this.allow(entry.userId, Date.parse(entry.at) || Date.now())) return "capped";
    votes.set(key, entry);
    await mkdir(path.dirname(this.file), { recursive: true });
    if (!before) {
      await appendFile(this.file, `${JSON.stringify(entry)}\n`, "utf8");
      return "recorded";
    }
    // Replaced in place: the file keeps one record per user and answer.
    const lines = [...votes.values()].map((r) => `${JSON.stringify(r)}\n`).join("");
    await writeFileAtomic(this.file, lines);
    return "changed";
  }

  /** Counts a vote against its user's cap; false when the cap is reached. */
  private allow(userId: number | undefined, now: number): boolean {
    if (userId === undefined) return true;
    const times = (this.recent.get(userId) ?? []).filter((t) => now - t < this.cap.windowMs);
    if (times.length >= this.cap.votes) return false;
    times.push(now);
    this.recent.set(userId, times);
    return true;
  }

  private async load(): Promise<Map<string, FeedbackRecord>> {
    const raw = await readFile(this.file, "utf8").catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return "";
      throw e;
    });
    const votes = new Map<string, FeedbackRecord>();
    for (const line of raw.split("\n")) {
      try {
        if (line.trim()) {
          const r = JSON.parse(line) as FeedbackRecord;
          votes.delete(keyOf(r)); // a later line (from before de-duplication) wins, at its own place
          votes.set(keyOf(r), r);
        }
      } catch {
        // a line torn by a crash
      }
    }
    return votes;
  }
}
