// Cyrillic in Latin letters, by slugify's Russian table: "Пономарёв" → "ponomarev".
import slugify from "slugify";

/** The word in lower-case Latin letters; other characters are dropped. */
export function toLatin(word: string): string {
  return slugify(word, { lower: true, strict: true, locale: "ru" });
}
