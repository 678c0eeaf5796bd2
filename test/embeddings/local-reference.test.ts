// The local embedder's cached feature numbering gives exactly the vectors of plain feature hashing, bit for bit.
import { describe, expect, it } from "vitest";
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";
import { tokenize } from "../../src/text/tokenize.js";

/** The embedding as first written: string features in a map, each hashed on every call. */
function reference(text: string, dimension: number): number[] {
  const fnv1a = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const counts = new Map<string, number>();
  const add = (f: string, w: number) => counts.set(f, (counts.get(f) ?? 0) + w);
  for (const t of tokenize(text)) {
    if (t.stop) continue;
    add(`w:${t.term}`, 1);
    const padded = `<${t.word}>`;
    for (const n of [3, 4])
      for (let i = 0; i + n <= padded.length; i++) add(`g:${padded.slice(i, i + n)}`, 0.35);
  }
  const v = new Float64Array(dimension);
  for (const [f, count] of counts) {
    const weight = f.startsWith("w:") ? 1 + Math.log(count) : 0.35 * (1 + Math.log(count / 0.35));
    v[fnv1a(f) % dimension]! += (fnv1a(`${f}#`) & 1 ? 1 : -1) * weight;
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
  "Сессия конгресса открылась в Варшаве; ёлка, Ёж и деревья’s",
  "Україні та Україна, майбутнього України",
  "𝒜𝒷𝒸 astral letters, digits 2024 and it’s O’Brien's",
  "repeat repeat repeat repeat words words",
  // Many features never seen before in one text: the feature table grows while it is read.
  Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`).join(" "),
];

describe("LocalHashEmbeddings", () => {
  it("gives exactly the vectors of plain feature hashing, in any dimension, on repeated calls", () => {
    for (const dimension of [16, 512, 1024]) {
      const embedder = new LocalHashEmbeddings({ dimension });
      for (let pass = 0; pass < 2; pass++) {
        for (const text of TEXTS)
          expect(embedder.embedText(text), text.slice(0, 30)).toEqual(reference(text, dimension));
      }
    }
  });
});
