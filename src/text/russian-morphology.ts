// Russian proper names by OpenCorpora's dictionary (the az package): whether a capitalised word is a given name,
// surname or patronymic, a place, or an organisation. Loaded on first use (about 0.2 s and 50 MB), synchronously.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Az from "az";

export class RussianMorphologyError extends Error {
  constructor(folder: string, cause: unknown) {
    super(
      `Russian morphology dictionaries could not be read from ${folder} (${cause instanceof Error ? cause.message : String(cause)}). Reinstall the az package: \`npm ci\`.`,
    );
    this.name = "RussianMorphologyError";
  }
}

/** What a capitalised Russian word can be, by its dictionary entries. */
export interface NameKinds {
  /** A given name, surname or patronymic ("Виктор", "Пономарёв", "Викторович"). */
  person: boolean;
  /** A geographical name ("Варшаве", "Махачкалы"). */
  place: boolean;
  /** An organisation's name. */
  organization: boolean;
  /** The dictionary has the word (the kinds above come from it; an unknown word is likely a foreign name). */
  known: boolean;
}

let ready = false;
const cache = new Map<string, NameKinds>();
const CACHE_LIMIT = 50_000;

/**
 * az loads its files with callbacks and counts them in: each read is queued, then all are run once `init` has asked
 * for every file, so loading completes before this returns.
 */
function load(): void {
  if (ready) return;
  const folder = path.join(path.dirname(createRequire(import.meta.url).resolve("az/package.json")), "dicts");
  const queue: (() => void)[] = [];
  Az.load = (url, responseType, callback) => {
    queue.push(() => {
      let data: unknown;
      try {
        const bytes = readFileSync(url);
        data =
          responseType === "json"
            ? JSON.parse(bytes.toString("utf8"))
            : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      callback(null, data);
    });
  };
  let outcome: { error: Error | null } | undefined;
  Az.Morph.init(folder, (error) => {
    outcome ??= { error };
  });
  for (let next = queue.shift(); next; next = queue.shift()) next();
  if (!outcome || outcome.error)
    throw new RussianMorphologyError(folder, outcome?.error ?? "loading did not complete");
  ready = true;
}

/** Parses this much less likely than the best are not what the word is. */
const LIKELY = 0.5;

/** The kinds of proper name `word` (one Cyrillic word, as written) may be, from its likely dictionary parses. */
export function nameKinds(word: string): NameKinds {
  let kinds = cache.get(word);
  if (kinds) return kinds;
  load();
  const known = Az.Morph(word, { parsers: ["Dictionary"], typos: 0, stutter: 0 });
  const parses = known.length > 0 ? known : Az.Morph(word, { typos: 0, stutter: 0 });
  const top = parses[0]?.score ?? 0;
  const likely = parses.filter((p) => p.score >= top * LIKELY);
  const has = (grammeme: string) => likely.some((p) => p.tag[grammeme] === true);
  kinds = {
    person: has("Name") || has("Surn") || has("Patr"),
    place: has("Geox"),
    organization: has("Orgn"),
    known: known.length > 0,
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, kinds);
  return kinds;
}

/**
 * Every form of a Russian word in its dictionary form ("вести": "веду", "ведёт", "вёл", "вела", "ведший"…), by
 * OpenCorpora's paradigms; none for a word the dictionary does not have in that form.
 */
export function formsOf(word: string): string[] {
  load();
  const forms = new Set<string>();
  for (const parse of Az.Morph(word, { parsers: ["Dictionary"], typos: 0, stutter: 0 })) {
    if (parse.normalize().word !== word || parse.formCnt === undefined) continue;
    for (let i = 0; i < parse.formCnt; i++) {
      const form = parse.inflect(i);
      if (form) forms.add(form.word);
    }
  }
  return [...forms];
}

/**
 * Of Russian words in a row, the first that can be a noun in the genitive plural, as "сколько" asks ("членов" in
 * "сколько у ассоциации ассоциированных членов"), and whether it names living beings ("депутатов", "человек") or
 * things ("стран", "голосов").
 */
export function pluralNoun(words: string[]): { word: string; animate: boolean } | undefined {
  load();
  for (const word of words) {
    const parses = Az.Morph(word.toLowerCase(), { parsers: ["Dictionary"], typos: 0, stutter: 0 });
    // "Сколько" asks for the genitive plural, whatever parse is likelier ("членов" is as well accusative).
    const counted = parses.filter((p) => p.tag.POST === "NOUN" && p.tag.plur === true && p.tag.gent === true);
    if (counted.length > 0) return { word, animate: counted.some((p) => p.tag.anim === true) };
  }
  return undefined;
}

/** Whether a Russian word, as written, can be a noun that names living beings ("депутат", "членов", "человек"). */
export function namesBeings(word: string): boolean {
  load();
  return Az.Morph(word.toLowerCase(), { parsers: ["Dictionary"], typos: 0, stutter: 0 }).some(
    (p) => p.tag.POST === "NOUN" && p.tag.anim === true,
  );
}
