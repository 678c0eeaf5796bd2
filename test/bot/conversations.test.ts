// What a chat remembers of its turns: the question, the answer's start, its lead and where it quoted.
import { describe, expect, it } from "vitest";
import { Conversations } from "../../src/bot/conversations.js";

describe("Conversations", () => {
  const sources = Array.from({ length: 8 }, (_, i) => ({ docId: "a.md", start: i * 100, end: i * 100 + 50 }));
  const turn = {
    question: "Who stood against him?",
    answer: "x".repeat(2000),
    lead: "Svetlana Yermolina",
    sources,
  };

  it("keeps a turn's lead and its first quotes for the next question, and the answer's start", () => {
    const chats = new Conversations();
    chats.record(7, turn, []);
    const [kept] = chats.history(7);
    expect(kept?.lead).toBe("Svetlana Yermolina");
    expect(kept?.sources).toEqual(sources.slice(0, 5));
    expect(kept?.answer?.length).toBeLessThan(2000);
  });

  it("keeps them through a snapshot, as a restart reads it back", () => {
    const chats = new Conversations();
    chats.record(7, turn, [], [41]);
    const restored = new Conversations();
    restored.restore(JSON.parse(JSON.stringify(chats.snapshot())));
    expect(restored.history(7)[0]?.sources).toHaveLength(5);
    expect(restored.thread(7, 41)?.[0]?.lead).toBe("Svetlana Yermolina");
  });
});
