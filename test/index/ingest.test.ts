// Incremental ingest: only new or changed documents are embedded, deleted ones vanish, other settings are refused.
import { readFile, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentFromBytes } from "../../src/corpus/documents.js";
import { SPLIT_REVISION, splitPassages } from "../../src/corpus/passages.js";
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";
import { IndexCorruptError, IndexMismatchError, IndexOutdatedError } from "../../src/errors.js";
import { ingest } from "../../src/index/ingest.js";
import { PassageIndex } from "../../src/index/passage-index.js";
import { currentGeneration } from "../../src/index/storage.js";
import { KnowledgeBase } from "../../src/knowledge-base.js";
import { createLogger } from "../../src/logger.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import { writeDocs } from "../helpers/corpus.js";
import { localEmbeddings } from "../helpers/embeddings.js";
import { tempDir } from "../helpers/temp.js";

/** What an index of the default local embeddings records. */
const LOCAL_512 = { provider: "local", model: "hash-512", revision: LocalHashEmbeddings.REVISION };

const para = (topic: string, n = 3) =>
  Array.from(
    { length: n },
    (_, i) => `The ${topic} was discussed at meeting number ${i + 1} in great detail.`,
  ).join(" ");

const DOCS = {
  "alpha.md": `# Alpha\n\n${para("zeppelin")}\n\n${para("lighthouse")}\n`,
  "beta.md": `${para("marmalade")}\n\n${para("violin", 20)}\n`,
  "gamma.txt": `${para("glacier")}\r\n\r\n${para("quokka")}`,
  "sub/delta.md": `Конгресс обсудил ${para("tractor")}\n`,
};

async function setup() {
  const corpusDir = await tempDir();
  const indexDir = await tempDir();
  await writeDocs(corpusDir, DOCS);
  return { corpusDir, indexDir };
}

/** Every docId that a lexical, vector or hybrid search for `query` can return, looking at the whole index. */
async function reachableDocs(index: PassageIndex, query: string): Promise<Set<string>> {
  const embeddings = localEmbeddings();
  const all = index.size + 10;
  const retriever = new HybridRetriever(() => index, embeddings.embeddings);
  const ids = new Set<string>();
  for (const h of index.lexicalSearch(query, all)) ids.add(index.passage(h.label)!.docId);
  for (const h of await retriever.vectorSearch(query, all)) ids.add(h.passage.docId);
  for (const h of await retriever.search(query, all)) ids.add(h.passage.docId);
  return ids;
}

function lexicalDocs(index: PassageIndex, query: string): string[] {
  return index.lexicalSearch(query, 100).map((h) => index.passage(h.label)!.docId);
}

