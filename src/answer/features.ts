// What the answer scorer knows of a candidate sentence: one named number per feature, each with its own rule.
import type { Passage, Span } from "../corpus/types.js";
import { hasCyrillic } from "../text/tokenize.js";
import type { TurnSource } from "./follow-up.js";
import { tallySpan } from "./lead.js";
import type { Question } from "./question.js";

/** A candidate sentence as the features see it. */
export interface CandidateView {
  text: string;
  /** The sentence as read: a table row with its header's labels ("For: 45; Against: 6"), else its text. */
  read: string;
  passage: Passage;
  /** Where it stands in its document. */
  span: Span;
  /** Retrieval rank of its passage, from 0. */
  rank: number;
  /** Weighted share of the question's terms the sentence matches (0..1). */
  coverage: number;
  /** The same, where a word near in meaning counts for part of a term it does not match. */
  softCoverage: number;
  /** The same, counting also its passage's heading and title and the two sentences before it. */
  contextCoverage: number;
  /** The largest share of the question's weight that one term leaves unmatched by the sentence and its context. */
  worstMiss: number;
  /** The same, by every retrieved sentence of its document. */
  documentWorstMiss: number;
  /** The same, of its passage's title and heading alone: the section it stands in. */
  headingCoverage: number;
  /** Its passage's title and heading, the two sentences before it, and itself. */
  contextText: string;
  /** The same, over every retrieved sentence of its document. */
  documentCoverage: number;
  /** Best coverage of any candidate of the question. */
  bestCoverage: number;
  /** The hand-weighted score of the answerer before fitting: coverage, similarity, rank and a type bonus. */
  plainScore: number;
  /** Whether that score is the best of the question's candidates. */
  plainBest: boolean;
  /** Character n-gram similarity to the question (0..1). */
  similarity: number;
  /** Whether it mentions what the question asks for (a date for "when"…); undefined when not looked at. */
  typeFound?: boolean;
  /** How well and how near its matched words it mentions that (0..1: several for "which countries"). */
  typeNear?: number;
  /** Question terms (stems) it matches. */
  matched: Set<string>;
  /** Question terms some retrieved sentence of its document matches. */
  documentMatched: Set<string>;
  /** Whether it gives a response ("said", quoted words), for "How did X respond…?". */
  givesResponse: boolean;
  /** Whether it speaks of another year, place or name than the question does, and not of the question's. */
  speaksOfAnother: boolean;
  /** Whether it picks another by its own words, or its title does in the other script (`PICKING_CHECKS`). */
  picksAnother: boolean;
}

/** What the features know of the question beyond its reading. */
export interface QuestionContext {
  question: Question;
  /** Weighted share of the question's terms that no document uses in any form. */
  unknownShare: number;
  /** The largest share of the question's weight that one term no document uses takes. */
  worstUnknown: number;
  /** Spelling corrections made to meet the corpus. */
  corrections: number;
  /** Whether the question needs its type in the answer ("When…?", "How many…?", "Who won…?"). */
  needsType: boolean;
  /** Names of the question that some document uses, with the documents that use them. */
  namedIn: (name: string, docId: string) => boolean;
  /** Names of the question that some document uses. */
  usedNames: string[];
  /** Whether a text uses one of those names, in either script (`nameIn`); false for a name not among them. */
  names: (name: string, text: string) => boolean;
  /** For a follow-up, the spans the conversation's last answer quoted. */
  previous: TurnSource[];
  /** A document's opening (its title, byline and dateline: "*By Anton Rezvin — 2 October 2024*"); "" when unknown. */
  opening?: (docId: string) => string;
}

export interface Feature {
  name: string;
  value(c: CandidateView, ctx: QuestionContext): number;
}

const flag = (b: boolean) => (b ? 1 : 0);

