// A bilingual English–Russian word list (data/en-ru.tsv), read as stems: a Russian question meets English documents.
// Stemming the list takes about 0.4 s, so its stems are also kept beside it (data/en-ru.stems.json, written by
// `npm run build-snapshots`) and used while they are of the list as it is.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { contentTerms, foldDiacritics, normalizeWord, stem } from "./tokenize.js";

const DEFAULT_FILE = fileURLToPath(new URL("./data/en-ru.tsv", import.meta.url));

/** The stems of a list: its translations both ways, and the SHA-256 of the list's text they were made from. */
export interface LexiconStems {
  source: string;
  toEnglish: [string, string[]][];
  toRussian: [string, string[]][];
}

/** Where a list's stems are kept: beside it, `.tsv` → `.stems.json`. */
export function stemsFileOf(file: string): string {
  return file.replace(/(\.tsv)?$/, ".stems.json");
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Translations between English and Russian stems. */
export class Lexicon {
  private constructor(
    private readonly toEnglish: Map<string, string[]>,
    private readonly toRussian: Map<string, string[]>,
  ) {}

  static readonly empty = new Lexicon(new Map(), new Map());

  /**
   * Reads `english<TAB>russian|russian…` lines. A Russian word maps to every content word of its English phrase
   * ("состояться" → "take", "place"); an English word to Russian ones only from one-word entries.
   */
  static fromText(text: string): Lexicon {
    const toEnglish = new Map<string, Set<string>>();
    const toRussian = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, key: string, value: string) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(value);
    };
    for (const line of text.split("\n")) {
      const [english, russian] = line.split("\t");
      if (!english || !russian) continue;
      const en = contentTerms(english.trim());
      const ru = russian
        .split("|")
        .map((w) => normalizeWord(w.trim()))
        .filter((w) => w && !/\s/.test(w))
        .map((w) => stem(w));
      for (const r of ru) for (const e of en) add(toEnglish, r, e);
      if (en.length === 1 && !/\s/.test(english.trim())) for (const r of ru) add(toRussian, en[0]!, r);
    }
    const lists = (m: Map<string, Set<string>>) => new Map([...m].map(([k, v]) => [k, [...v]]));
    return new Lexicon(lists(toEnglish), lists(toRussian));
  }

  /** The stems of `text`'s list, to keep beside it. */
  static stemsOf(text: string): LexiconStems {
    const lexicon = Lexicon.fromText(text);
    return { source: sha256(text), toEnglish: [...lexicon.toEnglish], toRussian: [...lexicon.toRussian] };
  }

  /** The project's list; read once, when first asked for: from its stems when they are of this text. */
  static load(file = DEFAULT_FILE): Lexicon {
    const cached = loaded.get(file);
    if (cached) return cached;
    const text = readFileSync(file, "utf8");
    const stems = existsSync(stemsFileOf(file))
      ? (JSON.parse(readFileSync(stemsFileOf(file), "utf8")) as LexiconStems)
      : undefined;
    const lexicon =
      stems?.source === sha256(text)
        ? new Lexicon(new Map(stems.toEnglish), new Map(stems.toRussian))
        : Lexicon.fromText(text);
    loaded.set(file, lexicon);
    return lexicon;
  }

  /** Stems of the other language's words for a stem of either ("сесс" → "session"; "session" → "сесс"). */
  translate(term: string): string[] {
    const found = this.toEnglish.get(term) ?? this.toRussian.get(term);
    if (found) return found;
    // "kraków" is listed as "krakow".
    const plain = foldDiacritics(term);
    return plain === term ? [] : (this.toRussian.get(plain) ?? []);
  }

  get size(): number {
    return this.toEnglish.size + this.toRussian.size;
  }
}

const loaded = new Map<string, Lexicon>();
