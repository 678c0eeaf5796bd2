// Chat spellings written out before a question is read.
import { describe, expect, it } from "vitest";
import { writeOut } from "../../src/text/chat-speak.js";

describe("writeOut", () => {
  it.each([
    ["how many ppl came", "how many people came"],
    ["which uni does she work at", "which university does she work at"],
    ["скока чел было на сессии", "сколько человек было на сессии"],
    // Months as chats shorten them; not "mar", a verb, and not inside a word.
    ["wat did the court do in dec 2024", "wat did the court do in December 2024"],
    ["when in sept was it", "when in September was it"],
    ["did it mar the vote", "did it mar the vote"],
    ["the decision was final", "the decision was final"],
  ])("%s → %s", (question, expected) => {
    expect(writeOut(question)).toBe(expected);
  });
});
