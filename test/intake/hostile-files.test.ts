// Hostile and malformed uploads: a zip bomb, a file that needs too much memory, HTML that is slow to parse, and
// fuzzed PDFs, DOCX and HTML. Each is read or refused with a DocumentRejectedError; none throws anything else, hangs
// the caller, or stops the next file from being read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentRejectedError } from "../../src/errors.js";
import { declaredUnzippedSize, extractText, type Format, MIN_CHARS } from "../../src/intake/extract.js";
import { makeDocx, makePdf, makeZipBomb } from "../helpers/files.js";

const SENTENCE = "The congress met in Vilnius in March 2025 to adopt a charter of twelve articles.";

/** Read (with real text) or refused for a stated reason: never another error. */
async function readOrRefused(
  bytes: Uint8Array,
  format: Format,
): Promise<"read" | DocumentRejectedError["reason"]> {
  try {
    const out = await extractText(bytes, format, { timeoutMs: 20_000 });
    expect(out.text.replace(/\s/g, "").length).toBeGreaterThanOrEqual(MIN_CHARS);
    return "read";
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentRejectedError);
    expect((e as Error).message.length).toBeGreaterThan(20);
    return (e as DocumentRejectedError).reason;
  }
}

/** A valid file cut short, with random bytes flipped, or random bytes behind the format's magic number. */
function damagedVersions(valid: Buffer, magic: string): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.integer({ min: 0, max: valid.length }).map((n) => valid.subarray(0, n)),
    fc
      .array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: 255 })), {
        minLength: 1,
        maxLength: 20,
      })
      .map((flips) => {
        const copy = Buffer.from(valid);
        for (const [at, byte] of flips) copy[at] = byte;
        return copy;
      }),
    fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([Buffer.from(magic), b])),
  );
}

describe("hostile files", () => {
  it("refuses a DOCX zip bomb (under 1 MB, unpacking to 300 MB) without unpacking it", async () => {
    const bomb = await makeZipBomb(300);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(declaredUnzippedSize(bomb)).toBeGreaterThan(290 * 1_000_000);
    const err = await extractText(bomb, "docx").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRejectedError);
    expect((err as DocumentRejectedError).reason).toBe("too-large");
    expect((err as Error).message).toMatch(/unpacks to \d+ MB, more than the 200 MB allowed/);
  });

  it("refuses a zip bomb that lies about its size (it passes the pre-check), and reads the next file", async () => {
    const liar = await makeZipBomb(300, { lie: true });
    expect(declaredUnzippedSize(liar)).toBeLessThan(1_000_000);
    // Unpacking runs into the worker's heap cap or deadline (the test's timeout catches a hang).
    expect(await readOrRefused(liar, "docx")).not.toBe("read");
    expect((await extractText(await makeDocx([SENTENCE]), "docx")).text).toBe(SENTENCE);
  }, 90_000);

  it("abandons a file that needs more memory than allowed, and reads the next one", async () => {
    const heavy = await makeDocx(Array.from({ length: 60_000 }, (_, i) => `Paragraph ${i} of a heavy file.`));
    const err = await extractText(heavy, "docx", { maxHeapMb: 48 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRejectedError);
    expect((err as Error).message).toMatch(/needed more memory than allowed/);
    expect((await extractText(await makeDocx([SENTENCE]), "docx")).text).toBe(SENTENCE);
  });

  it("abandons HTML that takes too long to parse (nested 200,000 deep), and reads the next one", async () => {
    const nested = Buffer.from(`${"<div>".repeat(200_000)}<p>${SENTENCE}</p>`);
    const err = await extractText(nested, "html", { timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRejectedError);
    expect((err as Error).message).toMatch(/took longer than 1 s/);
    expect((await extractText(Buffer.from(`<p>${SENTENCE}</p>`), "html")).text).toBe(SENTENCE);
  });

  it("property: a PDF that is damaged, truncated or random is read or refused", async () => {
    const valid = makePdf([SENTENCE, "A second line of the charter text."], "Charter");
    const damaged = damagedVersions(valid, "%PDF-1.7\n");
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => void (await readOrRefused(bytes, "pdf"))),
      { numRuns: 25 },
    );
  }, 120_000);

  it("property: a DOCX that is damaged, truncated or random is read or refused", async () => {
    const valid = await makeDocx([SENTENCE, "Second paragraph of the charter."]);
    const damaged = damagedVersions(valid, "PK\u0003\u0004");
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => void (await readOrRefused(bytes, "docx"))),
      { numRuns: 25 },
    );
  }, 120_000);

  it("property: any text as HTML, Markdown or plain text is read or refused", async () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.string({ unit: "grapheme", maxLength: 400 }),
      fc
        .array(
          fc.constantFrom(
            "<p>",
            "</p>",
            "<script>",
            "<!--",
            "&amp;",
            "&#0;",
            "<![CDATA[",
            "\u0000",
            SENTENCE,
          ),
        )
        .map((parts) => parts.join("")),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom<Format>("html", "markdown", "text"), async (t, format) => {
        await readOrRefused(Buffer.from(t), format);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
