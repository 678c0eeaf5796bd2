// The passage ranker's features, each on a small pool: a failure names the feature; and the order a fitted score gives.
import { describe, expect, it } from "vitest";
import { readQuestion } from "../../src/answer/question.js";
import { PASSAGE_FEATURES, passageFeatures, rerankPassages } from "../../src/answer/rerank.js";
import { sentenceSpans } from "../../src/corpus/passages.js";
import type { Passage } from "../../src/corpus/types.js";
import type { RetrievedPassage } from "../../src/retrieval/retriever.js";

function retrieved(
  text: string,
  { docId = "a.md", start = 0, heading = "", lexical = 0, vector = 0 } = {},
): RetrievedPassage {
  const passage: Passage = {
    passageId: `${docId}@${start}`,
    docId,
    title: "Notes",
    text,
    start,
    end: start + text.length,
    line: 1,
    heading,
    sentences: sentenceSpans(text, { start: 0, end: text.length }).map((s) => ({
      start: s.start + start,
      end: s.end + start,
    })),
  };
  return { passage, score: 0, lexicalScore: lexical, vectorScore: vector };
}

/** Each passage's features by name. */
function featuresOf(
  question: string,
  pool: RetrievedPassage[],
  previous: Parameters<typeof passageFeatures>[3] = [],
) {
  return passageFeatures(readQuestion(question), pool, () => 1, previous).map((x) =>
    Object.fromEntries(PASSAGE_FEATURES.map((name, i) => [name, x[i]!])),
  );
}

const VILNIUS = retrieved("The congress met in Vilnius. It adopted a budget.", { lexical: 2, vector: 0.5 });
const PRAGUE = retrieved("The Prague session opened on Monday. It was chaired by Anna Petrova.", {
  docId: "b.md",
  lexical: 5,
  vector: 0.2,
});
const RUSSIAN = retrieved("Олег Рудаков вёл заседание.", {
  docId: "c.md",
  heading: "Prague session",
  vector: 0.4,
});
const POOL = [VILNIUS, PRAGUE, RUSSIAN];