describe("ingest", () => {
  it("indexes a fresh corpus with exact passages and their ids in the manifest", async () => {
    const { corpusDir, indexDir } = await setup();
    await writeDocs(corpusDir, {
      ".hidden.md": "secret zeppelin",
      "notes.pdf": "not a document",
      "x/.git/y.md": "z",
    });
    const embeddings = localEmbeddings();
    const { index, report } = await ingest({ corpusDir, indexDir, embeddings });
    expect(report.added.sort()).toEqual(Object.keys(DOCS).sort());
    expect(report).toMatchObject({ changed: [], removed: [], upToDate: false });
    expect(index.documentIds()).toEqual(Object.keys(DOCS).sort());
    let total = 0;
    for (const docId of index.documentIds()) {
      const doc = documentFromBytes(docId, await readFile(path.join(corpusDir, docId)));
      const expected = splitPassages(doc);
      expect(index.document(docId)!.passageIds).toEqual(expected.map((p) => p.passageId));
      for (const id of index.document(docId)!.passageIds) {
        const p = index.passageById(id)!;
        expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      }
      total += expected.length;
    }
    expect(report.passages).toBe(total);
    expect(report.embedded).toBe(total);
    expect(embeddings.embedded).toHaveLength(total);
    expect(lexicalDocs(index, "zeppelin")).toEqual(["alpha.md"]);
    expect(lexicalDocs(index, "конгресса")).toEqual(["sub/delta.md"]);
  });

  it("says a second run with nothing changed is up to date, and embeds nothing", async () => {
    const { corpusDir, indexDir } = await setup();
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings() });
    const generation = await currentGeneration(indexDir);
    const embeddings = localEmbeddings();
    const { report } = await ingest({ corpusDir, indexDir, embeddings });
    expect(report).toMatchObject({ upToDate: true, embedded: 0, added: [], changed: [], removed: [] });
    expect(report.unchanged).toBe(Object.keys(DOCS).length);
    expect(embeddings.embedded).toEqual([]);
    expect(await currentGeneration(indexDir)).toBe(generation);

    // A touched file with the same bytes is not re-embedded either.
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(corpusDir, "alpha.md"), later, later);
    const touched = await ingest({ corpusDir, indexDir, embeddings });
    expect(touched.report).toMatchObject({ upToDate: true, embedded: 0 });
    expect(embeddings.embedded).toEqual([]);
  });

  it("adds new, re-embeds changed and drops deleted documents, on disk too", async () => {
    const { corpusDir, indexDir } = await setup();
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings() });
    await writeDocs(corpusDir, {
      "epsilon.md": `${para("platypus")}\n`,
      "beta.md": `${para("harpsichord")}\n\nSome more words to change the size of the file.\n`,
    });
    await rm(path.join(corpusDir, "gamma.txt"));
    const embeddings = localEmbeddings();
    const { index, report } = await ingest({ corpusDir, indexDir, embeddings });
    expect(report).toMatchObject({
      added: ["epsilon.md"],
      changed: ["beta.md"],
      removed: ["gamma.txt"],
      unchanged: 2,
      upToDate: false,
    });
    // Only the new and changed documents were embedded.
    expect(embeddings.embedded.join(" ")).toContain("platypus");
    expect(embeddings.embedded.join(" ")).toContain("harpsichord");
    expect(embeddings.embedded.join(" ")).not.toMatch(/zeppelin|tractor|glacier/);

    const loaded = (await PassageIndex.load(indexDir, LOCAL_512))!;
    for (const ix of [index, loaded]) {
      expect(ix.documentIds()).toEqual(["alpha.md", "beta.md", "epsilon.md", "sub/delta.md"]);
      // The deleted document and the changed document's old text are gone from every kind of search.
      for (const q of ["glacier quokka", "What about the glacier?", "marmalade violin"]) {
        const docs = await reachableDocs(ix, q);
        expect(docs).not.toContain("gamma.txt");
      }
      expect(lexicalDocs(ix, "glacier")).toEqual([]);
      expect(lexicalDocs(ix, "quokka")).toEqual([]);
      expect(lexicalDocs(ix, "marmalade violin")).toEqual([]);
      for (let label = 0; label < 1000; label++) {
        const p = ix.passage(label);
        if (p) expect(p.text).not.toMatch(/marmalade|violin|glacier|quokka/);
      }
      expect(lexicalDocs(ix, "harpsichord")).toEqual(["beta.md"]);
      expect(lexicalDocs(ix, "platypus")).toEqual(["epsilon.md"]);
      const [top] = await new HybridRetriever(() => ix, localEmbeddings().embeddings).search(
        "harpsichord",
        1,
      );
      expect(top?.passage.docId).toBe("beta.md");
    }

    const again = localEmbeddings();
    expect((await ingest({ corpusDir, indexDir, embeddings: again })).report.upToDate).toBe(true);
    expect(again.embedded).toEqual([]);
  });

  it("empties the index when every document is deleted", async () => {
    const { corpusDir, indexDir } = await setup();
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings() });
    await rm(corpusDir, { recursive: true });
    const { index, report } = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings() });
    expect(report.removed.sort()).toEqual(Object.keys(DOCS).sort());
    expect(index.size).toBe(0);
    const loaded = (await PassageIndex.load(indexDir, LOCAL_512))!;
    expect(loaded.size).toBe(0);
    expect(await reachableDocs(loaded, "zeppelin")).toEqual(new Set());
  });

  it("re-embeds everything with rebuild: true", async () => {
    const { corpusDir, indexDir } = await setup();
    const first = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings() });
    const embeddings = localEmbeddings();
    const { report } = await ingest({ corpusDir, indexDir, embeddings, rebuild: true });
    expect(report.upToDate).toBe(false);
    expect(report.embedded).toBe(first.report.passages);
    expect(embeddings.embedded).toHaveLength(first.report.passages);
  });
});

