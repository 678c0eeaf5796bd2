// Words told across scripts by their sound: a Russian word's Latin key against an English stem.
import { describe, expect, it } from "vitest";
import { cognateKey, isCognate, soundTells } from "../../src/text/cognates.js";
import { toLatin } from "../../src/text/transliterate.js";

const key = (russian: string) => cognateKey(toLatin(russian));

describe("cognates", () => {
  it.each([
    ["Берлине", "berlin", true],
    ["Германии", "germani", true],
    ["парламента", "parliament", true],
    ["Германии", "prague", false],
  ])("%s ~ %s: %s", (russian, english, cognate) => {
    expect(isCognate(key(russian), english)).toBe(cognate);
  });

  it.each([
    // Long enough: six letters or four consonants.
    ["Берлине", true],
    ["Германии", true],
    ["Гданьске", true],
    // Too short to be known by sound: "Праге" does not even meet "Prague".
    ["Праге", false],
    ["Риге", false],
    ["Осло", false],
  ])("%s is told by its sound: %s", (russian, tells) => {
    expect(soundTells(key(russian))).toBe(tells);
  });

  it("a short name's sound misses its English spelling, which is why it is not judged by it", () => {
    expect(isCognate(key("Праге"), "prague")).toBe(false);
  });
});
