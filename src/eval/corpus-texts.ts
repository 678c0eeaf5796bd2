// The evaluated corpus as read from disk (not from the index): evidence lookup and the source text behind quotes.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listDocumentIds } from "../corpus/documents.js";
import type { DocSpan } from "./match.js";

export class CorpusTexts {
  private readonly found = new Map<string, DocSpan[]>();
  /** Cited files that the listing skipped (undefined: no such file). */
  private readonly others = new Map<string, string | undefined>();

  private constructor(
    readonly corpusDir: string,
    private readonly texts: Map<string, string>,
  ) {}

  /** Reads every document of the folder as UTF-8, as the Answer contract defines offsets. */
  static async load(corpusDir: string): Promise<CorpusTexts> {
    const texts = new Map<string, string>();
    for (const docId of await listDocumentIds(corpusDir)) {
      texts.set(docId, await readFile(path.join(corpusDir, docId), "utf8"));
    }
    return new CorpusTexts(corpusDir, texts);
  }

  /** Builds one from texts in memory (tests). */
  static of(corpusDir: string, docs: Record<string, string>): CorpusTexts {
    return new CorpusTexts(corpusDir, new Map(Object.entries(docs)));
  }

  get documentIds(): string[] {
    return [...this.texts.keys()];
  }

  /** Every document as [docId, text]. */
  entries(): IterableIterator<[string, string]> {
    return this.texts.entries();
  }

  /** Every occurrence of `evidence` (exact, case-sensitive) in every document, overlapping ones included. */
  occurrences(evidence: string): DocSpan[] {
    let spans = this.found.get(evidence);
    if (spans) return spans;
    spans = [];
    if (evidence.length > 0) {
      for (const [docId, text] of this.texts) {
        for (let i = text.indexOf(evidence); i !== -1; i = text.indexOf(evidence, i + 1)) {
          spans.push({ docId, start: i, end: i + evidence.length });
        }
      }
    }
    this.found.set(evidence, spans);
    return spans;
  }

  /**
   * The text of CORPUS_DIR/docId as read from disk; undefined when there is no such file inside the folder.
   */
  async source(docId: string): Promise<string | undefined> {
    if (this.texts.has(docId)) return this.texts.get(docId);
    if (this.others.has(docId)) return this.others.get(docId);
    const root = path.resolve(this.corpusDir);
    const file = path.resolve(root, docId);
    let text: string | undefined;
    if (file.startsWith(root + path.sep)) text = await readFile(file, "utf8").catch(() => undefined);
    this.others.set(docId, text);
    return text;
  }
}
