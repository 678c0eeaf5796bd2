// Ids of added documents: the date and three to five words of the title; stable, short, never a path.
import { describe, expect, it } from "vitest";
import { newDocId, titleSlug } from "../../src/intake/doc-id.js";

const DAY = new Date("2026-03-04T10:00:00Z");

describe("document ids", () => {
  it.each([
    ["The archive committee met in Vilnius on 3 March 2026", "archive-committee-met-vilnius-3"],
    ["Oslo", "oslo"],
    ["Берлинское представительство открыто", "berlinskoe-predstavitelstvo-otkryto"],
    ["../../etc/passwd", "etc-passwd"],
    ["!!!", "note"],
  ])("slugs %j as %s", (title, slug) => {
    expect(titleSlug(title)).toBe(slug);
  });

  it("prefixes the date, and numbers a taken id", () => {
    const taken = new Set(["2026-03-04-vilnius-plans.md"]);
    expect(newDocId("Vilnius plans", DAY, () => false)).toBe("2026-03-04-vilnius-plans.md");
    expect(newDocId("Vilnius plans", DAY, (id) => taken.has(id))).toBe("2026-03-04-vilnius-plans-2.md");
  });
});
