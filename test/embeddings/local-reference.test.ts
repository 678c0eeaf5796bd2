// The local embedder's cached feature numbering gives exactly the vectors of plain feature hashing, bit for bit.
import slugify from "slugify";
import { describe, expect, it } from "vitest";
import {
  type HashScheme,
  LocalHashEmbeddings,
  SEARCH_SCHEME,
  SENTENCE_SCHEME,
} from "../../src/embeddings/local.js";
import { tokenize } from "../../src/text/tokenize.js";
import { tagCount } from "../../src/text/wordnet.js";

const fnv1a = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/**
 * The embedding written plainly: string features in a map, each hashed on every call. Revision 2: the stem and the
 * scheme's n-grams of the word and, for a Cyrillic word, of its Latin transliteration; each word weighted by
 * (1 + its WordNet tag count)^-0.4 when the scheme says so; a feature weighs its mean weight times 1 + ln(count),
 * signed by the top bit of the hash of feature + "#".
 */
function reference(text: string, dimension: number, scheme: HashScheme): number[] {
  const features = new Map<string, { sum: number; count: number }>();
  const add = (f: string, w: number) => {
    const e = features.get(f) ?? { sum: 0, count: 0 };
    e.sum += w;
    e.count++;
    features.set(f, e);
  };
  for (const t of tokenize(text)) {
    if (t.stop) continue;
    const prior = scheme.prior && /^[a-z']+$/.test(t.word) ? (1 + tagCount(t.word)) ** -0.4 : 1;
    add(`w:${t.term}`, prior);
    const forms = [t.word];
    if (/\p{Script=Cyrillic}/u.test(t.word)) {
      const latin = slugify(t.word, { lower: true, strict: true, locale: "ru" });
      if (latin.length >= 3) forms.push(latin);
    }
    for (const form of forms) {
      const padded = `<${form}>`;
      for (const n of scheme.grams)
        for (let i = 0; i + n <= padded.length; i++)
          add(`g:${padded.slice(i, i + n)}`, prior * scheme.gramWeight);
    }
  }
  const v = new Float64Array(dimension);
  for (const [f, { sum, count }] of features) {
    const sign = fnv1a(`${f}#`) >>> 31 ? 1 : -1;
    v[fnv1a(f) % dimension]! += sign * (sum / count) * (1 + Math.log(count));
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  return Array.from(v, (x) => (norm > 0 ? x / norm : 0));
}

const TEXTS = [
  "",
  "the of and",
  "Who spearheads the congress? The congress is spearheaded by Ilya Ponomarev.",
  "Take the people to the government's session: take it, take them.",
  "Сессия конгресса открылась в Варшаве; ёлка, Ёж и деревья’s",
  "Україні та Україна, майбутнього України",
  "𝒜𝒷𝒸 astral letters, digits 2024 and it’s O’Brien's",
  "repeat repeat repeat repeat words words",
  // Many features never seen before in one text: the feature table grows while it is read.
  Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`).join(" "),
];

describe("LocalHashEmbeddings", () => {
  it("gives exactly the vectors of plain feature hashing, in any dimension and scheme, on repeated calls", () => {
    for (const scheme of [SEARCH_SCHEME, SENTENCE_SCHEME]) {
      for (const dimension of [16, 512, 1024]) {
        const embedder = new LocalHashEmbeddings({ dimension, scheme });
        for (let pass = 0; pass < 2; pass++) {
          for (const text of TEXTS)
            expect(embedder.embedText(text), `${scheme.grams} ${text.slice(0, 30)}`).toEqual(
              reference(text, dimension, scheme),
            );
        }
      }
    }
  });
});