describe("ingest beside a running bot", () => {
  it("lets the event loop turn while it embeds and builds: a timer set as embedding starts fires long before the end", async () => {
    // The bot answers from the index in use while an ingest runs on the same thread; a question arrives as I/O,
    // which waits for the event loop, as a timer does. (Awaiting settled promises alone would starve both.)
    const corpusDir = await tempDir();
    const indexDir = await tempDir();
    await writeDocs(
      corpusDir,
      Object.fromEntries(
        Array.from({ length: 30 }, (_, d) => [
          `doc-${d}.md`,
          Array.from({ length: 8 }, (_, i) => para(`topic ${d}-${i}`, 6)).join("\n\n"),
        ]),
      ),
    );
    let total = 0;
    let lastDone = 0;
    let embeddedWhenTimerFired: number | undefined;
    await ingest({
      corpusDir,
      indexDir,
      embeddings: localEmbeddings(),
      batchSize: 16,
      onProgress: (done, all) => {
        total = all;
        if (done === 0) setTimeout(() => (embeddedWhenTimerFired = lastDone), 0);
        lastDone = done;
      },
    });
    expect(total).toBeGreaterThan(100);
    expect(embeddedWhenTimerFired).toBeDefined();
    expect(embeddedWhenTimerFired!).toBeLessThan(total / 2);
  });
});

