// The `synonyms` package's thesaurus, with an index from every listed word to the entries that list it.
import synonyms from "synonyms";

type Entry = Record<string, string[]>;

let reverse: Map<string, Entry> | undefined;

/**
 * What synonyms(word) answers for a word that is not a headword: for each part of speech, the word followed by
 * every headword whose list has it. The package finds that by scanning all 12,430 entries (about 16 ms a word, most
 * of an extractive answer's time); this index, built once (tens of milliseconds), gives the same lists in the same order.
 */
function buildReverse(): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [head, entry] of Object.entries(synonyms.dictionary)) {
    for (const [pos, list] of Object.entries(entry)) {
      for (const word of new Set(list)) {
        let found = out.get(word);
        if (!found) out.set(word, (found = {}));
        (found[pos] ??= [word]).push(head);
      }
    }
  }
  return out;
}

/** The same as synonyms(word) (a headword's own entry, else the entries listing the word), without the scan. */
export function synonymsOf(word: string): Entry | undefined {
  const w = word.toLowerCase();
  // hasOwn: a plain object lookup would also find "constructor" and the like on Object.prototype.
  if (Object.hasOwn(synonyms.dictionary, w)) return synonyms.dictionary[w];
  reverse ??= buildReverse();
  return reverse.get(w);
}