const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двадцать|тридцать|сто|тысяч|миллион|двое|трое|четверо|пятеро|шестеро|семеро";
const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|январ|феврал|март|апрел|мая|май|июн|июл|август|сентябр|октябр|ноябр|декабр|понедельник|вторник|сред|четверг|пятниц|суббот|воскресень";
/** What an answer of each type looks like on the surface, cheaply, in English and Russian. */
const SHAPES: Partial<Record<Question["type"], RegExp>> = {
  number: new RegExp(`\\d|(?<![\\p{L}])(?:${NUMBER_WORDS})`, "iu"),
  date: new RegExp(`(?<!\\d)(?:1[89]|20)\\d\\d(?!\\d)|(?<![\\p{L}])(?:${MONTHS})`, "iu"),
  person: /\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?\s+\p{Lu}\p{Ll}+/u,
  place: /(?<=[\p{L},;:]\s+)\p{Lu}\p{Ll}+/u,
  reason:
    /(?<![\p{L}])(?:because|due to|owing to|as a result|after|following|since|citing|из-за|потому|так как|в связи|поскольку|после)(?![\p{L}])/iu,
};

/** Whether a sentence has the surface shape of the answer a question of this type wants (a digit for "how many"). */
export function hasShape(type: Question["type"], text: string): boolean {
  return SHAPES[type]?.test(text) ?? false;
}
const numbersOf = (text: string) => [...new Set(text.match(/(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])/g) ?? [])];

/** Numbers of a question or a passage, read once each: every candidate of a question asks for both. */
const numbersRead = new WeakMap<object, string[]>();
function numbersIn(owner: Question | Passage): string[] {
  let found = numbersRead.get(owner);
  if (!found) {
    // A passage's title and heading count as its own: "34 процента" under "…итоги 2024 года" is of 2024.
    const text = "title" in owner ? `${owner.title}\n${owner.heading}\n${owner.text}` : owner.text;
    numbersRead.set(owner, (found = numbersOf(text)));
  }
  return found;
}

/** Within this many characters of a passage the last answer quoted, a sentence is next to it. */
const NEXT_TO = 600;

/**
 * How near a stretch of a document (a sentence, a passage) lies to what the conversation's last answer quoted: 1 next
 * to a quoted span, 0.5 elsewhere in its document, 0 in another; the nearest of them.
 */
export function nearPrevious(at: Span & { docId: string }, previous: TurnSource[]): number {
  let near = 0;
  for (const s of previous) {
    if (at.docId !== s.docId) continue;
    near = Math.max(near, Math.max(at.start - s.end, s.start - at.end) <= NEXT_TO ? 1 : 0.5);
  }
  return near;
}

