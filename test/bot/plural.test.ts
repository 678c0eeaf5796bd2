// Counted nouns by Intl.PluralRules: English one/other, Russian one/few/many.
import { describe, expect, it } from "vitest";
import { count } from "../../src/bot/plural.js";

describe("count", () => {
  it.each([
    ["en", 1, "1 passage"],
    ["en", 2, "2 passages"],
    ["en", 0, "0 passages"],
    ["ru", 1, "1 фрагмент"],
    ["ru", 21, "21 фрагмент"],
    ["ru", 3, "3 фрагмента"],
    ["ru", 5, "5 фрагментов"],
    ["ru", 11, "11 фрагментов"],
    ["ru", 0, "0 фрагментов"],
  ] as const)("%s %d", (lang, n, text) => {
    expect(count(lang, n, "passage")).toBe(text);
  });
});
