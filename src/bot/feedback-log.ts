// 👍/👎 votes appended as JSON lines to DATA_DIR/feedback.jsonl, one write at a time.
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";

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

export interface FeedbackLog {
  record(entry: FeedbackRecord): Promise<void>;
}

export class JsonlFeedbackLog implements FeedbackLog {
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): JsonlFeedbackLog {
    return new JsonlFeedbackLog(path.join(dataDir, "feedback.jsonl"));
  }

  /** Appends one line; writes are chained so lines never interleave. */
  record(entry: FeedbackRecord): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.tail.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, line, "utf8");
    });
    this.tail = write.catch(() => undefined);
    return write;
  }
}
