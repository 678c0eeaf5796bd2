// Passages as read from disk: columns of numbers and one buffer of UTF-8 texts; a Passage object is made when asked for.
import type { Passage, Span } from "../corpus/types.js";
import type { LazyFile } from "./lazy-file.js";

/** The UTF-8 texts, one after another: in memory, or read from passages.txt when a passage is asked for. */
export type Texts = Buffer | LazyFile;

function utf8(texts: Texts, start: number, end: number): string {
  return Buffer.isBuffer(texts)
    ? texts.toString("utf8", start, end)
    : texts.read(start, end - start).toString("utf8");
}

function byteLength(texts: Texts): number {
  return Buffer.isBuffer(texts) ? texts.length : texts.size;
}

/** The string columns (small JSON) beside the number columns (one Int32 file) and the texts. */
export interface TableStrings {
  passageIds: string[];
  /** Distinct (document id, title) pairs, and distinct headings; the number columns index them. */
  docIds: string[];
  titles: string[];
  headings: string[];
}

/** The Int32 columns of passages.bin, in this order, `count` values each; then the sentences' [start, end] pairs. */
export const NUMBER_COLUMNS = [
  "labels",
  "doc",
  "start",
  "end",
  "line",
  "heading",
  "textBytes",
  "sentenceCounts",
] as const;
type Columns = Record<(typeof NUMBER_COLUMNS)[number], Int32Array>;

export class PassageTable {
  private readonly rowOf: Int32Array;
  /** Where each passage's text and sentences begin (prefix sums of textBytes and sentenceCounts). */
  private readonly textAt: Float64Array;
  private readonly sentenceAt: Int32Array;

  private constructor(
    readonly count: number,
    private readonly columns: Columns,
    private readonly sentences: Int32Array,
    private readonly strings: TableStrings,
    private readonly texts: Texts,
  ) {
    const { labels, textBytes, sentenceCounts } = columns;
    let maxLabel = -1;
    for (let i = 0; i < count; i++) maxLabel = Math.max(maxLabel, labels[i]!);
    this.rowOf = new Int32Array(maxLabel + 1).fill(-1);
    this.textAt = new Float64Array(count + 1);
    this.sentenceAt = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) {
      if (labels[i]! < 0 || this.rowOf[labels[i]!] !== -1)
        throw new Error("passages.bin: a label is negative or repeated");
      this.rowOf[labels[i]!] = i;
      this.textAt[i + 1] = this.textAt[i]! + textBytes[i]!;
      this.sentenceAt[i + 1] = this.sentenceAt[i]! + sentenceCounts[i]!;
    }
  }

  /** Checks that the columns fit each other and the texts; throws, saying what does not. */
  static from(numbers: Int32Array, strings: TableStrings, texts: Texts): PassageTable {
    const count = strings.passageIds.length;
    const columns = {} as Columns;
    NUMBER_COLUMNS.forEach((name, i) => {
      columns[name] = numbers.subarray(i * count, (i + 1) * count);
    });
    const sentences = numbers.subarray(NUMBER_COLUMNS.length * count);
    if (numbers.length < NUMBER_COLUMNS.length * count || strings.titles.length !== strings.docIds.length)
      throw new Error("passages.bin does not match passages.json (columns of other lengths)");
    const table = new PassageTable(count, columns, sentences, strings, texts);
    if (table.textAt[count] !== byteLength(texts) || 2 * table.sentenceAt[count]! !== sentences.length)
      throw new Error("passages.txt or passages.bin is cut short");
    for (let i = 0; i < count; i++) {
      if (!(columns.doc[i]! < strings.docIds.length) || !(columns.heading[i]! < strings.headings.length))
        throw new Error("passages.bin names a document or heading passages.json lacks");
    }
    return table;
  }

  /** The labels, in row order. */
  labels(): Int32Array {
    return this.columns.labels;
  }

  /** Row of a label, or -1. */
  row(label: number): number {
    return label >= 0 && label < this.rowOf.length ? this.rowOf[label]! : -1;
  }

  passageId(row: number): string {
    return this.strings.passageIds[row]!;
  }

  /** A new Passage object for the row. */
  passage(row: number): Passage {
    const c = this.columns;
    const text = utf8(this.texts, this.textAt[row]!, this.textAt[row + 1]!);
    const start = c.start[row]!;
    const end = c.end[row]!;
    if (text.length !== end - start)
      throw new Error(`passages.txt: passage ${this.passageId(row)} has the wrong length`);
    const sentences: Span[] = [];
    for (let s = this.sentenceAt[row]!; s < this.sentenceAt[row + 1]!; s++)
      sentences.push({ start: this.sentences[2 * s]!, end: this.sentences[2 * s + 1]! });
    const d = c.doc[row]!;
    return {
      passageId: this.passageId(row),
      docId: this.strings.docIds[d]!,
      title: this.strings.titles[d]!,
      text,
      start,
      end,
      line: c.line[row]!,
      heading: this.strings.headings[c.heading[row]!]!,
      sentences,
    };
  }
}
