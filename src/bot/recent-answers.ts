// The last answers given, by a short id carried in the 👍/👎 buttons, so a vote can be recorded with its question.
import { randomBytes } from "node:crypto";
import type { Answer } from "../answer/answer.js";

export class RecentAnswers {
  private readonly answers = new Map<string, Answer>();

  constructor(private readonly capacity = 1000) {}

  /** Stores the answer and returns its id (11 characters, URL-safe). */
  remember(answer: Answer): string {
    const id = randomBytes(8).toString("base64url");
    this.answers.set(id, answer);
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    return id;
  }

  get(id: string): Answer | undefined {
    return this.answers.get(id);
  }
}
