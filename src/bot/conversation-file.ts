// Saves the conversation state to DATA_DIR/conversations.json (atomic writes, one at a time, the latest state wins)
// and reads it back at start, so a restart keeps every chat's thread.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../logger.js";
import { describeError } from "./error-boundary.js";
import type { ConversationSnapshot, Conversations } from "./conversations.js";

export const CONVERSATIONS_FILE = "conversations.json";

export class ConversationFile {
  private writing: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly file: string,
    private readonly conversations: Conversations,
    private readonly log: Logger,
  ) {}

  static inDataDir(dataDir: string, conversations: Conversations, log: Logger): ConversationFile {
    return new ConversationFile(path.join(dataDir, CONVERSATIONS_FILE), conversations, log);
  }

  /** Loads the saved state; a missing file is a fresh start, an unreadable one is logged and set aside. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT")
        this.log.warn(`could not read ${this.file}; conversations start afresh: ${describeError(e)}`);
      return;
    }
    try {
      const snapshot = JSON.parse(text) as ConversationSnapshot;
      if (snapshot.version !== 1 || !Array.isArray(snapshot.chats) || !Array.isArray(snapshot.answers))
        throw new Error("not a version 1 conversation snapshot");
      this.conversations.restore(snapshot);
    } catch (e) {
      this.log.warn(
        `${this.file} is damaged (${describeError(e)}); conversations start afresh. Delete the file to silence this.`,
      );
    }
  }

  /** Schedules a save of the current state; resolves when a save that includes it has finished. */
  save(): Promise<void> {
    if (this.writing) {
      this.again = true;
      return this.writing;
    }
    this.writing = this.write().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  private async write(): Promise<void> {
    do {
      this.again = false;
      try {
        await mkdir(path.dirname(this.file), { recursive: true });
        // A temporary file renamed over the old one, not write-file-atomic: its signal-exit hooks, registered per
        // write in flight, can re-raise a SIGTERM that arrives mid-write and cut the bot's clean shutdown short.
        const temporary = `${this.file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify(this.conversations.snapshot()));
        await rename(temporary, this.file);
      } catch (e) {
        // Losing follow-up context after a restart is a nuisance, not a reason to fail an answer.
        this.log.warn(`could not save conversations to ${this.file}: ${describeError(e)}`);
      }
    } while (this.again);
  }
}
