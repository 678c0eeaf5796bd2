// Reads a question: its content terms (with synonyms from a thesaurus) and the kind of answer it expects.
import nlp from "compromise";
import type { Span } from "../corpus/types.js";
import { synonymsOf } from "../text/thesaurus.js";
import {
  glossKinds,
  isKindOf,
  isVerb,
  isWordNetWord,
  namesInstance,
  type Link,
  linkedWords,
  placesOf,
  senseCount,
} from "../text/wordnet.js";
import {
  foldDiacritics,
  hasCyrillic,
  isStopWord,
  normalizeWord,
  stem,
  type Token,
  tokenize,
  writtenInCyrillic,
} from "../text/tokenize.js";
import { cognateKey, isCognate } from "../text/cognates.js";
import { writeOut } from "../text/chat-speak.js";
import { ENGLISH_ORDINALS } from "../text/ordinals.js";
import { namesBeings } from "../text/russian-morphology.js";
import { toLatin } from "../text/transliterate.js";
import { kindOfName, MODIFIED, type NamedRun, namedWords } from "../text/names.js";
import { type Asks, askedNoun, readAsks, type TaggedWord } from "./asks.js";

export { cognateKey, isCognate };

export type AnswerType = "person" | "date" | "place" | "number" | "reason" | "other";

export interface QueryTerm {
  term: string;
  /** The word as the question writes it, lower-cased: what word vectors know. */
  word?: string;
  /** Other stems that count as the same word (the dictionary form of an irregular one: "took" → "take"). */
  forms: string[];
  /** WordNet senses of the word (0 when unknown): many senses mean a common, vague word. */
  senses: number;
  /** Stems of synonyms, matched with a lower weight. */
  synonyms: string[];
  /** Stems of lexically related words from WordNet ("relevant" → "relevance"), matched with a lower weight still. */
  related: string[];
  /**
   * Stems of verbs that are ways of doing what this verb says ("finish" → "conclude", "work" → "collaborate"), and
   * of nouns whose glosses call them a kind of this noun ("meeting" → "session").
   */
  narrower: string[];
  /** The ordinal that picks out which one the question means: "sixth" in "the sixth session", "next". */
  ordinal?: string;
  /**
   * The places the question describes with this word instead of naming them ("Latvian" and "capital" in "the Latvian
   * capital": "riga"; "the Polish port city": "gdansk"); the corpus's own spellings once expanded (`expandQuestion`).
   */
  places?: string[];
  /** Borrowed from the conversation by a follow-up, not asked in its own words: it counts for less. */
  context?: boolean;
  /** The name this word is part of ("Congress of People's Deputies"), numbered from 0 within the question. */
  name?: number;
  /** A Cyrillic word's sound in Latin letters (`cognateKey`), to meet its English cognate: "сессия", "session". */
  cognate?: string;
  /**
   * Translations of several words, each as its stems (`expandQuestion`; "roundtable" → ["кругл", "стол"]): one
   * matches a sentence that has its words together, stop words aside (`matchable`).
   */
  phrases?: string[][];
}

export interface Question {
  text: string;
  terms: QueryTerm[];
  type: AnswerType;
  /** The question asks for several of its type: "Which countries…?", "Who are…?". */
  several: boolean;
  /**
   * A question that asks two things ("Where…, and when…?") as two questions, each answered on its own; empty for a
   * question of one part, or when a part has no words of its own ("How many…, and which are they?").
   */
  parts: Question[];
  /** Cyrillic questions are answered from the same corpus; no thesaurus for them. */
  cyrillic: boolean;
  /** For "What is X?", "Who is Ilya Ponomarev?", "Что такое X?": X, as the question writes it. */
  defines?: string;
  /**
   * For "Who is the president of Ukraine?" and "What is the population of Warsaw?": the stem of the role (a kind of
   * person) or the attribute asked about. A sentence that does not name it does not answer, whatever else it says.
   */
  attribute?: string;
  /** Years the question names ("the 2027 Sweep"): documents that answer speak of that year where they answer. */
  years: string[];
  /** Capitalised words after the first ("How many people live on Skarvøy?"): names, of Latin letters. */
  names: string[];
  /**
   * For "How did X respond (react, reply) to Y?" and "What did X say (state, announce)?", the asking verb's stem: a
   * sentence answers with a response (the verb, a form, a synonym or a derivation: "said", "reaction") or with quoted
   * words.
   */
  response?: string;
  /**
   * For a part of "When does the session start and end?", the term that part asks about ("end"): a sentence that
   * does not match it answers the other part, not this one.
   */
  focus?: string;
  /** What it asks for beyond its type: an age, a day, a kind of place, what it counts, a side of a vote. */
  asks: Asks;
  /**
   * Its names after the first word (`namedWords`: "Riga" a place, "Ilya Ponomarev" a name) and the places it writes in
   * lower case ("the riga session"): a sentence that names another where it names none of them speaks of another.
   */
  named: NamedRun[];
  /**
   * The nouns it picks one of by a name ("the Berlin session", "the warsaw session", "the Latvian government"), each
   * with its name, lower-case, and the noun's stem.
   */
  picks: PickedNoun[];
}

/** A noun a question picks one of by a name: "the Berlin session" → { name: "berlin", head: "session" }. */
export interface PickedNoun {
  name: string;
  head: string;
}

