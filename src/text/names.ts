// What a text's capitalised words name, by the dictionaries alone (WordNet, OpenCorpora): a place, a name, or
// neither. Questions are read by it once; candidate sentences, titles and headings as they are judged.
import { nameKinds } from "./russian-morphology.js";
import { foldDiacritics, hasCyrillic, isStopWord } from "./tokenize.js";
import { isKindOf, isWordNetWord } from "./wordnet.js";

/** A run of capitalised words and what it names: "Ilya Ponomarev" a name, "Riga" a place. */
export interface NamedRun {
  words: string[];
  kind: "place" | "name";
}

/**
 * A word and the lower-case word after it: a name and the noun it picks one of ("Berlin session", "Latvian
 * government"); the second may start the next.
 */
export const MODIFIED = /(?<![\p{L}\p{N}'’-])(\p{L}[\p{L}'’-]*)\s+(?=(\p{Ll}[\p{Ll}-]*)(?![\p{L}]))/gu;

/** Words read: every candidate sentence is read for its names, of a vocabulary far smaller than its words. */
const CACHE_LIMIT = 20_000;

/**
 * What a capitalised word names, by the dictionaries alone (no tagger: every candidate sentence is read): a "place" that
 * WordNet files under location ("Riga", "Georgia") or the Russian dictionary under geography ("Риге"); a "name" that
 * neither dictionary knows, or the Russian one has as a name ("Hostova", "Jabłonna", "Нагорный"); nothing for a word
 * of the language ("Council", "Saturday", "Совет").
 */
export function kindOfName(word: string): "place" | "name" | undefined {
  if (kindsRead.has(word)) return kindsRead.get(word);
  if (kindsRead.size >= CACHE_LIMIT) kindsRead.clear();
  const kind = readKindOfName(word);
  kindsRead.set(word, kind);
  return kind;
}
const kindsRead = new Map<string, "place" | "name" | undefined>();

function readKindOfName(w: string): "place" | "name" | undefined {
  if (hasCyrillic(w)) {
    const k = nameKinds(w);
    return k.place ? "place" : k.person || !k.known ? "name" : undefined;
  }
  const lemma = foldDiacritics(w.toLowerCase());
  if (isStopWord(lemma)) return undefined;
  if (!isWordNetWord(lemma)) return "name";
  return isKindOf(lemma, ["location"]) ? "place" : undefined;
}

const PLACE_BEFORE = /(?<![\p{L}])(?:in|on|at|from|near|в|во|на|из|под)\s+$/iu;

/**
 * The names of a text, each a run of capitalised words ("Ilya Ponomarev", "Riga"), with what it names by its words
 * (`kindOfName`: a place if one is, else a name if one is; runs of neither are left out) and those words;
 * `skipFirst` leaves out the text's first word.
 */
export function namedWords(text: string, skipFirst: boolean): NamedRun[] {
  const first = skipFirst ? (/^\s*\S+/u.exec(text)?.[0].length ?? 0) : 0;
  const runs = text.slice(first).matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu);
  return [...runs].flatMap((run) => {
    const words = run[0]
      .split(/\s+/u)
      .map((w) => w.replace(/['’]s$/u, ""))
      // Not an acronym: "ID" is Idaho to WordNet.
      .filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
    const kinds = words.map(kindOfName);
    // A name the dictionaries do not know is a place after "in", "on", "at", "from" ("on Skarvøy", "в Яблонне").
    const placed = PLACE_BEFORE.test(text.slice(Math.max(0, first + run.index - 8), first + run.index));
    const named = kinds.includes("name");
    const kind = kinds.includes("place") || (named && placed) ? "place" : named ? "name" : undefined;
    return kind ? [{ words: words.filter((_, i) => kinds[i] !== undefined), kind }] : [];
  });
}
