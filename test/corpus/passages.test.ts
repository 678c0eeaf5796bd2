// Passages keep exact offsets into the file's text, whatever the script, line ends or layout of the document.
import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentFromBytes } from "../../src/corpus/documents.js";
import { PASSAGE_MAX, PASSAGE_MIN, sentenceSpans, splitPassages } from "../../src/corpus/passages.js";
import type { CorpusDocument, Passage } from "../../src/corpus/types.js";
import { SEED_CORPUS, SEED_DOC } from "../helpers/corpus.js";

// ---- generated documents -------------------------------------------------------------------------------

const WORDS = [
  "congress",
  "session",
  "Warsaw",
  "deputies",
  "parliament",
  "конгресс",
  "депутатов",
  "сессия",
  "Варшаве",
  "Україна",
  "їжак",
  "ґанок",
  "єдність",
  "naïve",
  "café",
  "😀",
  "👨‍👩‍👧",
  "🇺🇦",
  "x😀y",
  "e\u0301",
  "2024",
];
const TITLE_WORDS = [
  "Formation",
  "Objectives",
  "Итоги",
  "Сессии",
  "Підсумки",
  "Future",
  "Prospects",
  "Warsaw",
];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }) },
);
const terminator = fc.constantFrom(".", "!", "?", "…", ".»", "?!");
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 25 }), terminator)
  .map(([ws, end]) => `${ws.join(" ")}${end}`);
/** Sentences joined by spaces or single line breaks (hard-wrapped text); "\n" becomes the document's EOL later. */
const paragraph = fc
  .tuple(
    fc.array(sentence, { minLength: 1, maxLength: 14 }),
    fc.array(fc.constantFrom(" ", " ", "\n"), { minLength: 14, maxLength: 14 }),
  )
  .map(([ss, joins]) => ss.map((s, i) => (i === 0 ? s : joins[i]! + s)).join(""));
/** A long paragraph with no punctuation at all, so only white space can split it. */
const runOn = fc
  .array(fc.constantFrom(...WORDS), { minLength: 200, maxLength: 700 })
  .map((ws) => ws.join(" "));
/** A long run with no white space either (emoji and Cyrillic), to force hard cuts. */
const blob = fc
  .tuple(fc.constantFrom("😀", "ж", "🇺🇦", "a"), fc.integer({ min: 400, max: 1500 }))
  .map(([unit, n]) => unit.repeat(n));
const heading = fc.oneof(
  fc.array(fc.constantFrom(...TITLE_WORDS), { minLength: 1, maxLength: 5 }).map((ws) => ws.join(" ")),
  fc
    .tuple(
      fc.constantFrom("# ", "## ", "### "),
      // Words that begin and end with a visible character: a heading of blanks is no heading.
      fc.array(
        word.filter((w) => /^\S/u.test(w) && /\S$/u.test(w)),
        { minLength: 1, maxLength: 5 },
      ),
    )
    .map(([h, ws]) => `${h}${ws.join(" ")}`),
);

/**
 * What CommonMark reports for an ATX heading line: the text without the #s and the blanks around it. A closing run of
 * #s needs a blank before it: "# C#" is the heading "C#".
 */
