// Small talk recognition: greetings, thanks and emoji in English and Russian, and questions left alone.
import { describe, expect, it } from "vitest";
import { smallTalkLang, smallTalkOf } from "../../src/bot/small-talk.js";

describe("smallTalkOf", () => {
  it.each([
    ["hi", "greeting"],
    ["Hello there!", "greeting"],
    ["good morning", "greeting"],
    ["Привет!", "greeting"],
    ["Добрый день", "greeting"],
    ["thanks!", "thanks"],
    ["Thank you very much", "thanks"],
    ["ok thanks 👍", "thanks"],
    ["Спасибо большое", "thanks"],
    ["👍", "emoji"],
    ["🙏🙏", "emoji"],
    ["❤️", "emoji"],
  ])("%s is %s", (text, kind) => {
    expect(smallTalkOf(text)).toBe(kind);
  });

  it.each([
    "Who leads the congress?",
    "hi, who leads the congress?",
    "thanks, and where did it meet",
    "and where?",
    "а где?",
    "ok",
    "2022",
    "",
  ])("%s is not small talk", (text) => {
    expect(smallTalkOf(text)).toBeUndefined();
  });
});

describe("smallTalkLang", () => {
  it("follows the text's script, and the user's language for emoji", () => {
    expect(smallTalkLang("спасибо", "en")).toBe("ru");
    expect(smallTalkLang("thanks", "ru")).toBe("en");
    expect(smallTalkLang("👍", "ru")).toBe("ru");
  });
});
