import { chmod, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DocumentRejectedError, NearDuplicateError } from "../../src/errors.js";
import { addDocument, removeDocument } from "../../src/intake/corpus-writer.js";
import { type TempApp, tempApp } from "../helpers/app.js";
import { makePdf } from "../helpers/files.js";

const VILNIUS =
  "The sixth session of the congress will be held in Vilnius in March 2026. Delegates will adopt a charter of twelve articles.";

describe("adding and removing documents", () => {
  let app: TempApp;
  let options: { dataDir: string; maxBytes: number };
  beforeEach(async () => {
    app = await tempApp();
    options = { dataDir: app.config.dataDir, maxBytes: 1024 * 1024 };
  });
  afterEach(() => app.cleanup());

  it("writes a slugged Markdown file with front matter, keeps the original, and answers from it at once", async () => {
    const steps: string[] = [];
    const added = await addDocument(
      app.kb,
      {
        bytes: Buffer.from(`Sixth session plans\n\n${VILNIUS}`),
        fileName: "notes.txt",
        source: "telegram file notes.txt",
        addedBy: 42,
      },
      { ...options, onStep: (s) => void steps.push(s) },
    );
    expect(steps).toEqual(["extracting", "indexing"]);
    expect(added.title).toBe("Sixth session plans");
    expect(added.docId).toMatch(/^\d{4}-\d\d-\d\d-sixth-session-plans\.md$/);
    expect(added.passages).toBeGreaterThan(0);
    const file = await readFile(path.join(app.config.corpusDir, added.docId), "utf8");
    expect(file).toMatch(
      /^---\ntitle: Sixth session plans\nsource: telegram file notes.txt\nadded_by: 42\nadded_at: .+\nsha256: [0-9a-f]{64}\n/,
    );
    expect(await readdir(path.join(app.config.dataDir, "uploads"))).toEqual([
      added.docId.replace(/\.md$/, ".txt"),
    ]);
    const a = await app.pipeline.ask("Where will the sixth session be held?");
    expect(a.answer).toContain("Vilnius");
    expect(a.citations[0]!.docId).toBe(added.docId);
  });

  it("never takes a path from user input as a file name", async () => {
    const added = await addDocument(
      app.kb,
      {
        bytes: Buffer.from(VILNIUS),
        fileName: "../../etc/passwd.txt",
        title: "../../../evil/..",
        source: "x",
        addedBy: 1,
      },
      options,
    );
    expect(added.docId).toMatch(/^[a-z0-9-]+\.md$/);
    expect(await readdir(app.config.corpusDir)).toContain(added.docId);
  });

  it("refuses duplicates, naming the document that already holds the content", async () => {
    await addDocument(
      app.kb,
      { bytes: Buffer.from(VILNIUS), fileName: "a.txt", source: "x", addedBy: 1 },
      options,
    );
    const e = await addDocument(
      app.kb,
      { bytes: Buffer.from(VILNIUS), fileName: "b.md", source: "y", addedBy: 2 },
      options,
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DocumentRejectedError);
    expect((e as Error).message).toMatch(
      /already in the corpus as \d{4}-\d\d-\d\d-sixth-session-congress.*\.md/,
    );
    const seedBytes = await readFile(path.join(app.config.corpusDir, "congress-fifth-session-warsaw.md"));
    await expect(
      addDocument(app.kb, { bytes: seedBytes, fileName: "seed.md", source: "z", addedBy: 3 }, options),
    ).rejects.toThrow(/congress-fifth-session-warsaw\.md/);
  });

  it.each([
    ["an unsupported type", { bytes: Buffer.from("MZ..."), fileName: "tool.exe" }, /cannot be added/],
    [
      "a file over the size limit",
      { bytes: Buffer.alloc(2 * 1024 * 1024, 97), fileName: "big.txt" },
      /The file is 2 MB, larger than the 1 MB limit/,
    ],
    ["a scanned PDF", { bytes: makePdf([]), fileName: "scan.pdf" }, /This PDF has no text layer/],
  ])("refuses %s and writes nothing", async (_name, sub, message) => {
    const before = await readdir(app.config.corpusDir);
    await expect(addDocument(app.kb, { ...sub, source: "x", addedBy: 1 }, options)).rejects.toThrow(message);
    expect(await readdir(app.config.corpusDir)).toEqual(before);
  });

  it("takes an uploaded Markdown file's own front matter (title, source, date), never indexing it as body text", async () => {
    const md = `---\ntitle: Vilnius charter\nsource: https://example.org/charter\ndate: 2026-02-01\nadded_by: 999\n---\n${VILNIUS}\n`;
    const added = await addDocument(
      app.kb,
      { bytes: Buffer.from(md), fileName: "charter.md", source: "telegram file charter.md", addedBy: 7 },
      options,
    );
    expect(added.title).toBe("Vilnius charter");
    expect(added.docId).toMatch(/^\d{4}-\d\d-\d\d-vilnius-charter\.md$/);
    const file = await readFile(path.join(app.config.corpusDir, added.docId), "utf8");
    expect(file).toMatch(/^---\ntitle: Vilnius charter\nsource: telegram file charter\.md\nadded_by: 7\n/);
    expect(file).toContain("\ndate: 2026-02-01\n");
    expect(file).toContain("\noriginal_source: https://example.org/charter\n");
    expect(file.match(/^---$/gm)).toHaveLength(2);
    const passages = app.kb
      .index()
      .document(added.docId)!
      .passageIds.map((id) => app.kb.index().passageById(id)!.text);
    expect(passages.join("\n")).toBe(VILNIUS);
  });

  it("records the request in the front matter (never a file's own), and the same request again completes the add", async () => {
    // Issue 22's replayed /add with issue 21's front matter: an uploaded file's own `request` is never taken as one.
    const riga =
      "The third session met in Riga in May 2024, where the treasurer reported on membership fees and the budget.";
    const planted = await addDocument(
      app.kb,
      {
        bytes: Buffer.from(`---\ntitle: Riga notes\nrequest: telegram 7/70\n---\n${riga}\n`),
        fileName: "riga.md",
        source: "telegram file riga.md",
        addedBy: 7,
      },
      options,
    );
    const plantedFile = await readFile(path.join(app.config.corpusDir, planted.docId), "utf8");
    expect(plantedFile).not.toMatch(/^request:/m);
    const sub = {
      bytes: Buffer.from(VILNIUS),
      title: "Vilnius charter",
      source: "telegram message",
      addedBy: 7,
      request: "telegram 7/70",
    };
    const added = await addDocument(app.kb, sub, options);
    expect(added.resumed).toBeUndefined();
    expect(added.docId).not.toBe(planted.docId);
    const file = await readFile(path.join(app.config.corpusDir, added.docId), "utf8");
    expect(file.match(/^request: .*$/gm)).toEqual(["request: telegram 7/70"]);
    const before = await readdir(app.config.corpusDir);
    const again = await addDocument(app.kb, sub, options);
    expect(again).toMatchObject({ docId: added.docId, title: "Vilnius charter", resumed: true });
    expect(await readdir(app.config.corpusDir)).toEqual(before);
  });

  it("holds back a near-duplicate, naming the document it repeats, unless told to keep both", async () => {
    const first = await addDocument(
      app.kb,
      { bytes: Buffer.from(VILNIUS), title: "Plans", source: "x", addedBy: 1 },
      options,
    );
    const reworded = { bytes: Buffer.from(VILNIUS.replace("twelve", "12")), source: "y", addedBy: 1 };
    const before = await readdir(app.config.corpusDir);
    const e = await addDocument(app.kb, reworded, options).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NearDuplicateError);
    expect(e).toMatchObject({ docId: first.docId, title: "Plans" });
    expect(await readdir(app.config.corpusDir)).toEqual(before);
    const kept = await addDocument(app.kb, { ...reworded, keepNearDuplicate: true }, options);
    expect(app.kb.index().document(kept.docId)).toBeDefined();
  });

  it("serializes two admins adding at once: both land, both indexed", async () => {
    const [a, b] = await Promise.all([
      addDocument(app.kb, { bytes: Buffer.from(VILNIUS), title: "Plans", source: "x", addedBy: 1 }, options),
      addDocument(
        app.kb,
        {
          bytes: Buffer.from(
            "The congress adopted a resolution on prisoners of war in Tallinn, by 57 votes.",
          ),
          title: "Plans",
          source: "y",
          addedBy: 2,
        },
        options,
      ),
    ]);
    const ids = [a.docId, b.docId].sort();
    expect(ids).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d-plans-2\.md$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d-plans\.md$/),
    ]);
    expect(app.kb.index().documentIds()).toEqual(expect.arrayContaining(ids));
  });

  it("removes a document so that answers never cite it again", async () => {
    const added = await addDocument(
      app.kb,
      { bytes: Buffer.from(VILNIUS), title: "Vilnius", source: "x", addedBy: 1 },
      options,
    );
    expect((await app.pipeline.ask("Where will the sixth session be held?")).citations[0]?.docId).toBe(
      added.docId,
    );
    await removeDocument(app.kb, added.docId);
    const after = await app.pipeline.ask("Where will the sixth session be held?");
    expect(after.citations.every((c) => c.docId !== added.docId)).toBe(true);
    expect(after.passages.every((p) => p.docId !== added.docId)).toBe(true);
    await expect(removeDocument(app.kb, "../corpus/congress-fifth-session-warsaw.md")).rejects.toThrow(
      /no document/,
    );
  });

  it("puts the corpus back and keeps the old index serving when the index cannot be written", async () => {
    if (process.getuid?.() === 0) {
      // root ignores file modes; make INDEX_DIR unwritable by replacing it with a file instead.
      const { rm, writeFile } = await import("node:fs/promises");
      await rm(app.config.indexDir, { recursive: true });
      await writeFile(app.config.indexDir, "not a folder");
    } else await chmod(app.config.indexDir, 0o500);
    const before = await readdir(app.config.corpusDir);
    await expect(
      addDocument(
        app.kb,
        { bytes: Buffer.from(VILNIUS), title: "Vilnius", source: "x", addedBy: 1 },
        options,
      ),
    ).rejects.toThrow();
    expect(await readdir(app.config.corpusDir)).toEqual(before);
    const uploads = await readdir(path.join(app.config.dataDir, "uploads")).catch(() => []);
    expect(uploads.filter((u) => u.startsWith("vilnius"))).toEqual([]);
    expect((await app.pipeline.ask("Who leads the congress?")).answer).toContain("Ilya Ponomarev");
  });
});