/** The scorer's inputs, in the order of the fitted weights (src/answer/model/weights.json). */
export const FEATURES: Feature[] = [
  { name: "coverage", value: (c) => c.coverage },
  { name: "softCoverage", value: (c) => c.softCoverage },
  { name: "contextCoverage", value: (c) => c.contextCoverage },
  { name: "worstMiss", value: (c) => c.worstMiss },
  { name: "documentWorstMiss", value: (c) => c.documentWorstMiss },
  { name: "headingCoverage", value: (c) => c.headingCoverage },
  { name: "documentCoverage", value: (c) => c.documentCoverage },
  { name: "shortOfBest", value: (c) => c.bestCoverage - c.coverage },
  { name: "similarity", value: (c) => c.similarity },
  { name: "plainScore", value: (c) => c.plainScore },
  { name: "plainBest", value: (c) => flag(c.plainBest) },
  { name: "rankPrior", value: (c) => 1 / (c.rank + 1) },
  { name: "typeFound", value: (c) => flag(c.typeFound === true) },
  { name: "shapeFound", value: (c, ctx) => flag(hasShape(ctx.question.type, c.text)) },
  {
    // The answer's shape where the topic is matched: both together, which a sum of the two does not say.
    name: "shapeInContext",
    value: (c, ctx) => c.contextCoverage * flag(hasShape(ctx.question.type, c.text) || c.typeFound === true),
  },
  { name: "typeNear", value: (c) => c.typeNear ?? 0 },
  { name: "typeMissing", value: (c, ctx) => flag(ctx.needsType && c.typeFound !== true) },
  { name: "unknownShare", value: (_, ctx) => ctx.unknownShare },
  { name: "corrected", value: (_, ctx) => flag(ctx.corrections > 0) },
  {
    // "What is the congress's annual budget?" of documents that never speak of a budget, in any form or language.
    name: "termUnknown",
    value: (_, ctx) => flag(ctx.worstUnknown >= 0.2),
  },
  {
    name: "attributeMissing",
    value: (c, ctx) => flag(ctx.question.attribute !== undefined && !c.matched.has(ctx.question.attribute)),
  },
  {
    name: "responseMissing",
    value: (c, ctx) => flag(ctx.question.response !== undefined && !c.givesResponse),
  },
  {
    // "Resolution No. 31", "the 2027 Sweep": a number the question names stands in the passage that answers, or in
    // its document's dateline ("…in the October 2024 column?" of a column dated "2 October 2024").
    name: "numberMissing",
    value: (c, ctx) =>
      flag(
        numbersIn(ctx.question).some(
          (n) =>
            !numbersIn(c.passage).includes(n) && !numbersOf(ctx.opening?.(c.passage.docId) ?? "").includes(n),
        ),
      ),
  },
  {
    // "Resolution No. 1": its number in the sentence or just before it, not only somewhere in the passage.
    name: "numbersNear",
    value: (c, ctx) => {
      const asked = numbersIn(ctx.question);
      if (asked.length === 0) return 0;
      const near = new Set(numbersOf(c.contextText));
      return asked.filter((n) => near.has(n)).length / asked.length;
    },
  },
  {
    // "Who chaired the Riga session?": the names the question uses, in the sentence or just before it.
    name: "namesNear",
    value: (c, ctx) => {
      const names = ctx.usedNames;
      if (names.length === 0) return 0;
      return names.filter((n) => ctx.names(n, c.contextText)).length / names.length;
    },
  },
  { name: "sentenceLength", value: (c) => Math.log(1 + c.text.length) / 6 },
  {
    // "the sixth session": a document that never says which one does not answer.
    name: "ordinalMissing",
    value: (c, ctx) =>
      flag(ctx.question.terms.some((t) => t.ordinal !== undefined && !c.documentMatched.has(t.ordinal))),
  },
  {
    name: "nameElsewhere",
    value: (c, ctx) => flag(ctx.usedNames.some((n) => !ctx.namedIn(n, c.passage.docId))),
  },
  { name: "speaksOfAnother", value: (c) => flag(c.speaksOfAnother) },
  {
    // "How did the vote go?": "Adopted: 58 for, 24 against, 15 abstentions", not the sentence about the motion.
    name: "tallyFound",
    value: (c, ctx) => flag(tallySpan(ctx.question.asks, c.read) !== undefined),
  },
  { name: "crossScript", value: (c, ctx) => flag(hasCyrillic(c.text) !== ctx.question.cyrillic) },
  { name: "cyrillicQuestion", value: (_, ctx) => flag(ctx.question.cyrillic) },
  {
    // "Who stood against him?" then "and where was she a deputy before?": the answer is often next to the last one.
    name: "nearPrevious",
    value: (c, ctx) => nearPrevious({ docId: c.passage.docId, ...c.span }, ctx.previous),
  },
  // "The Helsinki session cost €38,500" for "How much did the Berlin session cost?": a veto (weights.json).
  { name: "picksAnother", value: (c) => flag(c.picksAnother) },
  {
    // "What budget did the Congress approve?" then "how much of that is for sessions?": the sentence the last answer
    // quoted matches the words the follow-up borrows best, and said what was asked then, not now.
    name: "repeatsPrevious",
    value: (c, ctx) =>
      flag(
        ctx.previous.some((s) => s.docId === c.passage.docId && s.start < c.span.end && c.span.start < s.end),
      ),
  },
];

export function featureVector(c: CandidateView, ctx: QuestionContext): number[] {
  return FEATURES.map((f) => f.value(c, ctx));
}
