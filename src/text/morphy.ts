// WordNet's detachment rules (morphy): the base forms of an inflected English word, as WordNet would look them up.

/** The inflected endings to try removing, with what to put back. */
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
export function lemmasOf(word: string, has: (w: string) => boolean): string[] {
  const out = has(word) ? [word] : [];
  for (const [ending, base] of DETACH) {
    if (word.endsWith(ending) && word.length > ending.length + 1) {
      const candidate = word.slice(0, -ending.length) + base;
      if (has(candidate) && !out.includes(candidate)) out.push(candidate);
    }
  }
  return out;
}