/** Any of `phrases` as whole words. (`\b` knows only ASCII letters: it never bounds a Cyrillic word.) */
const anyOf = (...phrases: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join("|")})(?![\\p{L}\\p{N}])`, "iu");

const TYPE_PATTERNS: [AnswerType, RegExp][] = [
  [
    "number",
    anyOf(
      "how (?:many|much|old|big|large|long|soon|far|high|tall|thick|deep|wide|often|close|fast|quickly)",
      "what number of",
      "скольк\\p{L}* (?:(?:было|будет|ей|ему|им|тогда) )?лет",
      "скольк\\p{L}*",
      "скока",
      "скільки",
    ),
  ],
  [
    "date",
    anyOf(
      "when",
      "(?:what|which) (?:year|date|day|month)s?",
      "(?:date|year|day) of (?:birth|death)",
      "birthday",
      // "When was she born?" is asked by "when"; "Where was she born?" asks for a place.
      "(?<!where [\\p{L} ]*)born",
      "когда",
      "коли",
      "в (?:какой|какие) (?:день|дни)",
      "в каком (?:году|месяце)",
      "какого числа",
      "дата",
    ),
  ],
  [
    "place",
    anyOf(
      "where",
      "(?:what|which) (?:cit(?:y|ies)|countr(?:y|ies)|places?|nations?|regions?|states)",
      "(?:как|котор)(?:ой|ая|ые|ие|ими|ых|их|ом|ую|ом) (?:стран|город|регион|мест)\\p{L}*",
      "где",
      "куда",
      "откуда",
      "де",
      "куди",
    ),
  ],
  ["person", anyOf("who", "whom", "whose", "кто", "кого", "хто", "как зовут", "как звали")],
  ["reason", anyOf("why", "for what reason", "почему", "зачем", "чому")],
];

/**
 * Questions that ask for figures without an asking word for them: a vote, a budget, a share ("88 in favour, 31
 * against", "410,000 euros"). Their nouns are the question's content, so they stay its terms.
 */
const QUANTITY = anyOf(
  "(?:what|which|whats|what's) (?:was|is|were|are)? ?(?:[\\p{L}\\p{N}'’-]+ ){0,4}?(?:vote|votes|tally|count|quorum|results? of the (?:[\\p{L}-]+ )?vote|score|turnout|budget|cost|costs|price|fee|dues|salary|expenditure|spending|share|percentage|proportion|margin|amount|sum|size|age)",
  // "What was the Platform of Democratic Deputies' budget…?", "What is the Youth Chamber's total annual budget?"
  "(?:what|whats|what's) (?:was|is|were|are)? ?(?:the )?(?:[\\p{L}\\p{N}-]+ ){0,4}[\\p{L}-]+(?:['’]s|s['’]) (?:[\\p{L}-]+ ){0,2}(?:budget|cost|costs|price|fee|dues|salary)",
  // "What's the minimum number of members…?" (not "Which resolution attracted the largest number of votes?").
  "(?:what|whats|what's) (?:was|is|were|are)? ?(?:the )?(?:\\p{L}+ )?number of",
  "what (?:does|do|did) (?:[\\p{L}'’-]+ ){1,7}(?:pay|cost|charge|earn)",
  "(?:what|which) (?:share|percentage|proportion|amount|sum|fee|budget|age)",
  // "what % of members…", "vote count for setting up the committee?"
  "what ?%",
  "vote (?:count|tally)",
  "how did (?:the )?(?:\\p{L}+ )*vote",
  "каким (?:числом|количеством|большинством)",
  "как (?:про)?голосовал\\p{L}*",
  "(?:результат|итог)\\p{L}* голосовани\\p{L}*",
  // "С каким счётом…?", "счёт голосования": a vote's score, not "какой счёт" (an account).
  "с каким сч[её]том",
  "как\\p{L}* сч[её]т голосовани\\p{L}*",
  "(?:какой|каков|каким|какую|какая|какова|какое|каково) (?:\\p{L}+ ){0,2}(?:бюджет\\p{L}*|смет\\p{L}*|взнос\\p{L}*|срок\\p{L}*|процент\\p{L}*|дол[яиюе]\\p{L}*|размер\\p{L}*|сумм\\p{L}*|возраст\\p{L}*|зарплат\\p{L}*|стоимост\\p{L}*|цен[аыу]|гонорар\\p{L}*|числ[оа]|количеств[оа])",
  "на какой срок",
  "с какого возраста",
);

/** WordNet senses per part of speech whose synset-mates count as synonyms ("first" → "inaugural" is the third). */
const SYNONYM_SENSES = 3;

/**
 * Words that shape the question but never appear in its answer. Russian has them in every case and gender, and the
 * stop-word list has only some ("какой" but not "какими", whose stem "как" would then be a term the answer lacks).
 */
const QUESTION_WORDS = new Set(
  [
    "who whom whose what when where which why how many much does did do",
    "какой какая какое какие какого какому каким каком какую каких какими каков",
    "который которая которое которые которого которому которым котором которую которой которых которыми",
    "чей чья чье чьи чьего чьему чьим чьем чьей чьих",
    "кто кого кому кем ком что чего чему чем сколько почему зачем куда откуда где когда",
  ].flatMap((line) => line.split(" ")),
);

/** "What is X?", "Who was X?", "Что такое X?", "Кто такой X?": X is the rest of the question. */
const DEFINITION =
  /^\s*(?:(?:what|who)\s+(?:is|are|was|were)|что\s+такое|кто\s+так(?:ой|ая|ое|ие))\s+(.+?)[\s?？.!]*$/iu;

/**
 * "How does X describe itself?", "What does X call itself?": X's own account of what it is, which texts give as
 * "X, a self-described…", "X, which calls itself…".
 */
const SELF_DESCRIPTION =
  /^\s*(?:how|what)\s+(?:does|do|did)\s+(.+?)\s+(?:describe|characteri[sz]e|define|call|present|style|see|view|regard|position|identify)\s+(?:itself|themselves|himself|herself)\b/iu;

/**
 * What a question asks to have defined: X of "What is X?" when X is a name ("the Congress of People's Deputies") or
 * a thing without a "whose" or "of what" ("the congress", but not "the weather in Warsaw", "the congress's budget");
 * of "Who is X?" only a name ("Who is the press secretary?" asks for a person). Any X of the Russian forms.
 */
function definitionSubject(text: string): string | undefined {
  const self = SELF_DESCRIPTION.exec(text);
  if (self) return self[1];
  const m = DEFINITION.exec(text);
  if (!m) return undefined;
  const subject = m[1]!;
  const bare = subject.replace(/^(?:the|a|an)\s+/i, "");
  const name =
    nameSpans(bare).some((n) => n.start === 0 && n.end === bare.length) || /^\p{Lu}\p{L}*$/u.test(bare);
  if (hasCyrillic(text) || name) return subject;
  const thing = !/['’]s\b|\s(?:of|in|on|at|for|about|to|from|with|by)\s/i.test(` ${bare} `);
  return /^what/i.test(text.trim()) && thing ? subject : undefined;
}

/**
 * "Who is the [press] secretary of/at/in/for…?", "Who was the congress's [press] secretary?", and the same with "what"
 * ("What is the population of Warsaw?", "What is the congress's annual budget?"): the noun asked about.
 */
const ATTRIBUTE = [
  /^\s*(who|what)\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}([a-z]+)\s+(?:of|at|in|for)\s/i,
  // Case matters here (no "i" flag): a possessor of several words is a name ("the Free Dastova Forum's"), or a
  // noun with a word before it ("the rescue team's"). The noun may have two words before it ("total annual
  // budget"), and a year after it.
  /^\s*([Ww]ho|[Ww]hat)\s+(?:is|was|are|were)\s+(?:the\s+)?(?:(?:[a-z-]+\s+)?[\p{L}-]+['’]s|(?:\p{Lu}[\p{L}-]*\s+){1,4}\p{Lu}[\p{L}-]*['’]s)\s+(?:[a-z-]+\s+){0,2}([a-z]+)(?:\s+in\s+\d{4})?[\s?？.!]*$/u,
];

/** A question about someone's birth: what a sentence must say to answer it. */
const BIRTH = /(?<![\p{L}])(born|родил(?:ся|ась|ись))(?![\p{L}])/iu;

/** Nouns that ask for a kind of answer rather than name a thing the documents must mention: "What is the name of…?" */
const ASKING_NOUNS = new Set("name title type kind sort meaning result outcome".split(" "));

/**
 * What a "Who/What is the X of Y?" question asks about (`Question.attribute`): for "who", X when it is a kind of
 * person; for "what", X unless it only asks for a kind of answer; for a question about a birth, "born".
 */
function attributeOf(text: string, defines: string | undefined): { attribute?: string } {
  // "What is the Congress of People's Deputies?" asks what it is, not about its congress.
  if (defines) return {};
  // "Where was Vera Kuzmina born?", "В каком году родилась Марина Ким?": a sentence that does not say "born" (a
  // place she lives in, the year of a prize) does not answer.
  const birth = BIRTH.exec(text)?.[1];
  if (birth) return { attribute: stem(birth.toLowerCase()) };
  const m = ATTRIBUTE.map((re) => re.exec(text)).find((x) => x !== null);
  if (!m) return {};
  const [asking, word] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
  const asked = asking === "who" ? isKindOf(word, ["person"]) : !ASKING_NOUNS.has(word) && !isStopWord(word);
  return asked ? { attribute: stem(word) } : {};
}

/**
 * The kind of answer asked for, and the span of the words that ask it ("which country", "what year"): those words
 * name the answer's type, not its content, so a sentence need not repeat them.
 */
function answerType(text: string, words?: TaggedWord[]): { type: AnswerType; asking?: Span } {
  // Unicode \b does not work for Cyrillic in JS regexps, hence the (^|\s) forms above.
  // The asking words that come first ask: "What was the tally when the committee was created?" asks for a tally,
  // "Where was she when…?" for a place; a later "when" opens a clause.
  let first: { type: AnswerType; m: RegExpExecArray } | undefined;
  for (const [type, re] of TYPE_PATTERNS) {
    const m = re.exec(text.toLowerCase());
    if (m && (!first || m.index < first.m.index)) first = { type, m };
  }
  const quantity = QUANTITY.exec(text);
  if (quantity && (!first || quantity.index < first.m.index)) {
    // "Which deputy cast the deciding vote?" asks for a person, whatever the vote's words.
    const kind = /^\s*(?:which|what)\s/i.test(quantity[0]) ? kindAsked(text, words) : undefined;
    return { type: kind ?? "number" };
  }
  if (!first) return { type: kindAsked(text, words) ?? "other" };
  const { type, m } = first;
  // Only "which/what NOUN" ("в какой день") names the type with a noun, and "how ADJECTIVE" its measure ("How old
  // is she?": "Lebedeva, 41," says no "old"; "Сколько ей лет?" the same); "date of birth" keeps its words.
  return {
    type,
    asking: /^(?:which |what |в как|какого |how (?!many|much))|^скольк.* лет$/u.test(m[0])
      ? { start: m.index, end: m.index + m[0].length }
      : undefined,
  };
}

/**
 * "Which council member…?", "In which town…?", "Какой депутат…?": the type a "which" question's noun is a kind of,
 * a person or a place (WordNet's "person" and "region"; a Russian noun that names living beings); undefined for any
 * other noun ("Which resolution…?", "Which German foundation…?").
 */
function kindAsked(text: string, terms: TaggedWord[] | undefined): AnswerType | undefined {
  if (terms) {
    const head = askedNoun(terms);
    if (!head) return undefined;
    if (isKindOf(head, ["person"])) return "person";
    // A region, not any location: "What academic post…?" is no place, though a sentry's post is.
    if (isKindOf(head, ["region"])) return "place";
    return undefined;
  }
  const russian = /(?<![\p{L}])(?:как|котор)(?:ой|ая|ое|ие|ого|ому|ым|ом|ую|их|ыми)\s+(\p{L}+)/iu.exec(
    text,
  )?.[1];
  return russian && namesBeings(russian) ? "person" : undefined;
}

/**
 * Synonyms from the thesaurus (its first dozen), then WordNet's synset-mates of the word's first senses, of each of
 * `words` (the word as written and its dictionary form: "authorities" is a WordNet word of its own).
 */
function synonymStems(words: string[], own: string): string[] {
  const out = new Set<string>();
  for (const word of new Set(words)) {
    const entry = synonymsOf(word) ?? {};
    const thesaurus = Object.values(entry)
      .flat()
      .filter((syn) => /^[a-z]+$/i.test(syn));
    const before = out.size;
    for (const [i, list] of [thesaurus, linkedWords(word, "synonym", SYNONYM_SENSES)].entries()) {
      for (const syn of list) {
        const s = stem(normalizeWord(syn));
        if (s !== own && s.length >= 3 && !isStopWord(syn) && (i > 0 || out.size < before + 12)) out.add(s);
      }
    }
  }
  return [...out];
}

function relatedStems(
  word: string,
  root: string,
  own: string,
  link: Link = "derived",
  verb = false,
): string[] {
  const out = new Set<string>();
  const senses = link === "derived" ? undefined : SYNONYM_SENSES;
  // A noun's narrower words are the nouns its glosses call kinds of it: "session" of "meeting".
  // A verb has none: "presided" would get the presidents whose glosses are headed by "President" (stem "presid").
  const kinds = link === "narrower" && !verb ? [...glossKinds(word), ...glossKinds(root)] : [];
  for (const w of new Set([
    ...linkedWords(word, link, senses),
    ...linkedWords(root, link, senses),
    ...kinds,
  ])) {
    const s = stem(normalizeWord(w));
    if (s !== own && s.length >= 3 && !isStopWord(w)) out.add(s);
  }
  return [...out];
}

/**
 * The past tense and participle of an irregular verb, which a stemmer never brings back to it: "hold" → "held",
 * "choose" → "chose", "chosen". None for a regular verb, a word that is no verb, or a form compromise reads as
 * another verb's ("found" is also the past of "find").
 */
function irregularForms(root: string): string[] {
  const conjugated = conjugate?.(root, nlp.model());
  if (!conjugated || conjugated.Infinitive !== root) return [];
  return [conjugated.PastTense, conjugated.Participle].filter(
    (f): f is string => f !== undefined && /^[a-z]+$/.test(f) && stem(f) !== stem(root),
  );
}

/**
 * compromise's verb conjugator without a document (microseconds, where `nlp(word).verbs().conjugate()` takes a
 * millisecond or more): the method its own plugins use.
 */
const conjugate = (
  nlp.methods() as {
    two?: { transform?: { verb?: { conjugate?: (verb: string, model: unknown) => Record<string, string> } } };
  }
).two?.transform?.verb?.conjugate;

function participleRoot(word: string): string | undefined {
  const infinitive = nlp(word).verbs().toInfinitive().text();
  return /^[a-z]+$/.test(infinitive) ? infinitive : undefined;
}

/**
 * The words of an English question as compromise reads them, and their dictionary forms ("took" → "take", "plans" →
 * "plan") and which of them are verbs.
 */
function roots(doc: ReturnType<typeof nlp>): {
  words: TaggedWord[];
  rootOf: Map<string, string>;
  verbs: Set<string>;
} {
  doc.compute("root");
  const rootOf = new Map<string, string>();
  const verbs = new Set<string>();
  const options = { terms: { root: true, normal: true, tags: true } } as Parameters<typeof doc.json>[0];
  const words = (doc.json(options) as { terms: TaggedWord[] }[]).flatMap((s) => s.terms);
  for (const t of words) {
    // compromise leaves irregular participles without a root ("has grown"); its conjugator knows them.
    const root = t.root ?? (t.tags.includes("Participle") ? participleRoot(t.normal) : undefined);
    if (root && root !== t.normal) rootOf.set(t.normal, root);
    if (t.tags.includes("Verb")) verbs.add(t.normal);
  }
  return { words, rootOf, verbs };
}

/** "itself", "themselves": what a question says of X and X, a text may say with "self-" ("self-described"). */
const REFLEXIVE = /^(?:it|him|her|them|one|my|your|our)sel(?:f|ves)$/;

/** Longest first: "call into question" before "call into". */
const PHRASE_LENGTHS = [4, 3, 2];

/**
 * The WordNet phrase starting at token `i` ("stand for", "take place", "carry out"), its first word in its dictionary
 * form, and how many tokens it spans; undefined when none starts there.
 */
function phraseAt(tokens: Token[], i: number, root: string): { phrase: string; length: number } | undefined {
  for (const n of PHRASE_LENGTHS) {
    if (i + n > tokens.length) continue;
    const phrase = [root, ...tokens.slice(i + 1, i + n).map((t) => t.word)].join("_");
    if (isWordNetWord(phrase)) return { phrase, length: n };
  }
  return undefined;
}

/**
 * Names of several words in a question: capitalised words, possibly joined by "of", "the" or "for"
 * ("Congress of People's Deputies", "Ilya Ponomarev"). A question word that opens the question is no name.
 */
const NAME = /\p{Lu}[\p{L}'’]*(?:\s+(?:(?:of|the|for)\s+)*\p{Lu}[\p{L}'’]*)+/gu;

function nameSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(NAME)) {
    let start = m.index;
    const first = /^\p{L}+/u.exec(m[0])![0].toLowerCase();
    // "Who Ilya…": drop the opening question or stop word.
    if (QUESTION_WORDS.has(first) || isStopWord(first)) start += m[0].search(/\s\p{Lu}/u) + 1;
    const end = m.index + m[0].length;
    if (/\s/u.test(text.slice(start, end))) out.push({ start, end });
  }
  return out;
}

/** English ordinals by rank from 1, then the words that pick the one after, before, or last of a series. */
const ORDINAL_WORDS = [...ENGLISH_ORDINALS, "next", "previous", "last"];

/** Words that pick out one of a series, by their stems (every case of the Russian ones stems alike). */
const ORDINAL_RANKS = new Map(
  [
    ORDINAL_WORDS,
    "первый второй третий четвертый пятый шестой седьмой восьмой девятый десятый следующий предыдущий последний".split(
      " ",
    ),
  ]
    .flatMap((list) => list.map((word, i) => [stem(word), i + 1] as const))
    .concat(
      // Adjectives that pick one of a series as an ordinal does: "its inaugural session" is its first.
      Object.entries({
        first: "inaugural initial maiden",
        next: "subsequent upcoming",
        last: "final",
      }).flatMap(([ordinal, words]) =>
        words.split(" ").map((w) => [stem(w), ORDINAL_WORDS.indexOf(ordinal) + 1] as const),
      ),
    ),
);

/**
 * The English word for what a Russian ordinal means ("перв" → ["first"]; none for other words): its synonyms are
 * the Russian word's too ("первое заседание" ~ "inaugural session").
 */
function ordinalWords(term: string): string[] {
  const rank = ORDINAL_RANKS.get(term);
  return rank === undefined ? [] : [ORDINAL_WORDS[rank - 1]!];
}

/** "5th", "21st": an ordinal in digits, which needs no determiner before it. */
const NUMERIC_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/**
 * Which one of a series an ordinal stem picks, the same in either language ("fifth", "пят", "5th" → 5; "next" and
 * "следующ" → 11); undefined for a stem that is no ordinal.
 */
export function ordinalRank(ordinal: string): number | undefined {
  const digits = NUMERIC_ORDINAL.exec(ordinal);
  return digits ? Number(digits[1]) : ORDINAL_RANKS.get(ordinal);
}

/** An English ordinal qualifies a noun after one of these ("its fifth session"), not a verb ("first convened"). */
const DETERMINERS = new Set("the a an its their his her our my your this that these those".split(" "));

/** The ordinal stem among the two tokens before token `i` ("its fifth plenary session"), if any. */
export function ordinalBefore(tokens: Token[], i: number): string | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
    const t = tokens[j]!;
    if (NUMERIC_ORDINAL.test(t.word)) return t.term;
    if (!ORDINAL_RANKS.has(t.term)) continue;
    // "the very first session": "very" stands between the determiner and the ordinal.
    const k = tokens[j - 1]?.word === "very" ? j - 2 : j - 1;
    const before = tokens[k]?.word ?? "";
    if (hasCyrillic(t.word) || DETERMINERS.has(before) || before.endsWith("'s")) return t.term;
  }
  return undefined;
}

/**
 * "Which countries…?", "Who are…?", "What elements…?": the question asks for several of its type. `doc` is the
 * question as compromise read it (none for a Cyrillic one).
 */
function asksForSeveral(text: string, asking: Span | undefined, doc?: ReturnType<typeof nlp>): boolean {
  return (
    (asking !== undefined && /s$/i.test(text.slice(asking.start, asking.end))) ||
    /\b(who|what) (are|were)\b/i.test(text) ||
    (doc?.match("^(what|which) #Plural").found ?? false) ||
    // "Which five institutes set up the network?": a number of them.
    (doc?.match("^(what|which) #Value+ #Adjective? #Plural").found ?? false) ||
    // "В каких странах…?", "С какими странами…?", "Какие организации…?": Russian asks for several by its plural.
    /(?<![\p{L}])(?:какие|каких|какими|каковы)(?![\p{L}])/iu.test(text)
  );
}

/** "and"/"or" before a second question word: "Where…, and when…?". */
const SECOND_PART =
  /[\s,;]+(?:and|or|и|или)\s+(?=(?:(?:in|on|at|from|since|by|for|with|в|во|на|с|из|до|за)\s+)?(?:who|whom|whose|what|when|where|which|why|how|кто|что|когда|где|какие|какой|каком|какую|почему|как|сколько)(?:\s|$))/iu;

/** Two asking words first, joined by "and": "When and where was it founded?", "Где и когда прошла сессия?". */
const ASKED_TOGETHER =
  /^\s*(when|where|who|когда|где|кто)\s+(?:and|и)\s+((?:(?:in|at|on|в|на)\s+)?(?:which|what|как(?:ой|ом|ую|ая))\s+\p{L}+|when|where|who|когда|где|кто)\s+(\S.*)$/iu;

/** Two words joined by "and"/"or" that end the question: "…does the session start and end?". */
const LAST_PAIR = /(?<=^|\s)(\p{Ll}+)\s+(?:and|or|и|или)\s+(\p{Ll}+)(?=\s*[?？]?\s*$)/u;

/**
 * The two questions of "Where…, and when…?", or of a question ending in two words it asks about alike ("When does
 * the session start and end?": when it starts, and when it ends); undefined for a question of one part.
 */
function splitParts(text: string): { text: string; focus?: string }[] | undefined {
  const pair = LAST_PAIR.exec(text);
  if (pair && !pair.slice(1).some((w) => isStopWord(w) || QUESTION_WORDS.has(w))) {
    const before = text.slice(0, pair.index);
    const after = text.slice(pair.index + pair[0].length);
    return pair.slice(1, 3).map((w) => ({ text: `${before}${w}${after}`, focus: stem(normalizeWord(w)) }));
  }
  const pairFirst = ASKED_TOGETHER.exec(text);
  if (pairFirst)
    return [pairFirst[1]!, pairFirst[2]!].map((asking) => ({ text: `${asking} ${pairFirst[3]}` }));
  const m = SECOND_PART.exec(text);
  if (!m || m.index === 0) return undefined;
  const first = text.slice(0, m.index).trim();
  const second = text.slice(m.index + m[0].length).trim();
  if (!first || !second) return undefined;
  return [{ text: /[?？]$/.test(first) ? first : `${first}?` }, { text: pointedAt(second, first) }];
}

/**
 * A second part that points at the first part's subject by "one", with the subject's noun in its place: "Who chaired
 * the Tallinn congress and who chaired the Warsaw one?" asks who chaired the Warsaw "congress"; alone, "the Warsaw
 * one" says nothing of what it is. (An "it" put in the same way cost more answers than it gained: its sentences name
 * "the session" of another instance; and "it" may be the first part's answer.)
 */
export function pointedAt(second: string, first: string): string {
  if (!/\bone\b/i.test(second)) return second;
  const head = subjectHead(first);
  if (!head) return second;
  return second.replace(
    /\bthe\s+((?:\S+\s+)?)one\b(?!\s+of\b)/gi,
    (_, modifier: string) => `the ${modifier}${head}`,
  );
}

/** A compromise term as `json()` gives it. */
interface NlpTerm {
  text: string;
  post: string;
  tags: string[];
}

/**
 * The head noun of an English question's first noun phrase opened by "the" or "this": "office" of "When did the Kyiv
 * representative office open?", "offer" of "…backed the offer of mediation with…". The phrase ends before a verb or
 * a preposition; after "did", before the first word WordNet has as a verb ("open"), which the tagger may read as a
 * noun.
 */
export function subjectHead(text: string): string | undefined {
  if (hasCyrillic(text)) return undefined;
  const terms: NlpTerm[] = nlp(text).json()[0]?.terms ?? [];
  const start = terms.findIndex((t) => /^(?:the|this)$/i.test(t.text));
  if (start < 0) return undefined;
  const auxiliary = terms.slice(0, start).some((t) => /^(?:do|does|did)$/i.test(t.text));
  const capital = (t?: NlpTerm) => t !== undefined && /^\p{Lu}/u.test(t.text);
  const words: NlpTerm[] = [];
  for (let i = start + 1; i < terms.length; i++) {
    const t = terms[i]!;
    // "the Budget and Audit Commission": "and" inside a name.
    const inName = /^and$/i.test(t.text) && capital(terms[i - 1]) && capital(terms[i + 1]);
    const tags = new Set(t.tags);
    const nominal = ["Noun", "Adjective", "Value"].some((tag) => tags.has(tag));
    const stops = ["Verb", "Preposition", "Determiner", "Conjunction", "Pronoun"].some((tag) =>
      tags.has(tag),
    );
    if (!inName && (stops || !nominal)) break;
    if (auxiliary && words.length > 0 && !capital(t) && isVerb(t.text.toLowerCase())) break;
    words.push(t);
    if (/[,;:?!.]/.test(t.post)) break;
  }
  return words.at(-1)?.text.replace(/['’]s$/i, "");
}

/**
 * Reads a question once for every later step. `cyrillic`: whether it is asked in Russian, when the text is more than
 * the asker's words (a follow-up with the names it borrows: "and where does he live (Григорий Островский)?").
 */
export function readQuestion(asked: string, cyrillic = writtenInCyrillic(asked)): Question {
  // "how many ppl came", "скока чел было": chat spellings written out before anything is read.
  const text = writeOut(asked);
  const split = splitParts(text);
  const whole = readPart(text, cyrillic);
  if (!split) return whole;
  const [first, second] = split.map((p) => ({
    ...readPart(p.text, cyrillic),
    ...(p.focus ? { focus: p.focus } : {}),
  })) as [Question, Question];
  // "How many…, and which are they?": a part without words of its own asks about the same thing. A word asked
  // about that is no term of its own ("place" in "take place and end") cannot be matched: the question stays whole.
  const unmatchable = (p: Question) => p.focus !== undefined && !p.terms.some((t) => t.term === p.focus);
  // "When was the Charter adopted, and in which city?": a second part that asks for another type, in no words of
  // its own, asks it of the first part's words.
  const asksOfFirst = second.terms.length === 0 && second.type !== "other" && second.type !== first.type;
  const last = asksOfFirst ? { ...second, terms: first.terms } : withTopicOf(first, second);
  if (first.terms.length === 0 || last.terms.length === 0 || unmatchable(first) || unmatchable(last))
    return whole;
  return { ...whole, parts: [first, last] };
}

/**
 * Words that single out which one a question means: an ordinal and what it qualifies, a year. Not a name: a second
 * part may ask about someone else than the first part names ("Who ran against Arseny Dolgikh, and how many votes did
 * she get?").
 */
const singlesOut = (t: QueryTerm) =>
  t.ordinal !== undefined || ordinalRank(t.term) !== undefined || /^\d{4}$/.test(t.term);

/**
 * "Who chaired the third session, and how many delegates were present?": a second part that singles out nothing of its
 * own asks about what the first part singles out, and borrows those words, for less, as a follow-up does.
 */
function withTopicOf(first: Question, second: Question): Question {
  return second.terms.some(singlesOut) ? second : borrowing(second, first.terms.filter(singlesOut));
}

/**
 * A question with words it borrows from elsewhere (the first part of its question, the name an answer gave) added
 * after its own, marked borrowed (`QueryTerm.context`: they count for less); a word it has already is not added.
 */
export function borrowing(q: Question, terms: readonly QueryTerm[]): Question {
  const own = new Set(q.terms.map((t) => t.term));
  const borrowed = terms.filter((t) => !own.has(t.term)).map((t) => ({ ...t, context: true }));
  return borrowed.length ? { ...q, terms: [...q.terms, ...borrowed] } : q;
}

function readPart(text: string, cyrillic: boolean): Question {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  const doc = cyrillic ? undefined : nlp(text);
  const { words, rootOf, verbs } = doc
    ? roots(doc)
    : { words: undefined, rootOf: new Map<string, string>(), verbs: new Set<string>() };
  const defines = definitionSubject(text);
  const { type, asking } = answerType(text, words);
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (QUESTION_WORDS.has(t.word) || seen.has(t.term)) continue;
    if (asking && t.start > asking.start && t.end <= asking.end) continue;
    const root = rootOf.get(t.word) ?? t.word;
    const english = /^[a-z']+$/.test(root);
    // A phrase may start with a stop word ("take place"); a stop word alone is no term.
    const phrase = english ? phraseAt(tokens, i, root) : undefined;
    if (!phrase && t.stop) continue;
    seen.add(t.term);
    const forms = [
      ...new Set([
        ...(root !== t.word ? [stem(root)] : REFLEXIVE.test(t.word) ? ["self"] : []),
        ...(english ? irregularForms(root).map((f) => stem(f)) : []),
      ]),
    ].filter((f) => f !== t.term);
    if (phrase) {
      // A phrase means what its synonyms mean, not what its words do: "stand for" is "represent", not "stand".
      for (const later of tokens.slice(i + 1, i + phrase.length)) seen.add(later.term);
      i += phrase.length - 1;
      const { phrase: p } = phrase;
      terms.push({
        term: t.term,
        forms,
        senses: senseCount(p),
        synonyms: synonymStems([p], t.term),
        related: relatedStems(p, p, t.term),
        narrower: relatedStems(p, p, t.term, "narrower"),
      });
    } else {
      terms.push({
        term: t.term,
        word: t.word,
        forms,
        senses: english ? senseCount(root) || senseCount(t.word) : 0,
        synonyms: synonymStems(english ? [root, t.word] : ordinalWords(t.term), stem(root)),
        related: english ? relatedStems(t.word, root, t.term) : [],
        narrower: english ? relatedStems(t.word, root, t.term, "narrower", verbs.has(t.word)) : [],
        ...(hasCyrillic(t.word) ? { cognate: cognateKey(toLatin(t.word)) } : {}),
      });
    }
  }
  // Where each term stands in the question: after an ordinal ("the sixth session"), inside a name.
  const names = nameSpans(text);
  for (const t of terms) {
    const i = tokens.findIndex((tok) => tok.term === t.term);
    const ordinal = ordinalBefore(tokens, i);
    if (ordinal && ordinal !== t.term) t.ordinal = ordinal;
    const name = names.findIndex((n) => tokens[i]!.start >= n.start && tokens[i]!.end <= n.end);
    if (name >= 0) t.name = name;
  }
  if (!cyrillic) describePlaces(tokens, terms);
  // "meeting" lists "congress" among its synonyms: in "Is the congress meeting?" that would count one word twice.
  const own = new Set(terms.flatMap((t) => [t.term, ...t.forms]));
  for (const t of terms) {
    t.synonyms = t.synonyms.filter((s) => !own.has(s));
    t.related = t.related.filter((s) => !own.has(s));
    t.narrower = t.narrower.filter((s) => !own.has(s));
  }
  return {
    text,
    terms,
    type,
    several: asksForSeveral(text, asking, doc),
    parts: [],
    cyrillic,
    ...(defines ? { defines } : {}),
    ...attributeOf(text, defines),
    years: [...new Set(text.match(/(?<!\d)[12]\d{3}(?!\d)/g) ?? [])],
    names: namesIn(text),
    ...responseOf(text),
    asks: readAsks(text, type, words),
    named: [
      ...namedWords(text, true),
      ...lowerCasePlaces(text).map((w) => ({ words: [w], kind: "place" as const })),
    ],
    picks: picksOf(text),
  };
}

/**
 * The nouns a question picks one of by a name ("the Berlin session", "the warsaw session", "the Latvian
 * government"), each with its name, lower-case: a name is capitalised in the question or one the dictionaries know.
 */
function picksOf(text: string): PickedNoun[] {
  const first = /^\s*\S+/.exec(text)?.[0].length ?? 0;
  return [...text.matchAll(MODIFIED)].flatMap((m) => {
    const [, name, head] = m as unknown as [string, string, string];
    if (m.index < first || isStopWord(head) || isStopWord(name.toLowerCase())) return [];
    const capitalised = /^\p{Lu}/u.test(name) ? name : name[0]!.toUpperCase() + name.slice(1);
    if (hasCyrillic(name) || kindOfName(capitalised) === undefined) return [];
    return [{ name: foldDiacritics(name.toLowerCase()), head: stem(head) }];
  });
}

/** Words that describe a place by its kind: "capital" in "the Latvian capital", "port city". */
const PLACE_KINDS = new Set(["capital", "city", "port", "town"]);

/**
 * A place the question describes instead of naming ("the Latvian capital", "the capital of Latvia", "Poland's port
 * city"): each word of the description gets the places WordNet files under it (`placesOf`), so that "Riga" answers
 * for "the Latvian capital" in retrieval and in every sentence.
 */
function describePlaces(tokens: Token[], terms: QueryTerm[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.word.replace(/['’]s$/u, "");
    if (!/^[a-z]+$/.test(word) || PLACE_KINDS.has(word)) continue;
    // "Latvian capital", "Poland's port city"; "capital of Latvia", "capital of the Czech Republic".
    let kinds = kindsAfter(tokens, i + 1);
    const of = tokens[i - 1]?.word === "the" ? i - 2 : i - 1;
    if (kinds.length === 0 && tokens[of]?.word === "of") kinds = kindsBefore(tokens, of);
    if (kinds.length === 0) continue;
    const places = placesOf(
      word,
      kinds.map((k) => singular(k.word)),
    );
    if (places.length === 0) continue;
    for (const tok of [tokens[i]!, ...kinds]) {
      const term = terms.find((t) => t.term === tok.term);
      if (term) term.places = [...new Set([...(term.places ?? []), ...places])];
    }
  }
}

/** The kind words from token `from` on ("port city" in "the Polish port city"). */
function kindsAfter(tokens: Token[], from: number): Token[] {
  let end = from;
  while (end < tokens.length && PLACE_KINDS.has(singular(tokens[end]!.word))) end++;
  return tokens.slice(from, end);
}

/** The kind words just before token `end` ("port city" in "the port city of Poland"). */
function kindsBefore(tokens: Token[], end: number): Token[] {
  let from = end;
  while (from > 0 && PLACE_KINDS.has(singular(tokens[from - 1]!.word))) from--;
  return tokens.slice(from, end);
}

const singular = (word: string) => (word.endsWith("ies") ? `${word.slice(0, -3)}y` : word.replace(/s$/, ""));

/** "How did X respond (react, reply) to Y?", "What did X say (state, announce, declare)?". */
const RESPONSE =
  /^\s*(?:how\s+(?:did|does|do|has|have|will|would)\s+.+?\s+(respond|react|reply|answer)|what\s+(?:did|does|do|has|have)\s+.+?\s+(say|state|announce|declare))\b/i;

function responseOf(text: string): { response?: string } {
  const m = RESPONSE.exec(text);
  const verb = m?.[1] ?? m?.[2];
  return verb ? { response: stem(verb.toLowerCase()) } : {};
}

/** Capitalised words of Latin letters after a question's first word, without a possessive "'s". */
function namesIn(text: string): string[] {
  const first = /^\s*\S+/.exec(text)?.[0].length ?? 0;
  // An apostrophe before a capital is inside the name ("O'Brien"); before "s" or a lone "S" ("NATO'S") a possessive.
  const words = [
    ...text
      .slice(first)
      .matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}(?:[\p{L}-]|['’](?=\p{Lu})(?![Ss](?!\p{L})))*/gu),
  ].map((m) => m[0]);
  return [...new Set(words.filter((w) => !/\p{Script=Cyrillic}/u.test(w) && w !== "I"))];
}

/**
 * The places a question writes in lower case ("who chaired the yerevan session", "…the berlin session"): words that
 * WordNet has as nouns only, whose first sense is one place ("berlin"; not "city", "nice", "turkey"), capitalised.
 */
function lowerCasePlaces(text: string): string[] {
  return (text.match(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’-]{3,}/gu) ?? []).flatMap((w) =>
    !hasCyrillic(w) && !isStopWord(w) && namesInstance(w) && isKindOf(w, ["location"], 1)
      ? [w[0]!.toUpperCase() + w.slice(1)]
      : [],
  );
}