const atxHeading = (line: string) =>
  line
    .replace(/^#+[ \t]+/, "")
    .replace(/\s+$/u, "")
    .replace(/(?:[ \t]+#+)?[ \t]*$/, "");

type Block = { kind: "heading" | "text"; text: string };
const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 2, arbitrary: heading.map((text) => ({ kind: "heading" as const, text })) },
  { weight: 8, arbitrary: paragraph.map((text) => ({ kind: "text" as const, text })) },
  { weight: 2, arbitrary: runOn.map((text) => ({ kind: "text" as const, text })) },
  { weight: 1, arbitrary: blob.map((text) => ({ kind: "text" as const, text })) },
);

interface Generated {
  doc: CorpusDocument;
  /** Headings as they should be reported, with the offset where each heading line starts. */
  headings: { at: number; text: string }[];
}

const generatedDoc: fc.Arbitrary<Generated> = fc
  .record({
    blocks: fc.array(block, { minLength: 1, maxLength: 14 }),
    eol: fc.constantFrom("\n", "\r\n"),
    gaps: fc.array(fc.constantFrom("\n\n", "\n\n\n", "\n  \n", "\n\t\n\n"), { minLength: 14, maxLength: 14 }),
    frontMatter: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ blocks, eol, gaps, frontMatter, finalNewline }) => {
    let text = frontMatter ? "---\ntitle: Документ 😀\ntags: [a, b]\n---\n" : "";
    const headings: { at: number; text: string }[] = [];
    blocks.forEach((b, i) => {
      if (i > 0) text += gaps[i]!;
      // A heading only counts as one when a text block follows it.
      if (b.kind === "heading" && blocks[i + 1]?.kind === "text") {
        headings.push({ at: text.replace(/\n/g, eol).length, text: atxHeading(b.text) });
      }
      text += b.text;
    });
    if (finalNewline) text += "\n";
    const withEol = text.replace(/\n/g, eol);
    const doc = documentFromBytes("generated.md", Buffer.from(withEol, "utf8"));
    return { doc, headings };
  });