describe("the passage ranker's features", () => {
  const [vilnius, prague, russian] = featuresOf("Who chaired the Prague session?", POOL);

  it("fusedPrior: 1 / (place + 1) in the pool's own order", () => {
    expect([vilnius!.fusedPrior, prague!.fusedPrior, russian!.fusedPrior]).toEqual([1, 1 / 2, 1 / 3]);
  });

  it("lexicalPrior and vectorPrior: the place by each half's score, 0 where that half did not find it", () => {
    expect([vilnius!.lexicalPrior, prague!.lexicalPrior, russian!.lexicalPrior]).toEqual([1 / 2, 1, 0]);
    expect([vilnius!.vectorPrior, prague!.vectorPrior, russian!.vectorPrior]).toEqual([1, 1 / 3, 1 / 2]);
  });

  it("lexicalShare and vectorShare: the score against the pool's best", () => {
    expect(prague!.lexicalShare).toBe(1);
    expect(vilnius!.lexicalShare).toBeCloseTo(0.4);
    expect(russian!.vectorShare).toBeCloseTo(0.8);
  });

  it("bestSentence, bestPair, wholePassage: two sentences in a row can answer what neither does alone", () => {
    expect(prague!.bestSentence).toBeGreaterThan(0);
    expect(prague!.bestSentence).toBeLessThan(1);
    expect(prague!.bestPair).toBe(1);
    expect(prague!.wholePassage).toBe(1);
    expect(vilnius!.bestSentence).toBe(0);
    expect(vilnius!.wholePassage).toBe(0);
  });

  it("heading and document: the section's title counts, and a document's passages in the pool together", () => {
    expect(russian!.heading).toBeGreaterThan(0);
    expect(prague!.heading).toBe(0);
    expect(russian!.document).toBe(russian!.heading);
    const split = [
      retrieved("The Prague session opened.", { docId: "d.md" }),
      retrieved("It was chaired by Anna Petrova.", { docId: "d.md", start: 100 }),
    ];
    const [first, second] = featuresOf("Who chaired the Prague session?", split);
    expect(first!.wholePassage).toBeLessThan(1);
    expect(first!.document).toBe(1);
    expect(second!.document).toBe(1);
  });

  it("shape: whether the best sentence looks like the answer's type (a number for 'how many')", () => {
    const pool = [
      retrieved("Delegates came to the Prague session from nine countries."),
      retrieved("74 delegates came to the Prague session.", { docId: "b.md" }),
    ];
    const [words, digits] = featuresOf("How many delegates came to the Prague session?", pool);
    expect(words!.shape).toBe(1); // "nine"
    expect(digits!.shape).toBe(1);
    const [none] = featuresOf("How many delegates came to the Prague session?", [
      retrieved("Delegates came to the Prague session."),
    ]);
    expect(none!.shape).toBe(0);
  });

  it("crossScript: the passage is written in the other script than the question", () => {
    expect([vilnius!.crossScript, russian!.crossScript]).toEqual([0, 1]);
    const [english] = featuresOf("Кто вёл сессию в Праге?", [VILNIUS]);
    expect(english!.crossScript).toBe(1);
  });

  it("headedSentence: one sentence read with its title and heading, apart from the passage's other sentences", () => {
    const attendance = retrieved("The Vilnius delegates met again. The hall was chaired by Anna Petrova.", {
      heading: "Prague session",
    });
    const [headed] = featuresOf("Who chaired the Prague session?", [attendance]);
    // The chair's sentence says "chaired", the heading "Prague session": together the whole question.
    expect(headed!.headedSentence).toBe(1);
    expect(headed!.bestSentence).toBeLessThan(1);
    expect(headed!.heading).toBeLessThan(1);
    const [unheaded] = featuresOf("Who chaired the Prague session?", [retrieved(attendance.passage.text)]);
    expect(unheaded!.headedSentence).toBe(unheaded!.bestSentence);
  });

  it("headedSentence: a table row is read with its table's header, in its passage or in one before it", () => {
    const header = "| Conf. | City | Chair |\n|---|---|---|\n";
    const question = readQuestion("Who chaired the Paris conference?");
    const read = (pool: RetrievedPassage[], preceding?: (p: Passage) => Passage | undefined) =>
      passageFeatures(question, pool, () => 1, [], preceding).map(
        (x) => x[PASSAGE_FEATURES.indexOf("headedSentence")],
      );
    // "Paris" in the row, "Chair" over its column: two of the question's three words.
    expect(read([retrieved(`${header}| VI | Paris | Anton Rybakov |`)])).toEqual([2 / 3]);
    const top = retrieved(`${header}| I | Riga | Irina Melnikova |`);
    const rest = retrieved("| VI | Paris | Anton Rybakov |", { start: top.passage.end + 1 });
    expect(read([rest])).toEqual([1 / 3]);
    expect(read([rest], (p) => (p === rest.passage ? top.passage : undefined))).toEqual([2 / 3]);
  });

  it("nearPrevious: 1 next to what the last answer quoted, 0.5 elsewhere in its document, 0 in another", () => {
    const far = retrieved("Later that year the presidium met again.", { docId: "b.md", start: 5000 });
    const [near, farther, other] = featuresOf(
      "and who chaired it?",
      [PRAGUE, far, VILNIUS],
      [{ docId: "b.md", start: 0, end: 36 }],
    );
    expect([near!.nearPrevious, farther!.nearPrevious, other!.nearPrevious]).toEqual([1, 0.5, 0]);
  });
});

describe("re-ranking the pool", () => {
  it("orders the passages by the fitted score of their features, keeping the pool's order among equals", () => {
    const q = readQuestion("Who chaired the Prague session?");
    const at = (name: (typeof PASSAGE_FEATURES)[number]) => PASSAGE_FEATURES.indexOf(name);
    const byPair = { passageScore: (x: readonly number[]) => x[at("bestPair")]! + x[at("heading")]! };
    expect(rerankPassages(q, POOL, () => 1, byPair).map((r) => r.passage.docId)).toEqual([
      "b.md",
      "c.md",
      "a.md",
    ]);
    const flat = { passageScore: () => 0 };
    expect(rerankPassages(q, POOL, () => 1, flat).map((r) => r.passage.docId)).toEqual([
      "a.md",
      "b.md",
      "c.md",
    ]);
  });
});
