// A bilingual English–Russian word list (data/en-ru.tsv), read as stems: a Russian question meets English documents.
// A Russian word's other forms are read as it too, where the stemmer does not join them ("вёл" as "вести"), by
// OpenCorpora's paradigms. Stemming the list and making its forms take about 2.5 s, so they are also kept beside it
// (data/en-ru.stems.json, written by `npm run build-snapshots`) and used while they are of the list as it is.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ENGLISH_NUMBERS, ENGLISH_ORDINALS } from "./ordinals.js";
import { formsOf } from "./russian-morphology.js";
import { contentTerms, foldDiacritics, normalizeWord, stem } from "./tokenize.js";

/**
 * English numbers' stems from "two", each with its ordinal's ("eight" → "eighth"): a Russian form of both ("восьм" of
 * "восьмой" and of "восемь") means the ordinal where the list has it.
 */
const ORDINAL_OF: Record<string, string> = Object.fromEntries(
  ENGLISH_NUMBERS.slice(1).map((n, i) => [stem(n), stem(ENGLISH_ORDINALS[i + 1]!)]),
);

const DEFAULT_FILE = fileURLToPath(new URL("./data/en-ru.tsv", import.meta.url));

/** The stems of a list: its translations both ways, its forms, and the SHA-256 of the list's text they were made from. */
export interface LexiconStems {
  source: string;
  toEnglish: [string, string[]][];
  toRussian: [string, string[]][];
  /** Stems of the list's Russian words' other forms, each with the stems of the words it is a form of. */
  forms: [string, string[]][];
  /** An English word's Russian translations that are phrases, each as its content words' stems. */
  phrases: [string, string[][]][];
  /** A listed English word (one-word entries), as written, with its own entries' Russian stems. */
  byWord?: [string, string[]][];
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
    private readonly forms: Map<string, string[]>,
    private readonly phrases: Map<string, string[][]>,
    private readonly byWord: Map<string, string[]>,
  ) {}

  static readonly empty = new Lexicon(new Map(), new Map(), new Map(), new Map(), new Map());

  /**
   * Reads `english<TAB>russian|russian…` lines. A Russian word maps to every content word of its English phrase
   * ("состояться" → "take", "place"); an English word to Russian ones only from one-word entries. A Russian word
   * marked ">" is one way, English to Russian: "request" is rendered "обращение", but "обращение" keeps the
   * meanings listed for it (appeal, address), and "народный" stays "popular" though "national" may be "народный".
   */
  static fromText(text: string): Lexicon {
    const toEnglish = new Map<string, Set<string>>();
    const toRussian = new Map<string, Set<string>>();
    const byWord = new Map<string, Set<string>>();
    const words = new Set<string>();
    const phrases = new Map<string, string[][]>();
    const add = (map: Map<string, Set<string>>, key: string, value: string) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(value);
    };
    for (const line of text.split("\n")) {
      const [english, russian] = line.split("\t");
      if (!english || !russian) continue;
      const en = contentTerms(english.trim());
      // Only an entry of one English word is read English to Russian.
      const oneWord = en.length === 1 && !/\s/.test(english.trim());
      const listed = russian.split("|").map((w) => {
        const trimmed = w.trim();
        return { oneWay: trimmed.startsWith(">"), word: normalizeWord(trimmed.replace(/^>/, "")) };
      });
      // A translation of several words ("roundtable" → "круглый стол"): its content words' stems, when two or more.
      if (oneWord)
        for (const { word } of listed.filter(({ word }) => /\s/.test(word))) {
          const stems = contentTerms(word);
          if (stems.length < 2) continue;
          const list = phrases.get(en[0]!) ?? [];
          if (!list.some((p) => p.join(" ") === stems.join(" "))) list.push(stems);
          phrases.set(en[0]!, list);
        }
      const ru = listed
        .filter(({ word }) => word && !/\s/.test(word))
        .map(({ oneWay, word }) => ({ oneWay, word, stem: stem(word) }));
      for (const r of ru) {
        if (r.oneWay) continue;
        words.add(r.word);
        for (const e of en) add(toEnglish, r.stem, e);
      }
      if (oneWord)
        for (const r of ru) {
          add(toRussian, en[0]!, r.stem);
          add(byWord, normalizeWord(english.trim()), r.stem);
        }
    }
    // A word's other forms, where the stemmer does not join them to it: "вёл", "вела" of "вести"; "люди" of "человек".
    const forms = new Map<string, Set<string>>();
    for (const word of words) {
      const own = stem(word);
      for (const form of formsOf(word)) {
        const s = stem(normalizeWord(form));
        if (s !== own) add(forms, s, own);
      }
    }
    const lists = (m: Map<string, Set<string>>) => new Map([...m].map(([k, v]) => [k, [...v]]));
    return new Lexicon(lists(toEnglish), lists(toRussian), lists(forms), phrases, lists(byWord));
  }

  /** The stems of `text`'s list, to keep beside it. */
  static stemsOf(text: string): LexiconStems {
    const lexicon = Lexicon.fromText(text);
    return {
      source: sha256(text),
      toEnglish: [...lexicon.toEnglish],
      toRussian: [...lexicon.toRussian],
      forms: [...lexicon.forms],
      phrases: [...lexicon.phrases],
      byWord: [...lexicon.byWord],
    };
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
      stems?.source === sha256(text) && stems.forms && stems.phrases && stems.byWord
        ? new Lexicon(
            new Map(stems.toEnglish),
            new Map(stems.toRussian),
            new Map(stems.forms),
            new Map(stems.phrases),
            new Map(stems.byWord),
          )
        : Lexicon.fromText(text);
    loaded.set(file, lexicon);
    return lexicon;
  }

  /**
   * Stems of the other language's words for a stem of either ("сесс" → "session"; "session" → "сесс"). A Russian
   * adjective the list lacks is read as the noun it is made from: "пражск" (пражская сессия) as "праг", "Prague".
   */
  translate(term: string): string[] {
    const found = this.toEnglish.get(term) ?? this.toRussian.get(term);
    // Another form of a listed word: "вел" (вёл, вела) is "вести"'s, "lead". A stem may be both a word of its own and a
    // form of another ("жил": жильё, housing, and жили of жить, live): it means either. But an ordinal is not its
    // number: "восьм" of "восьмой" (eighth) is also a form of "восемь" (восьми), and "eighth" is no "eight".
    const of = this.forms.get(term);
    if (of) {
      const english = [...new Set(of.flatMap((w) => this.toEnglish.get(w) ?? []))].filter(
        (e) => !found?.includes(ORDINAL_OF[e] ?? ""),
      );
      if (english.length > 0) return found ? [...new Set([...found, ...english])] : english;
    }
    if (found) return found;
    for (const noun of nounStemsOf(term)) {
      const english = this.toEnglish.get(noun);
      if (english) return english;
    }
    // "kraków" is listed as "krakow".
    const plain = foldDiacritics(term);
    return plain === term ? [] : (this.toRussian.get(plain) ?? []);
  }

  /**
   * The Russian stems of an English word as the question writes it, by its own entries in the list: "legislative" is
   * "законодательный", not "депутат" (of "legislator", which Snowball cuts to the same "legisl"). Its stem's other
   * entries are kept where they share a root with its own (`KIN_START`): "approve" is "утвердить", and "утверждение"
   * of "approval" still meets "утверждён". A word the list lacks is read as the longest listed word it begins with
   * that has its stem ("chairs" as "chair"), else by every entry of its stem (`translate`).
   */
  translateWord(word: string | undefined, englishStem: string): string[] {
    if (word !== undefined)
      for (let end = word.length; end >= englishStem.length; end--) {
        const listed = word.slice(0, end);
        const own = this.byWord.get(listed);
        if (own && stem(listed) === englishStem) {
          const kin = this.translate(englishStem).filter(
            (r) => !own.includes(r) && own.some((o) => sharedStart(o, r) >= KIN_START),
          );
          return [...own, ...kin];
        }
      }
    return this.translate(englishStem);
  }

  /**
   * The Russian translations of an English stem that are phrases, each as its content words' stems: "roundtabl" →
   * ["кругл", "стол"] ("круглый стол"), "tenur" → ["срок", "полномоч"] ("срок полномочий").
   */
  phrasesOf(englishStem: string): string[][] {
    return this.phrases.get(englishStem) ?? [];
  }

  /** The stems of the listed Russian words a stem is another form of ("вел" → "вест", of "вести"). */
  wordsOf(russianStem: string): string[] {
    return this.forms.get(russianStem) ?? [];
  }

  /**
   * The stems of a listed Russian word's forms that the stemmer cuts longer than the word itself: "запис" of
   * "записей" for "зап" of "запись". Only a stem that begins with the word's and has no meaning of its own in the
   * list; not a verb's other stems ("обошл" of "обойтись"), which meet other words too.
   */
  longerForms(russianStem: string): string[] {
    if (!this.wordForms) {
      this.wordForms = new Map();
      for (const [form, words] of this.forms)
        for (const w of words) {
          if (!form.startsWith(w) || this.toEnglish.has(form)) continue;
          const list = this.wordForms.get(w);
          if (list) list.push(form);
          else this.wordForms.set(w, [form]);
        }
    }
    return this.wordForms.get(russianStem) ?? [];
  }
  private wordForms: Map<string, string[]> | undefined;

  /**
   * The stems of the adjectives Russian makes of a noun stem, where the list does not have them as words of their
   * own: "праг" → "пражск", "варшав" → "варшавск", "крак" (Краков) → "краковск"; not "совет" → "советск", which
   * the list has as "Soviet".
   */
  adjectivesOf(russianStem: string): string[] {
    return adjectiveStems(russianStem).filter((a) => !this.toEnglish.has(a));
  }

  get size(): number {
    return this.toEnglish.size + this.toRussian.size;
  }
}

