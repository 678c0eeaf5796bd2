// The last answers given, by a short id carried in the 👍/👎 buttons, so a vote can be recorded with its question
// and checked against the chat the answer was sent to.
import { randomBytes } from "node:crypto";
import type { Answer } from "../answer/answer.js";

export class RecentAnswers {
  private readonly answers = new Map<string, { answer: Answer; chatId?: number }>();

  constructor(private readonly capacity = 1000) {}

  /** Stores the answer, sent to `chatId`, and returns its id (11 characters, URL-safe). */
  remember(answer: Answer, chatId?: number): string {
    const id = randomBytes(8).toString("base64url");
    this.answers.set(id, { answer, chatId });
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    return id;
  }

  get(id: string): Answer | undefined {
    return this.answers.get(id)?.answer;
  }

  /** The chat the answer was sent to; undefined when it is not remembered (given before a restart, or long ago). */
  chatOf(id: string): number | undefined {
    return this.answers.get(id)?.chatId;
  }
}
