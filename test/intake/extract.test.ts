import { describe, expect, it } from "vitest";
import { DocumentRejectedError } from "../../src/errors.js";
import { extractText, formatOf } from "../../src/intake/extract.js";
import { makeDocx, makePdf } from "../helpers/files.js";

const SENTENCE = "The congress met in Vilnius in March 2025 to adopt a charter of twelve articles.";

describe("extractText", () => {
  it("reads plain text and Markdown, normalising line ends", async () => {
    const out = await extractText(Buffer.from(`\uFEFF# Charter\r\n\r\n${SENTENCE}\r\n`), "markdown");
    expect(out.text).toBe(`# Charter\n\n${SENTENCE}`);
  });

  it("turns HTML into readable paragraphs without scripts, styles or navigation", async () => {
    const html = `<html><head><title>Vilnius charter</title><style>p{color:red}</style></head><body><nav>Home | About</nav>
      <h1>Charter adopted</h1><p>${SENTENCE}</p><script>alert("x")</script><p>It was <b>signed</b> by 80 deputies.</p></body></html>`;
    const out = await extractText(Buffer.from(html), "html");
    expect(out.title).toBe("Vilnius charter");
    expect(out.text).toBe(`Charter adopted\n\n${SENTENCE}\n\nIt was signed by 80 deputies.`);
  });

  it("reads the text layer and title of a PDF", async () => {
    const out = await extractText(makePdf([SENTENCE, "A second line of text."], "Vilnius charter"), "pdf");
    expect(out.title).toBe("Vilnius charter");
    expect(out.text).toContain(SENTENCE);
  });

  it("reads a DOCX", async () => {
    const out = await extractText(await makeDocx([SENTENCE, "Second paragraph."]), "docx");
    expect(out.text).toBe(`${SENTENCE}\n\nSecond paragraph.`);
  });

  it.each([
    ["a scanned PDF with no text layer", () => makePdf([]), "pdf", "no-text"],
    ["a damaged PDF", () => Buffer.from("%PDF-1.4 broken"), "pdf", "damaged"],
    ["a password-protected PDF", () => makePdf([SENTENCE], "x", { encrypted: true }), "pdf", "encrypted"],
    ["a damaged DOCX", () => Buffer.from("PK\u0003\u0004 not really a zip"), "docx", "damaged"],
    ["a text file named .docx", () => Buffer.from(`${SENTENCE} typed`), "docx", "not-docx"],
    [
      "binary garbage sent as text",
      () => Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256)),
      "text",
      "binary",
    ],
    ["an almost empty file", () => Buffer.from("  hi  "), "text", "no-text"],
  ] as const)("refuses %s with a clear reason", async (_name, bytes, format, reason) => {
    const err = await extractText(await bytes(), format).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRejectedError);
    expect((err as DocumentRejectedError).reason).toBe(reason);
    expect((err as Error).message.length).toBeGreaterThan(20);
  });

  it("knows formats by extension first, then MIME type", () => {
    expect(formatOf("a.PDF")).toBe("pdf");
    expect(formatOf("noext", "text/html; charset=utf-8")).toBe("html");
    expect(formatOf("a.exe", "application/octet-stream")).toBeUndefined();
  });
});
