// The corpus's stemmed terms, bucketed for the two look-ups a question needs: near spellings and cross-script cognates.
import { distance } from "fastest-levenshtein";
import { cognateKey, isCognate } from "../text/cognates.js";
import { foldDiacritics } from "../text/tokenize.js";
import { toLatin } from "../text/transliterate.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /^[a-z]+$/;

/** What the vocabulary is read from: the live index. */
export interface TermSource {
  vocabulary(): Iterable<string>;
  df(term: string): number;
}

/** The corpus's terms, bucketed once per index generation; `Vocabulary.of` keeps one per source. */
export class Vocabulary {
  private static readonly built = new WeakMap<TermSource, Vocabulary>();
  /** By length, then first letter: a misspelling keeps its first letter and nearly its length. */
  private readonly byShape = new Map<string, string[]>();
  /** Latin terms and transliterated Cyrillic ones by their cognate key's first three consonants. */
  private readonly latinByKey = new Map<string, string[]>();
  private readonly cyrillicByKey = new Map<string, { term: string; key: string }[]>();

  private constructor(private readonly source: TermSource) {
    for (const term of source.vocabulary()) {
      push(this.byShape, `${term.length}:${term[0]}`, term);
      if (LATIN.test(term)) push(this.latinByKey, skeleton(cognateKey(term)), term);
      else if (CYRILLIC.test(term)) {
        const key = cognateKey(toLatin(term));
        if (key.length >= 4) push(this.cyrillicByKey, skeleton(key), { term, key });
      }
    }
  }

  static of(source: TermSource): Vocabulary {
    let v = Vocabulary.built.get(source);
    if (!v) Vocabulary.built.set(source, (v = new Vocabulary(source)));
    return v;
  }

  has(term: string): boolean {
    return this.source.df(term) > 0;
  }

  /**
   * The corpus term nearest to a word it lacks, by edit distance: 1 for words of 5 to 8 letters, 2 from 9 ("sesion" →
   * "session", "ponomarv" → "ponomarev"); the most common of equals; undefined when none is that near.
   */
  nearest(word: string): string | undefined {
    if (word.length < 5 || /\d/.test(word)) return undefined;
    const max = word.length >= 9 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    let bestDf = 0;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const term of this.byShape.get(`${len}:${word[0]}`) ?? []) {
        const d = distance(word, term);
        const df = this.source.df(term);
        if (d < bestDistance || (d === bestDistance && df > bestDf))
          [best, bestDistance, bestDf] = [term, d, df];
      }
    }
    return bestDistance <= max ? best : undefined;
  }

  /** English terms of the corpus that are cognates of a Cyrillic word ("сессии" → "session"). */
  latinCognates(cyrillicWord: string): string[] {
    const key = cognateKey(toLatin(cyrillicWord));
    if (key.length < 4) return [];
    return (this.latinByKey.get(skeleton(key)) ?? []).filter((t) => isCognate(key, t));
  }

  /** Cyrillic terms of the corpus that are cognates of an English word ("parliament" → "парламент"). */
  cyrillicCognates(latinWord: string): string[] {
    if (!LATIN.test(foldDiacritics(latinWord)) || latinWord.length < 4) return [];
    const found = this.cyrillicByKey.get(skeleton(cognateKey(latinWord))) ?? [];
    return found.filter(({ key }) => isCognate(key, latinWord)).map(({ term }) => term);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first letter and the next two consonants of a key: what isCognate's two tests both need to share. */
function skeleton(key: string): string {
  return (key[0]! + key.slice(1).replace(/[aeiou]/g, "")).slice(0, 3);
}
