// Human locations: the section heading and the paragraph within it, never the file's line.
import { expect, it } from "vitest";
import { locate } from "../../src/bot/location.js";
import type { Passage } from "../../src/corpus/types.js";

function passage(id: string, start: number, text: string, heading: string): Passage {
  return {
    passageId: id,
    docId: "d.md",
    title: "T",
    text,
    start,
    end: start + text.length,
    line: 1,
    heading,
    sentences: [],
  };
}

const p1 = passage("a", 40, "Lead paragraph.", "");
const p2 = passage("b", 57, "Formation\n\nFirst of the section.\n\nSecond of the section.", "Formation");
const p3 = passage("c", 200, "Third, in a passage of its own.", "Formation");
const index = {
  document: (id: string) => (id === "d.md" ? ({ passageIds: ["c", "a", "b"] } as never) : undefined),
  passageById: (id: string) => [p1, p2, p3].find((p) => p.passageId === id),
};

it("counts paragraphs within a section, across passages, and ignores front matter", () => {
  expect(locate(index, "d.md", 45)).toEqual({ heading: "", paragraph: 1 });
  expect(locate(index, "d.md", 57 + "Formation\n\n".length)).toEqual({ heading: "Formation", paragraph: 1 });
  expect(locate(index, "d.md", 57 + p2.text.indexOf("Second"))).toEqual({
    heading: "Formation",
    paragraph: 2,
  });
  expect(locate(index, "d.md", 205)).toEqual({ heading: "Formation", paragraph: 3 });
  expect(locate(index, "gone.md", 5)).toEqual({ heading: "" });
});