describe("an index built with other settings", () => {
  const hash256 = { provider: "local", model: "hash-256", revision: LocalHashEmbeddings.REVISION };

  it("is refused with a message that says to rebuild, and rebuild: true replaces it", async () => {
    const { corpusDir, indexDir } = await setup();
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(512) });

    const loadErr = await PassageIndex.load(indexDir, hash256).catch((e) => e);
    expect(loadErr).toBeInstanceOf(IndexMismatchError);
    expect(loadErr.message).toContain("npm run ingest -- --rebuild");
    expect(loadErr.message).toContain("hash-512");
    expect(loadErr.message).toContain("hash-256");

    const ingestErr = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(256) }).catch((e) => e);
    expect(ingestErr).toBeInstanceOf(IndexMismatchError);
    expect(ingestErr.message).toContain("npm run ingest -- --rebuild");

    const otherProvider = await PassageIndex.load(indexDir, { provider: "openai", model: "hash-512" }).catch(
      (e) => e,
    );
    expect(otherProvider).toBeInstanceOf(IndexMismatchError);

    const log = createLogger("silent");
    const kb = new KnowledgeBase({ corpusDir, indexDir, embeddings: localEmbeddings(256), log });
    await expect(kb.open()).rejects.toBeInstanceOf(IndexMismatchError);

    const { index } = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(256), rebuild: true });
    expect(index.dimension).toBe(256);
    const loaded = (await PassageIndex.load(indexDir, hash256))!;
    expect(loaded.dimension).toBe(256);
    expect(loaded.documentIds()).toEqual(Object.keys(DOCS).sort());
    expect(lexicalDocs(loaded, "zeppelin")).toEqual(["alpha.md"]);
    await expect(PassageIndex.load(indexDir, LOCAL_512)).rejects.toBeInstanceOf(IndexMismatchError);
  });

  it("refuses another format version the same way", async () => {
    const { corpusDir, indexDir } = await setup();
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings() });
    const manifestFile = path.join((await currentGeneration(indexDir))!, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
    await writeFile(manifestFile, JSON.stringify({ ...manifest, formatVersion: 999 }));
    const err = await PassageIndex.load(indexDir, LOCAL_512).catch((e) => e);
    expect(err).toBeInstanceOf(IndexMismatchError);
    expect(err.message).toContain("npm run ingest -- --rebuild");
  });

  it("reports an unreadable index as corrupt, and KnowledgeBase.open rebuilds it", async () => {
    const { corpusDir, indexDir } = await setup();
    await ingest({ corpusDir, indexDir, embeddings: localEmbeddings() });
    const passagesFile = path.join((await currentGeneration(indexDir))!, "passages.json");
    await writeFile(passagesFile, (await readFile(passagesFile, "utf8")).slice(0, 100));
    const err = await PassageIndex.load(indexDir, LOCAL_512).catch((e) => e);
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect(err.message).toContain("npm run ingest -- --rebuild");

    const kb = new KnowledgeBase({
      corpusDir,
      indexDir,
      embeddings: localEmbeddings(),
      log: createLogger("silent"),
    });
    await kb.open();
    expect(lexicalDocs(kb.index(), "zeppelin")).toEqual(["alpha.md"]);
    expect((await PassageIndex.load(indexDir, LOCAL_512))!.size).toBe(kb.index().size);
  });

  it("rebuilds, without being asked, an index whose sentences were split by earlier rules", async () => {
    const corpusDir = await tempDir();
    const indexDir = await tempDir();
    await writeDocs(corpusDir, {
      "register.md":
        "# Register\n\nVotes:\n- Resolution No. 1, on the charter. For 64, against 2.\n- Resolution No. 2, on the budget.\n",
    });
    const choice = localEmbeddings(512);
    await ingest({ corpusDir, indexDir, embeddings: choice });
    // An index of the earlier rules has no split revision in its manifest.
    const manifestFile = path.join((await currentGeneration(indexDir))!, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
    delete manifest.splitRevision;
    await writeFile(manifestFile, JSON.stringify(manifest));
    const err = await PassageIndex.load(indexDir, LOCAL_512).catch((e) => e);
    expect(err).toBeInstanceOf(IndexOutdatedError);
    expect(err.message).toMatch(
      new RegExp(`split by the rules of revision 1; this version makes revision ${SPLIT_REVISION}`),
    );

    const lines: string[] = [];
    const kb = new KnowledgeBase({
      corpusDir,
      indexDir,
      embeddings: choice,
      log: createLogger("debug", [], (line) => lines.push(line) > 0),
    });
    await kb.open();
    expect(lines.some((l) => /WARN .*revision 1.*Rebuilding it from the corpus/.test(l))).toBe(true);
    const p = kb.index().passage(kb.index().document("register.md")!.labels[0]!)!;
    const sentences = p.sentences.map((x) => p.text.slice(x.start - p.start, x.end - p.start));
    expect(sentences).toEqual([
      "Votes:",
      "- Resolution No. 1, on the charter.",
      "For 64, against 2.",
      "- Resolution No. 2, on the budget.",
    ]);
    const saved = JSON.parse(
      await readFile(path.join((await currentGeneration(indexDir))!, "manifest.json"), "utf8"),
    );
    expect(saved.splitRevision).toBe(SPLIT_REVISION);
  });

  it("rebuilds, without being asked, an index of an earlier local embeddings revision", async () => {
    const { corpusDir, indexDir } = await setup();
    const choice = localEmbeddings(512);
    await ingest({ corpusDir, indexDir, embeddings: choice });
    // As revision 1 wrote it: no revision in the manifest.
    const manifestFile = path.join((await currentGeneration(indexDir))!, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
    delete manifest.embeddings.revision;
    await writeFile(manifestFile, JSON.stringify(manifest));

    const err = await PassageIndex.load(indexDir, LOCAL_512).catch((e) => e);
    expect(err).toBeInstanceOf(IndexOutdatedError);
    expect(err.message).toMatch(/revision 1; this version makes revision 2/);

    const lines: string[] = [];
    const log = createLogger("debug", [], (line) => lines.push(line) > 0);
    const kb = new KnowledgeBase({ corpusDir, indexDir, embeddings: choice, log });
    choice.embedded.length = 0;
    await kb.open();
    expect(lines.some((l) => /WARN .*revision 1.*Rebuilding it from the corpus/.test(l))).toBe(true);
    expect(choice.embedded.length).toBe(kb.index().size);
    const reloaded = (await PassageIndex.load(indexDir, LOCAL_512))!;
    expect(reloaded.size).toBe(kb.index().size);

    // The same through ingest (npm run ingest): every document is embedded again.
    const current = path.join((await currentGeneration(indexDir))!, "manifest.json");
    const saved = JSON.parse(await readFile(current, "utf8"));
    expect(saved.embeddings.revision).toBe(LocalHashEmbeddings.REVISION);
    delete saved.embeddings.revision;
    await writeFile(current, JSON.stringify(saved));
    choice.embedded.length = 0;
    const { report } = await ingest({ corpusDir, indexDir, embeddings: choice });
    expect(report.embedded).toBe(reloaded.size);
    expect((await PassageIndex.load(indexDir, LOCAL_512))!.size).toBe(reloaded.size);
  });
});