// ---- invariants ----------------------------------------------------------------------------------------

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** The invariants every passage of every document must satisfy. */
function checkInvariants(doc: CorpusDocument, passages: Passage[]): void {
  const { text } = doc;
  let previousStart = -1;
  for (const p of passages) {
    expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(p.docId).toBe(doc.docId);
    expect(p.start).toBeGreaterThanOrEqual(doc.bodyStart);
    expect(p.start).toBeGreaterThan(previousStart);
    previousStart = p.start;
    expect(p.line).toBe(lineOf(text, p.start));
    expect(p.end - p.start).toBeLessThanOrEqual(PASSAGE_MAX);
    expect(p.text.trim()).toBe(p.text);
    expect(p.sentences.length).toBeGreaterThan(0);
    let previousEnd = p.start;
    for (const s of p.sentences) {
      expect(s.start).toBeGreaterThanOrEqual(previousEnd);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(p.end);
      expect(text.slice(s.start, s.end).trim()).not.toBe("");
      // A sentence never starts or ends inside a surrogate pair.
      expect(text.slice(s.start, s.end)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      previousEnd = s.end;
    }
  }
  expect(new Set(passages.map((p) => p.passageId)).size).toBe(passages.length);
}

/** Every non-blank character of the body is inside some sentence, except the heading lines. */
function checkCoverage(doc: CorpusDocument, passages: Passage[]): void {
  const covered = new Uint8Array(doc.text.length);
  for (const p of passages) for (const s of p.sentences) covered.fill(1, s.start, s.end);
  const headings = new Set(passages.map((p) => p.heading));
  let i = doc.bodyStart;
  while (i < doc.text.length) {
    if (covered[i] || /\s/.test(doc.text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < doc.text.length && !covered[j] && doc.text[j] !== "\n") j++;
    const line = doc.text
      .slice(i, j)
      .trim()
      .replace(/^#+[ \t]+/, "");
    // A table's rule under its header ("| --- |") has no words to read, and is in no sentence.
    if (!/^\|?[\s:|-]+\|?$/.test(line))
      expect(headings, `uncovered text at ${i}: ${JSON.stringify(line)}`).toContain(line);
    i = j;
  }
}

/** Which generated section (0: before any heading) a passage starts in. */
function sectionOf(generated: Generated, p: Passage): number {
  return generated.headings.filter((h) => h.at <= p.start).length;
}

/**
 * A passage under PASSAGE_MIN is allowed only where it could not be longer: its whole section is that short,
 * or joining it to a neighbour in the same section would pass PASSAGE_MAX.
 */
function checkMinimum(generated: Generated, passages: Passage[]): void {
  passages.forEach((p, i) => {
    if (p.end - p.start >= PASSAGE_MIN) return;
    const same = (q: Passage | undefined) => q && sectionOf(generated, q) === sectionOf(generated, p);
    const prev = same(passages[i - 1]) ? passages[i - 1] : undefined;
    const next = same(passages[i + 1]) ? passages[i + 1] : undefined;
    const why = `passage ${i} [${p.start}, ${p.end}) of ${p.end - p.start} chars: ${JSON.stringify(p.text.slice(0, 80))}`;
    if (prev) expect(p.end - prev.start, `${why} could join the one before`).toBeGreaterThan(PASSAGE_MAX);
    if (next) expect(next.end - p.start, `${why} could join the one after`).toBeGreaterThan(PASSAGE_MAX);
  });
}

function checkHeadings(generated: Generated, passages: Passage[]): void {
  for (const p of passages) {
    const above = generated.headings.filter((h) => h.at <= p.start).at(-1);
    expect(p.heading).toBe(above?.text ?? "");
  }
}

// ---- tests ---------------------------------------------------------------------------------------------

describe("splitPassages on generated documents", () => {
  it("keeps text.slice(start, end) === passage.text, sentence spans inside, and 1-based lines", () => {
    fc.assert(
      fc.property(generatedDoc, ({ doc }) => checkInvariants(doc, splitPassages(doc))),
      { numRuns: 300 },
    );
  });

  it("loses no body text: every non-heading character is inside a sentence (a table's rule has none)", () => {
    fc.assert(
      fc.property(generatedDoc, ({ doc }) => checkCoverage(doc, splitPassages(doc))),
      { numRuns: 300 },
    );
  });

  it("makes passages of at least PASSAGE_MIN characters unless they cannot be longer", () => {
    fc.assert(
      fc.property(generatedDoc, (g) => checkMinimum(g, splitPassages(g.doc))),
      { numRuns: 300 },
    );
  });

  it("labels each passage with the heading above it", () => {
    fc.assert(
      fc.property(generatedDoc, (g) => checkHeadings(g, splitPassages(g.doc))),
      { numRuns: 300 },
    );
  });

  it("gives the same passage ids when the same bytes are split again", () => {
    fc.assert(
      fc.property(generatedDoc, ({ doc }) => {
        const again = documentFromBytes(doc.docId, Buffer.from(doc.text, "utf8"));
        expect(splitPassages(again).map((p) => p.passageId)).toEqual(
          splitPassages(doc).map((p) => p.passageId),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("splitPassages on hand-made documents", () => {
  const split = (text: string, docId = "doc.md") => {
    const doc = documentFromBytes(docId, Buffer.from(text, "utf8"));
    const passages = splitPassages(doc);
    checkInvariants(doc, passages);
    return { doc, passages };
  };

  it("gives a short document one passage, without its front matter", () => {
    const { passages } = split("---\ntitle: Short\n---\nOne sentence here. And another one.");
    expect(passages).toHaveLength(1);
    expect(passages[0]!.text).toBe("One sentence here. And another one.");
    expect(passages[0]!.line).toBe(4);
    expect(
      passages[0]!.sentences.map((s) =>
        passages[0]!.text.slice(s.start - passages[0]!.start, s.end - passages[0]!.start),
      ),
    ).toEqual(["One sentence here.", "And another one."]);
  });

  it("reads a heading whose text holds U+2028, an ordinary character to CommonMark (found by fast-check)", () => {
    const { passages } = split(" .\n\nFormation\n\n# ! \u2028! congress\n\ncongress.");
    expect(passages.map((p) => [p.text, p.heading])).toEqual([
      [".\n\nFormation", ""],
      ["# ! \u2028! congress\n\ncongress.", "! \u2028! congress"],
    ]);
  });

  it("reads a closing run of #s only after a blank, as CommonMark does (found by fast-check)", () => {
    expect(split("# !#\n\ncongress.").passages[0]!.heading).toBe("!#");
    expect(split("## Votes ##\n\ncongress.").passages[0]!.heading).toBe("Votes");
  });

  it("splits a long document into several passages with lines counted over CRLF", () => {
    const para = (n: number) =>
      `Paragraph ${n} talks about the congress in Warsaw and its deputies at length.`.repeat(5);
    const text = Array.from({ length: 12 }, (_, i) => para(i)).join("\r\n\r\n");
    const { passages } = split(text);
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) expect(p.line % 2).toBe(1); // paragraphs start on odd lines
  });

  it("overlaps windows of an over-long paragraph by one sentence", () => {
    const sentences = Array.from(
      { length: 40 },
      (_, i) => `Sentence number ${i} says something about the session.`,
    );
    const { passages } = split(sentences.join(" "));
    expect(passages.length).toBeGreaterThan(1);
    for (let i = 1; i < passages.length; i++) {
      expect(passages[i]!.start).toBeLessThan(passages[i - 1]!.end);
      expect(passages[i]!.sentences[0]).toEqual(passages[i - 1]!.sentences.at(-1));
    }
  });

  it("uses the document's path, offsets and content for stable ids", () => {
    const text = "The congress met in Warsaw. It elected a presidium.";
    const a = split(text, "a.md").passages[0]!;
    expect(split(text, "a.md").passages[0]!.passageId).toBe(a.passageId);
    expect(split(text, "b.md").passages[0]!.passageId).not.toBe(a.passageId);
    expect(split(`${text} More.`, "a.md").passages[0]!.passageId).not.toBe(a.passageId);
  });
});

describe("sentences", () => {
  const sentences = (text: string) =>
    sentenceSpans(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

  it.each([
    [
      "a list item starts a sentence, and a plain line goes on with the item above",
      "Resolutions:\n- **Resolution No. 1**, adopted 5 May. For 64, against 2.\n- **Resolution No. 2**: On the budget,\n  as amended.",
      [
        "Resolutions:",
        "- **Resolution No. 1**, adopted 5 May.",
        "For 64, against 2.",
        "- **Resolution No. 2**: On the budget,\n  as amended.",
      ],
    ],
    [
      "a table row is a sentence; the rule under the header is none",
      "| AGM | City |\n| --- | :-: |\n| 1st | Tromsø |",
      ["| AGM | City |", "| 1st | Tromsø |"],
    ],
    [
      "a table row is one sentence, though its cells end in full stops",
      "| No. | For | Abst. | Outcome |\n|---|---|---|---|\n| 1 | 40 votes. | 3 abst. | Adopted. |",
      ["| No. | For | Abst. | Outcome |", "| 1 | 40 votes. | 3 abst. | Adopted. |"],
    ],
    [
      "an interview's turns are sentences of their own",
      "**Q: Why Riga?**\nA: Because it is near.",
      ["**Q: Why Riga?**", "A: Because it is near."],
    ],
    [
      "an abbreviation or an initial ends no sentence",
      "Mr. Smith met Andrei V. Lukin in St. Petersburg. Resolution No. 2 passed. Он живёт на ул. Ленина.",
      [
        "Mr. Smith met Andrei V. Lukin in St. Petersburg.",
        "Resolution No. 2 passed.",
        "Он живёт на ул. Ленина.",
      ],
    ],
    [
      "hard-wrapped prose is one sentence",
      "The session opened\nin Warsaw. It closed.",
      ["The session opened\nin Warsaw.", "It closed."],
    ],
  ])("%s", (_, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe("the seed article", () => {
  it("has its section headings and exact offsets", async () => {
    const bytes = await readFile(path.join(SEED_CORPUS, SEED_DOC));
    const doc = documentFromBytes(SEED_DOC, bytes);
    const passages = splitPassages(doc);
    checkInvariants(doc, passages);
    checkCoverage(doc, passages);
    const headings = [...new Set(passages.map((p) => p.heading))];
    expect(headings).toEqual([
      "",
      "Formation and Objectives",
      "Strategic Partnerships and Operations",
      "Implications and Future Prospects",
    ]);
    const lead = passages.find((p) => p.text.includes("Spearheaded by Ilya Ponomarev"))!;
    expect(lead.heading).toBe("");
    const formation = passages.find((p) => p.text.includes("inaugural session in November 2022"))!;
    expect(formation.heading).toBe("Formation and Objectives");
    expect(doc.title).toBe("Congress of People's Deputies opens its fifth session in Warsaw");
  });
});
