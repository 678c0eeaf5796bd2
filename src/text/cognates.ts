// Words of two scripts that sound alike: a Russian word and its English cognate ("сессия", "session").
import { foldDiacritics } from "./tokenize.js";

/**
 * A word's spelling reduced to how it sounds, for Latin words and transliterated Cyrillic ones alike: "konferentsiya"
 * and "conference" both begin "conferen", "prezident" and "president" "presiden".
 */
export function cognateKey(latin: string): string {
  return (
    foldDiacritics(latin.toLowerCase())
      // "журнал", "джаз": "journal", "jazz".
      .replace(/d?zh/g, "j")
      // Names are romanised otherwise than slugify's table writes them: "Kholodova" is "holodova" (х), "Beletsky"
      // "belecki" (ц), "Shchukin" "shukin" (щ).
      .replace(/shch/g, "sh")
      .replace(/kh/g, "h")
      .replace(/ts/g, "c")
      .replace(/ph/g, "f")
      .replace(/[kq]/g, "c")
      .replace(/z/g, "s")
      .replace(/w/g, "v")
      .replace(/y/g, "i")
  );
}

/**
 * Whether a stem is an English cognate of a Cyrillic word (by their `cognateKey`s): it is in Latin letters, and they
 * share a beginning of five letters or more, and at least 60% of the shorter ("sessiia" ~ "session", "deputatov" ~
 * "deputi", "regionah" ~ "region"); or, where the vowels differ, four consonants or more and 75% of the shorter
 * consonant skeleton ("спикером" ~ "speaker", "парламента" ~ "parliament").
 */
export function isCognate(cognate: string, englishStem: string): boolean {
  if (!/^[a-z]+$/.test(foldDiacritics(englishStem))) return false;
  const other = cognateKey(englishStem);
  let n = 0;
  while (n < cognate.length && n < other.length && cognate[n] === other[n]) n++;
  if (n >= 5 && n >= 0.6 * Math.min(cognate.length, other.length)) return true;
  // Or their consonants, where the vowels differ: "spicerom" ~ "speacer", "parlamenta" ~ "parliament".
  const [a, b] = [consonants(cognate), consonants(other)];
  let m = 0;
  while (m < a.length && m < b.length && a[m] === b[m]) m++;
  return m >= 4 && m >= 0.75 * Math.min(a.length, b.length);
}

/**
 * Whether a key is long enough for `isCognate` to know its cognate by: six letters, or four consonants. "Праге"
 * ("prage") and "Риге" ("rige") are not ("Prague" and "Riga" are known by the word list, if at all); "Берлине"
 * ("berline") and "Германии" ("germanii") are.
 */
export function soundTells(cognate: string): boolean {
  return cognate.length >= 6 || consonants(cognate).length >= 4;
}

/** A key's first letter and its consonants after it: "parlamenta" → "prlmnt". */
function consonants(key: string): string {
  return key[0]! + key.slice(1).replace(/[aeiou]/g, "");
}
