// Unicode-aware word tokenizer with Snowball stemming (English for Latin script, Russian for Cyrillic) and stop words.
import snowball from "snowball-stemmers";
import { eng, rus, ukr } from "stopword";

export interface Token {
  /** Lower-cased surface form, ё folded to е. */
  word: string;
  /** Stemmed form, used for matching. */
  term: string;
  start: number;
  end: number;
  stop: boolean;
}

/** A word, as `tokenize` reads it: letters and numbers, and apostrophes between letters ("o'brien", "don't"). */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const NEGATED = /^\p{L}+n['’]t$/iu;
const english = snowball.newStemmer("english");
const russian = snowball.newStemmer("russian");
/** Auxiliaries the lists lack: they carry tense or mood, never what a passage is about ("will", "должна"). */
const AUXILIARIES = [..."will shall may does else".split(" "), ..."должен должна должно должны".split(" ")];
/**
 * Pronouns the lists lack: English "its", and every form of the Russian "свой" ("its own"; the list has only "свою").
 * Reflexives stay: "describes itself" is about a "self-".
 */
const PRONOUNS = [
  ..."its ours yours she hers theirs".split(" "),
  ..."свой своя свое свои своего своей своему своим своем своих своими".split(" "),
];
const STOP = new Set<string>(
  [...eng, ...rus, ...ukr, ...AUXILIARIES, ...PRONOUNS].map((w) => normalizeWord(w)),
);
const stemCache = new Map<string, string>();

export function normalizeWord(w: string): string {
  const lower = w.toLowerCase();
  // Most words have neither character: the check is cheaper than two regular-expression passes.
  if (!lower.includes("ё") && !lower.includes("’")) return lower;
  return lower.replace(/ё/g, "е").replace(/’/g, "'");
}

/** Letters with no decomposition into a base letter and a mark. */
const UNMARKED: Record<string, string> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ı: "i",
  þ: "th",
};

/** A letter of the Latin supplements or extensions, or a combining mark: all that folding can change. */
const MARKED = /[\u00c0-\u024f\u1e00-\u1eff]|\p{M}/u;

/**
 * A Latin word without its diacritics: "kraków" → "krakow", "chișinău" → "chisinau", "łódź" → "lodz". Word lists and
 * sound keys are written in plain letters. Cyrillic letters are left as they are ("й" keeps its breve).
 */
export function foldDiacritics(word: string): string {
  // A plain or Cyrillic word (most of them) is returned as it is, without normalizing it twice.
  if (!MARKED.test(word)) return word;
  return word
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .replace(/[łøđßæœıþ]/g, (c) => UNMARKED[c]!);
}

/** The stem of one lower-cased word. Possessive 's is dropped first. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    const base = word.replace(/'s?$/, "");
    s = CYRILLIC.test(base) ? russian.stem(base) : english.stem(base);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Whether `text` has Cyrillic letters (Russian, Ukrainian). */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/**
 * Whether a text is written in Russian: one of its own words is Cyrillic, not counting names (capitalised words after
 * the first), which either language may write in either script: "Who is Пономарёв?" is English, "Кто такой
 * Ponomarev?" and "что такое legal defence desk" Russian. A text of names alone goes by its letters.
 */
export function writtenInCyrillic(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const own = words.filter((w, i) => i === 0 || !/^\p{Lu}/u.test(w));
  return (own.length > 0 ? own : words).some((w) => CYRILLIC.test(w));
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/**
 * What a word as written becomes: its normal form, stem and stop-word flag. Answering tokenizes thousands of
 * sentences a second, of a vocabulary far smaller than their words: one lookup instead of three steps.
 */
const wordCache = new Map<string, Pick<Token, "word" | "term" | "stop">>();
const WORD_CACHE_LIMIT = 100_000;

/**
 * What a character is to a word (`WORD`): 1 neither, 2 a letter, 3 a number; 0 for a code unit not looked at yet.
 * Read one by one instead of by the regular expression: its matches were a third of tokenizing's time.
 */
const KIND_OF_UNIT = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const kindOf = (ch: string) => (LETTER.test(ch) ? 2 : NUMBER.test(ch) ? 3 : 1);

/** The kind of the character at `i` (`KIND_OF_UNIT`) times 2, plus 1 where it takes two code units (a surrogate pair). */
function kindAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return kindOf(text.slice(i, i + 2)) * 2 + 1;
  }
  let kind = KIND_OF_UNIT[unit]!;
  if (kind === 0) KIND_OF_UNIT[unit] = kind = kindOf(String.fromCharCode(unit));
  return kind * 2;
}

/** Where the word (`WORD`) that starts at `start`, a letter or a number, ends. */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  // [\p{L}\p{N}]+
  while (i < n) {
    const k = kindAt(text, i);
    if (k < 4) break;
    i += (k & 1) + 1;
  }
  // (?:['’][\p{L}]+)*
  while (i + 1 < n) {
    const c = text.charCodeAt(i);
    if (c !== 39 && c !== 0x2019) break;
    let j = i + 1;
    while (j < n) {
      const k = kindAt(text, j);
      if (k >> 1 !== 2) break;
      j += (k & 1) + 1;
    }
    if (j === i + 1) break;
    i = j;
  }
  return i;
}

/** Words of `text` with their offsets (UTF-16 indices into `text`): what `WORD` matches. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const k = kindAt(text, i);
    if (k < 4) {
      i += (k & 1) + 1;
      continue;
    }
    const end = wordEnd(text, i);
    const raw = text.slice(i, end);
    const start = i;
    i = end;
    let known = wordCache.get(raw);
    if (!known) {
      // A negated auxiliary says "not": "couldn't" is "could not", as documents often write it.
      const word = NEGATED.test(raw) ? "not" : normalizeWord(raw);
      known = { word, term: stem(word), stop: STOP.has(word) };
      if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
      wordCache.set(raw, known);
    }
    out.push({ word: known.word, term: known.term, start, end, stop: known.stop });
  }
  return out;
}

/** Stemmed content terms (stop words removed), in order, with repeats. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!t.stop) out.push(t.term);
  return out;
}
