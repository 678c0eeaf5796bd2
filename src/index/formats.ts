// How passages and BM25 postings are laid out in a generation folder: small JSON for structure, raw bytes for bulk.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import type { Passage } from "../corpus/types.js";
import { Bm25Index, type Bm25Files } from "./bm25.js";
import { LazyFile } from "./lazy-file.js";
import { PassageStore } from "./passage-store.js";
import { NUMBER_COLUMNS, PassageTable, type TableStrings } from "./passage-table.js";

/**
 * Why not one JSON file each, as before: at 100,000 passages JSON.parse of passages.json (120 MB) and bm25.json
 * (55 MB of number arrays) took three of the four seconds of a cold start. Now passages.json holds columns of
 * numbers and short strings, the texts are one UTF-8 file (passages.txt), and the postings one Int32 file
 * (bm25.bin). Each bulk file's CRC-32 is in its JSON file, so a torn or garbled file is found at load.
 * Format 3 (issue 23): the number columns moved to passages.bin too (Int32), passages.json keeps the strings, and a
 * passage is made into an object only when asked for (PassageStore).
 * Folders written before (passages.json an array of rows or format 2, bm25.json with `postings`) still load.
 */
/** CRC-32 (zlib's, from Node 20.15 on; a table-driven one before). */
const crc32: (data: Uint8Array, value?: number) => number = zlib.crc32 ?? crc32Js;

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32Js(data: Uint8Array, value = 0): number {
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export const FILES = {
  passages: "passages.json",
  texts: "passages.txt",
  numbers: "passages.bin",
  bm25: "bm25.json",
  postings: "bm25.bin",
};

/** Format 2 (issue 22): every column in passages.json. Read, no longer written. */
interface PassageColumns {
  format: 2;
  labels: number[];
  passageIds: string[];
  /** Distinct (document id, title) pairs; `doc` numbers each passage's pair in them. */
  docIds: string[];
  titles: string[];
  doc: number[];
  start: number[];
  end: number[];
  line: number[];
  heading: string[];
  /** Sentences per passage, and their [start, end] pairs one after another. */
  sentenceCounts: number[];
  sentences: number[];
  /** UTF-8 bytes of each passage's text in passages.txt, and the CRC-32 of that file. */
  textBytes: number[];
  textCrc: number;
}

interface PassageStrings extends TableStrings {
  format: 3;
  /** CRC-32 of passages.txt and of passages.bin. */
  textCrc: number;
  numbersCrc: number;
}

/** Collects passages into format 3's columns: strings (deduplicated where they repeat), numbers, texts. */
class TableWriter {
  readonly strings: TableStrings = { passageIds: [], docIds: [], titles: [], headings: [] };
  readonly numbers = Object.fromEntries(NUMBER_COLUMNS.map((c) => [c, [] as number[]])) as Record<
    (typeof NUMBER_COLUMNS)[number],
    number[]
  >;
  readonly sentences: number[] = [];
  private readonly docNumber = new Map<string, number>();
  private readonly headingNumber = new Map<string, number>();

  add(label: number, p: Passage, textBytes: number): void {
    const key = `${p.docId}\0${p.title}`;
    let d = this.docNumber.get(key);
    if (d === undefined) {
      this.docNumber.set(key, (d = this.strings.docIds.length));
      this.strings.docIds.push(p.docId);
      this.strings.titles.push(p.title);
    }
    let h = this.headingNumber.get(p.heading);
    if (h === undefined) {
      this.headingNumber.set(p.heading, (h = this.strings.headings.length));
      this.strings.headings.push(p.heading);
    }
    this.strings.passageIds.push(p.passageId);
    const n = this.numbers;
    for (const [column, value] of [
      [n.labels, label],
      [n.doc, d],
      [n.start, p.start],
      [n.end, p.end],
      [n.line, p.line],
      [n.heading, h],
      [n.textBytes, textBytes],
      [n.sentenceCounts, p.sentences.length],
    ] as const)
      column.push(value);
    for (const s of p.sentences) this.sentences.push(s.start, s.end);
  }

  bytes(): Buffer {
    const all = Int32Array.from([...NUMBER_COLUMNS.flatMap((c) => this.numbers[c]), ...this.sentences]);
    return Buffer.from(all.buffer, all.byteOffset, all.byteLength);
  }
}

export async function writePassages(dir: string, passages: Iterable<[number, Passage]>): Promise<void> {
  const table = new TableWriter();
  // Texts are gathered into chunks of about a megabyte: one write per passage would take seconds.
  const chunks: Buffer[] = [];
  let texts: Buffer[] = [];
  let pending = 0;
  let textCrc = 0;
  for (const [label, p] of passages) {
    const bytes = Buffer.from(p.text, "utf8");
    table.add(label, p, bytes.length);
    texts.push(bytes);
    if ((pending += bytes.length) >= 2 ** 20) {
      chunks.push(Buffer.concat(texts));
      [texts, pending] = [[], 0];
    }
  }
  chunks.push(Buffer.concat(texts));
  for (const chunk of chunks) textCrc = crc32(chunk, textCrc);
  const numbers = table.bytes();
  const strings: PassageStrings = { format: 3, ...table.strings, textCrc, numbersCrc: crc32(numbers) };
  await writeFile(path.join(dir, FILES.texts), chunks);
  await writeFile(path.join(dir, FILES.numbers), numbers);
  await writeFile(path.join(dir, FILES.passages), JSON.stringify(strings));
}

function fromColumns(c: PassageColumns, texts: Buffer): Map<number, Passage> {
  const n = c.labels.length;
  const columns = [c.passageIds, c.doc, c.start, c.end, c.line, c.heading, c.sentenceCounts, c.textBytes];
  if (columns.some((col) => col.length !== n) || c.titles.length !== c.docIds.length)
    throw new Error("passages.json: its columns differ in length");
  if (crc32(texts) !== c.textCrc)
    throw new Error("passages.txt does not match passages.json (CRC-32 differs)");
  const out = new Map<number, Passage>();
  let byte = 0;
  let sentence = 0;
  for (let i = 0; i < n; i++) {
    const text = texts.toString("utf8", byte, (byte += c.textBytes[i]!));
    const start = c.start[i]!;
    const end = c.end[i]!;
    if (text.length !== end - start)
      throw new Error(`passages.txt: passage ${c.passageIds[i]} has the wrong length`);
    const sentences = [];
    for (let s = c.sentenceCounts[i]!; s > 0; s--, sentence += 2)
      sentences.push({ start: c.sentences[sentence]!, end: c.sentences[sentence + 1]! });
    const d = c.doc[i]!;
    out.set(c.labels[i]!, {
      passageId: c.passageIds[i]!,
      docId: c.docIds[d]!,
      title: c.titles[d]!,
      text,
      start,
      end,
      line: c.line[i]!,
      heading: c.heading[i]!,
      sentences,
    });
  }
  if (byte !== texts.length || sentence !== c.sentences.length)
    throw new Error("passages.txt or passages.json is cut short");
  return out;
}

/** Reads format 3 (lazily: see PassageStore), or the whole of the formats before it. */
export async function readPassages(dir: string): Promise<PassageStore> {
  const data = JSON.parse(await readFile(path.join(dir, FILES.passages), "utf8")) as
    | PassageStrings
    | PassageColumns
    | [number, Passage][];
  if (Array.isArray(data)) return PassageStore.of(new Map(data)); // written before format 2
  if (data?.format === 2)
    return PassageStore.of(fromColumns(data, await readFile(path.join(dir, FILES.texts))));
  if (data?.format !== 3) throw new Error("passages.json: unknown layout");
  // The texts are read when a passage is asked for; the manifest's SHA-256 of passages.txt is checked at load
  // (PassageIndex.load), and its size here.
  const texts = LazyFile.open(path.join(dir, FILES.texts));
  const numbers = await readFile(path.join(dir, FILES.numbers));
  if (crc32(numbers) !== data.numbersCrc || numbers.length % 4 !== 0)
    throw new Error("passages.bin does not match passages.json (CRC-32 differs)");
  const aligned = numbers.byteOffset % 4 === 0 ? numbers : Buffer.from(numbers);
  const ints = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
  return new PassageStore(PassageTable.from(ints, data, texts));
}

export async function writeBm25(dir: string, bm25: Bm25Index): Promise<void> {
  const { meta, postings } = bm25.toFiles();
  await writeFile(path.join(dir, FILES.postings), postings);
  await writeFile(path.join(dir, FILES.bm25), JSON.stringify({ ...meta, postingsCrc: crc32(postings) }));
}

export async function readBm25(dir: string): Promise<Bm25Index> {
  const meta = JSON.parse(await readFile(path.join(dir, FILES.bm25), "utf8")) as Bm25Files["meta"] & {
    postingsCrc?: number;
  };
  if (meta?.postings) return Bm25Index.fromFiles(meta); // written before the postings had their own file
  const postings = await readFile(path.join(dir, FILES.postings));
  if (crc32(postings) !== meta?.postingsCrc)
    throw new Error("bm25.bin does not match bm25.json (CRC-32 differs)");
  return Bm25Index.fromFiles(meta, postings);
}