const loaded = new Map<string, Lexicon>();

/** Russian stems that begin with the same five letters share a root ("утвержден", "утверд"; not "депутат"). */
const KIN_START = 5;

/** How many letters two words begin with alike. */
function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The consonant a Russian stem ends in before "-ск-", and back: Прага → пражский, Рига → рижский. */
const MUTATION: Record<string, string> = { г: "ж", к: "ч", х: "ш" };
const UNMUTATION: Record<string, string> = Object.fromEntries(
  Object.entries(MUTATION).map(([a, b]) => [b, a]),
);
/** Endings of a name the Russian stemmer takes off its noun but its adjective keeps: Краков → "крак", краковский. */
const NAME_ENDINGS = ["ов", "ев", "ёв", "ин"];

/** Stems of a Russian noun's adjectives in "-ский" ("праг" → "пражск", "ки" → "киевск"). */
function adjectiveStems(noun: string): string[] {
  if (!/^[а-яё]{2,}$/.test(noun)) return [];
  const last = noun.at(-1)!;
  const base = MUTATION[last] ? noun.slice(0, -1) + MUTATION[last] : noun;
  return [`${base}ск`, ...NAME_ENDINGS.map((e) => `${noun}${e}ск`)];
}

/** The noun stems a Russian adjective stem in "-ск" may be made from ("пражск" → "праг", "киевск" → "киев", "ки"). */
function nounStemsOf(adjective: string): string[] {
  const m = /^([а-яё]{2,})ск$/.exec(adjective);
  if (!m) return [];
  const base = m[1]!;
  const last = base.at(-1)!;
  const noun = UNMUTATION[last] ? base.slice(0, -1) + UNMUTATION[last] : base;
  const shorter = NAME_ENDINGS.filter((e) => noun.endsWith(e) && noun.length > e.length + 1).map((e) =>
    noun.slice(0, -e.length),
  );
  return [noun, ...shorter];
}
