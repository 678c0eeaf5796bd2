// The bot's conversation state and its file together: loaded once before the first use, saved after each change.
import type { Logger } from "../logger.js";
import { ConversationFile } from "./conversation-file.js";
import type { Conversations } from "./conversations.js";

export class ConversationState {
  private readonly file: ConversationFile;
  private readonly loaded: Promise<void>;

  constructor(
    readonly conversations: Conversations,
    dataDir: string,
    log: Logger,
  ) {
    this.file = ConversationFile.inDataDir(dataDir, conversations, log);
    this.loaded = this.file.load();
  }

  /** The conversations, once the saved state has been read. */
  async ready(): Promise<Conversations> {
    await this.loaded;
    return this.conversations;
  }

  save(): Promise<void> {
    return this.file.save();
  }
}
