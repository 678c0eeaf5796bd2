// The offline embedder ranks by shared stems, in English, Russian and Ukrainian, and is deterministic.
import { describe, expect, it } from "vitest";
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";

const embedder = new LocalHashEmbeddings({ dimension: 512 });

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** Document texts ordered by similarity to the query, best first. */
async function rank(query: string, docs: string[]): Promise<string[]> {
  const q = await embedder.embedQuery(query);
  const vs = await embedder.embedDocuments(docs);
  return docs
    .map((d, i) => ({ d, s: cosine(q, vs[i]!) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.d);
}

describe("LocalHashEmbeddings", () => {
  it("ranks a passage sharing the query's stems above one that does not", async () => {
    const related = "The congress elected its presidium and spearheaded new resolutions.";
    const unrelated = "Heavy rain fell over the harbour while fishermen mended their nets.";
    expect(await rank("Who spearheads the congress?", [unrelated, related])).toEqual([related, unrelated]);
  });

  it("matches English inflections through their stems", async () => {
    const related = "Deputies were voting on several resolutions during the sessions.";
    const unrelated = "A recipe for bread needs flour, water, salt and patience.";
    expect(await rank("How did the deputy vote on the resolution?", [unrelated, related])).toEqual([
      related,
      unrelated,
    ]);
  });

  it("matches Russian inflections: 'конгресса' finds 'конгресс'", async () => {
    const related = "Конгресс народных депутатов открыл пятую сессию в Варшаве.";
    const unrelated = "Осенью в лесу много грибов, и погода стоит тёплая.";
    expect(await rank("Где проходила сессия конгресса?", [unrelated, related])).toEqual([related, unrelated]);
    expect(await rank("конгресса", [unrelated, "конгресс"])).toEqual(["конгресс", unrelated]);
  });

  it("matches Russian case endings of names and places", async () => {
    const related = "Илья Пономарёв возглавил съезд депутатов в Польше.";
    const unrelated = "Кошка спала на подоконнике весь день.";
    expect(await rank("Кто такой Пономарев и что он возглавляет?", [unrelated, related])).toEqual([
      related,
      unrelated,
    ]);
  });

  it("puts inflected forms of one word close together and different words far apart", () => {
    const sim = (a: string, b: string) => cosine(embedder.embedText(a), embedder.embedText(b));
    for (const [a, b] of [
      ["конгресса", "конгресс"],
      ["депутатами", "депутатов"],
      ["spearheads", "Spearheaded"],
      ["sessions", "session"],
    ] as const) {
      expect(sim(a, b), `${a} ~ ${b}`).toBeGreaterThan(0.6);
    }
    expect(sim("конгресса", "грибов")).toBeLessThan(0.2);
    expect(sim("congress", "weather")).toBeLessThan(0.2);
    expect(sim("Україні", "Україна")).toBeGreaterThan(sim("Україні", "пиріг"));
  });

  it("works for Ukrainian text", async () => {
    const related = "Конгрес народних депутатів провів сесію у Варшаві, де обговорювали майбутнє України.";
    const unrelated = "Бабуся спекла смачний пиріг з вишнями для онуків.";
    expect(await rank("Де відбулася сесія конгресу?", [unrelated, related])).toEqual([related, unrelated]);
    expect(await rank("майбутнього України", [unrelated, related])).toEqual([related, unrelated]);
  });

  it("is deterministic across instances and between embedQuery and embedDocuments", async () => {
    const text = "Конгресс 😀 congress session in Warsaw";
    const a = await new LocalHashEmbeddings({ dimension: 512 }).embedQuery(text);
    const b = await new LocalHashEmbeddings({ dimension: 512 }).embedDocuments([text, text]);
    expect(b[0]).toEqual(a);
    expect(b[1]).toEqual(a);
  });

  it("returns L2-normalised vectors of the configured dimension", async () => {
    for (const dimension of [64, 512]) {
      const e = new LocalHashEmbeddings({ dimension });
      for (const text of ["congress", "Конгресс народных депутатов", "a much longer text ".repeat(50)]) {
        const v = await e.embedQuery(text);
        expect(v).toHaveLength(dimension);
        expect(Math.hypot(...v)).toBeCloseTo(1, 6);
      }
      expect(e.model).toBe(`hash-${dimension}`);
    }
  });

  it("gives a zero vector, not NaN, for text with no words", async () => {
    const v = await embedder.embedQuery("... !!! ---");
    expect(v.every((x) => x === 0)).toBe(true);
    const stopOnly = await embedder.embedQuery("the of and");
    expect(stopOnly.every((x) => Number.isFinite(x))).toBe(true);
  });
});
