// Reads a question: its content terms (with synonyms from a thesaurus) and the kind of answer it expects.
import nlp from "compromise";
import { synonymsOf } from "../text/thesaurus.js";
import { relatedWords, senseCount } from "../text/wordnet.js";
import { isStopWord, normalizeWord, stem, tokenize } from "../text/tokenize.js";

export type AnswerType = "person" | "date" | "place" | "number" | "reason" | "other";

export interface QueryTerm {
  term: string;
  /** Other stems that count as the same word (the dictionary form of an irregular one: "took" → "take"). */
  forms: string[];
  /** WordNet senses of the word (0 when unknown): many senses mean a common, vague word. */
  senses: number;
  /** Stems of synonyms, matched with a lower weight. */
  synonyms: string[];
  /** Stems of lexically related words from WordNet ("relevant" → "relevance"), matched with a lower weight still. */
  related: string[];
}

export interface Question {
  text: string;
  terms: QueryTerm[];
  type: AnswerType;
  /** Cyrillic questions are answered from the same corpus; no thesaurus for them. */
  cyrillic: boolean;
}

const TYPE_PATTERNS: [AnswerType, RegExp][] = [
  ["number", /\b(how (many|much)|what number of)\b|\bсколько\b|\bскільки\b/iu],
  [
    "date",
    /\b(when|what (year|date|day|month)|which (year|date|day|month))\b|\bкогда\b|\bколи\b|\bв каком году\b/iu,
  ],
  [
    "place",
    /\b(where|(what|which) (cit(y|ies)|countr(y|ies)|places?|nations?|regions?|states))\b|(^|\s)(где|куда|откуда|де|куди)(\s|$)/iu,
  ],
  ["person", /\b(who|whom|whose)\b|(^|\s)(кто|кого|хто)(\s|$)/iu],
  ["reason", /\b(why|for what reason)\b|\bпочему\b|\bзачем\b|\bчому\b/iu],
];

/** Words that shape the question but never appear in its answer. */
const QUESTION_WORDS = new Set([
  "who",
  "whom",
  "whose",
  "what",
  "when",
  "where",
  "which",
  "why",
  "how",
  "many",
  "much",
  "does",
  "did",
  "do",
]);

/**
 * The kind of answer asked for, and the span of the words that ask it ("which country", "what year"): those words
 * name the answer's type, not its content, so a sentence need not repeat them.
 */
function answerType(text: string): { type: AnswerType; asking?: { start: number; end: number } } {
  // Unicode \b does not work for Cyrillic in JS regexps, hence the (^|\s) forms above.
  for (const [type, re] of TYPE_PATTERNS) {
    const m = re.exec(text.toLowerCase());
    // Only "which/what NOUN" names the type with a noun; "date of birth" keeps its words.
    if (m)
      return {
        type,
        asking: /^(which|what) /.test(m[0]) ? { start: m.index, end: m.index + m[0].length } : undefined,
      };
  }
  return { type: "other" };
}

function synonymStems(word: string, own: string): string[] {
  const entry = synonymsOf(word) ?? synonymsOf(own) ?? {};
  const out = new Set<string>();
  for (const list of Object.values(entry)) {
    for (const syn of list) {
      if (syn.includes(" ") || syn.includes("-")) continue;
      const s = stem(normalizeWord(syn));
      if (s !== own && s.length >= 3 && !isStopWord(syn)) out.add(s);
    }
  }
  return [...out].slice(0, 12);
}

function relatedStems(word: string, root: string, own: string): string[] {
  const out = new Set<string>();
  for (const w of new Set([...relatedWords(word), ...relatedWords(root)])) {
    const s = stem(normalizeWord(w));
    if (s !== own && s.length >= 3 && !isStopWord(w)) out.add(s);
  }
  return [...out];
}

/** Dictionary forms of the English words of a question, by compromise ("took" → "take", "plans" → "plan"). */
function roots(text: string): Map<string, string> {
  const doc = nlp(text);
  doc.compute("root");
  const out = new Map<string, string>();
  const options = { terms: { root: true, normal: true } } as Parameters<typeof doc.json>[0];
  for (const s of doc.json(options) as { terms: { normal: string; root?: string }[] }[]) {
    for (const t of s.terms) if (t.root && t.root !== t.normal) out.set(t.normal, t.root);
  }
  return out;
}

export function readQuestion(text: string): Question {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  const cyrillic = /\p{Script=Cyrillic}/u.test(text);
  const rootOf = cyrillic ? new Map<string, string>() : roots(text);
  const { type, asking } = answerType(text);
  for (const t of tokenize(text)) {
    if (t.stop || QUESTION_WORDS.has(t.word) || seen.has(t.term)) continue;
    if (asking && t.start > asking.start && t.end <= asking.end) continue;
    seen.add(t.term);
    const root = rootOf.get(t.word) ?? t.word;
    const english = /^[a-z']+$/.test(root);
    terms.push({
      term: t.term,
      forms: root !== t.word ? [stem(root)].filter((f) => f !== t.term) : [],
      senses: english ? senseCount(root) || senseCount(t.word) : 0,
      synonyms: english ? synonymStems(root, stem(root)) : [],
      related: english ? relatedStems(t.word, root, t.term) : [],
    });
  }
  return { text, terms, type, cyrillic };
}
