// Where a sentence mentions people, dates, places and numbers, from compromise's tagger; cached per sentence.
import nlp from "compromise";
import type { Span } from "../corpus/types.js";
import {
  foldDiacritics,
  hasCyrillic,
  isStopWord,
  normalizeWord,
  stem,
  type Token,
  tokenize,
} from "../text/tokenize.js";
import { cognateKey, isCognate, soundTells } from "../text/cognates.js";
import { toLatin } from "../text/transliterate.js";
import { type NameKinds, nameKinds } from "../text/russian-morphology.js";
import { hasInstanceSense, isKindOf, tagCount } from "../text/wordnet.js";
import { INSTITUTIONS, type PlaceKind, UNIT_OF_TIME } from "./asks.js";
import { kindOfName, MODIFIED, type NamedRun, namedWords } from "../text/names.js";
import { tagged } from "../text/tagger.js";
import { type AnswerType, ordinalRank, type QueryTerm, type Question } from "./question.js";

/** By answer type; organizations too, which answer "Who won…?" as well as people do. */
export type Mentions = Map<AnswerType | "organization", Span[]>;

const cache = new Map<string, Mentions>();
const CACHE_LIMIT = 20_000;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The tagger's tags for each kind of mention: a run of words with the tag is one mention, as compromise's "#Person+"
 * would match it. Reading the runs off the tagged words once is a quarter faster than six matches, and spans them
 * alike (`spanOf`; the same mentions on every English sentence of the evaluation corpora).
 */
const TAGGED: [AnswerType | "organization", string][] = [
  ["person", "Person"],
  ["organization", "Organization"],
  ["place", "Place"],
  ["date", "Date"],
  ["number", "Cardinal"],
];
/**
 * A cause or a purpose, as news writes them: "…, citing his health", "walked out, complaining that…", "links the
 * increase to…", "disqualified after being caught…"; "so that" and "in order" are two words.
 */
const REASON_WORDS = new Set(
  [
    "because since aim aims intended intend purpose citing cited complaining complained blamed blaming",
    "links linked attributes attributed due owing caused reason after following",
  ]
    .join(" ")
    .split(" "),
);
const REASON_PAIRS = new Set(["so that", "in order"]);

interface TaggedTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** The tagger's words of an English sentence, per sentence as it reads them, with their tags and offsets. */
function taggedTerms(sentence: string): TaggedTerm[][] {
  const json = tagged(sentence).json({
    offset: true,
    terms: { text: true, whitespace: true, normal: true, tags: true, offset: true },
  }) as { terms: TaggedTerm[] }[];
  return json.map((s) => s.terms);
}

/**
 * The span compromise gives a run of words: from the first word's start, as long as the run's text with its
 * punctuation, trimmed ("Warsaw," for "…in Warsaw, Poland").
 */
function spanOf(terms: TaggedTerm[]): Span {
  const text = terms
    .map((t) => t.pre + t.text + t.post)
    .join("")
    .trim();
  const start = terms[0]!.offset.start;
  return { start, end: start + text.length };
}

/** Runs of words that have `tag`, within a sentence, as spans: "Ilya Ponomarev" for "Person". */
function runsOf(sentences: TaggedTerm[][], tag: string): Span[] {
  const spans: Span[] = [];
  for (const terms of sentences) {
    let run: TaggedTerm[] = [];
    for (const t of terms) {
      if (t.tags.includes(tag)) run.push(t);
      else if (run.length > 0) {
        spans.push(spanOf(run));
        run = [];
      }
    }
    if (run.length > 0) spans.push(spanOf(run));
  }
  return spans;
}

/** The words of a cause or a purpose ("because", "so that"), as spans. */
function reasonWords(sentences: TaggedTerm[][]): Span[] {
  const spans: Span[] = [];
  for (const terms of sentences)
    terms.forEach((t, i) => {
      const next = terms[i + 1];
      if (next && REASON_PAIRS.has(`${t.normal} ${next.normal}`)) spans.push(spanOf([t, next]));
      else if (REASON_WORDS.has(t.normal)) spans.push(spanOf([t]));
    });
  return spans;
}

/** Russian month names as dates write them: "17–18 июня 2023 года", "в ноябре 2022 года". */
const RU_MONTHS_OF = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";
const RU_MONTHS_IN = "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре";
const RU_DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:\\d{1,2}(?:\\s*[–—-]\\s*\\d{1,2})?\\s+(?:${RU_MONTHS_OF}))(?:\\s+\\d{4}(?:\\s+г(?:ода|\\.))?)?|(?:${RU_MONTHS_IN})\\s+\\d{4}(?:\\s+г(?:ода|\\.))?|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}\\s+год(?:а|у)?)(?![\\p{L}\\p{N}])`,
  "gu",
);

/** A capitalised word, Cyrillic or Latin, hyphenated parts included ("Вербицкий", "Нью-Йорк", "Volna"). */
export const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*(?![\p{L}\p{N}])/gu;

/** What a capitalised word in a Russian sentence may name: OpenCorpora's dictionary for Cyrillic words. */
function kindsOf(word: string): NameKinds {
  if (!hasCyrillic(word)) return { person: false, place: false, organization: false, known: false };
  return nameKinds(word);
}

/**
 * Russian numbers in words, in their cases ("на два года", "шестью голосами против трёх", "одиннадцать раз"), and
 * the collective ones ("трое наблюдателей"); not "семью", which is as often a family.
 */
const RU_NUMBER_WORDS = new RegExp(
  `(?<![\\p{L}])(?:${[
    "один|одна|одно|одного|одной|одному|одним|одну",
    "два|две|двух|двум|двумя|три|тр[её]х|тр[её]м|тремя|четыре|четыр[её]х|четыр[её]м|четырьмя",
    "пять|пяти|пятью|шесть|шести|шестью|семь|семи|восемь|восьми|восемью|девять|девяти|девятью|десять|десяти|десятью",
    "(?:один|две|три|четыр|пят|шест|сем|восем|девят)надцат[ьиюя]",
    "(?:двадцат|тридцат)[ьию]|сорок|сорока|пятьдесят|пятидесяти|шестьдесят|шестидесяти|семьдесят|семидесяти",
    "восемьдесят|восьмидесяти|девяносто|девяноста|сто|ста|двести|двухсот|триста|трехсот|трёхсот",
    "полтора|полторы|тысяча|тысячи|тысячу",
    // Collective numerals: "трое наблюдателей", "шестеро депутатов".
    "двое|двоих|трое|троих|четверо|четверых|пятеро|пятерых|шестеро|шестерых|семеро|семерых|восьмеро|девятеро|десятеро",
  ].join("|")})(?![\\p{L}])`,
  "giu",
);

/**
 * Mentions in a Russian sentence, which compromise does not tag: numbers, in figures and in words; dates ("1 января
 * 2025 года"); people, as capitalised words in a row of which one is a given name, surname or patronymic in the
 * dictionary ("Виктор Нагорный", "Андрей Викторович Лукин", "Пономарёв"); places, as geographical names ("в
 * Махачкале"); organisations, as names in «quotes». A capitalised word the dictionary does not know, inside the sentence, is likely a foreign name
 * ("Кюсюр", "Volna"): a place, and a person where no other is named.
 */
function cyrillicMentions(sentence: string): Mentions {
  const m: Mentions = new Map();
  const spans = (re: RegExp) =>
    [...sentence.matchAll(re)].map((x) => ({ start: x.index, end: x.index + x[0].length }));
  // "9 147", "1,6": thousands apart by a space, a decimal comma.
  const digits = spans(/(?<![\d,.])\d+(?:[ \u00a0\u202f]\d{3})*(?:[,.]\d+)?(?![\d])/gu);
  const numbers = [...digits, ...spans(RU_NUMBER_WORDS)].sort((a, b) => a.start - b.start);
  const dates = spans(RU_DATE);
  const words = [...sentence.matchAll(CAPITALISED)].map((x) => {
    const start = x.index;
    return {
      start,
      end: start + x[0].length,
      kinds: kindsOf(x[0]),
      // The sentence's first word is capitalised whatever it is.
      opening: !/[\p{L}\p{N}]/u.test(sentence.slice(0, start)),
    };
  });
  // Runs of capitalised words with only a space between.
  const runs: (typeof words)[] = [];
  for (const w of words) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && /^ $/.test(sentence.slice(last.end, w.start))) run.push(w);
    else runs.push([w]);
  }
  const people: Span[] = [];
  const unknown: Span[] = [];
  for (const run of runs) {
    // A title or a body before the name is not the name: "Президиума Олег Иванов".
    // A word alone that may be a place or a name is taken for the place ("Лены": the river, or Lena's).
    const person = (w: (typeof run)[number]) => w.kinds.person && (run.length > 1 || !w.kinds.place);
    const first = run.findIndex((w) => person(w) || !w.kinds.known);
    const named = first >= 0 && run.some(person);
    if (named) people.push({ start: run[first]!.start, end: run.at(-1)!.end });
    else
      for (const w of run)
        if (!w.kinds.known && !w.kinds.place && !w.opening) unknown.push({ start: w.start, end: w.end });
  }
  const places = [
    ...words.filter((w) => w.kinds.place && !people.some((p) => p.start <= w.start && w.end <= p.end)),
    ...unknown,
  ].sort((a, b) => a.start - b.start);
  const organizations = [
    ...spans(/(?<=«)\p{Lu}[^«»]{0,80}(?=»)/gu),
    ...words.filter((w) => w.kinds.organization).map(({ start, end }) => ({ start, end })),
  ];
  if (numbers.length) m.set("number", numbers);
  if (dates.length || digits.length) m.set("date", dates.length ? dates : digits);
  if (people.length || unknown.length) m.set("person", people.length ? people : unknown);
  if (places.length)
    m.set(
      "place",
      places.map(({ start, end }) => ({ start, end })),
    );
  if (organizations.length) m.set("organization", organizations);
  return m;
}

/** Whether English never uses a capitalised word as a common word: WordNet's tagged corpus never has it ("Hostova"). */
const neverCommon = (word: string) => tagCount(foldDiacritics(word.toLowerCase())) === 0;

/** Two or three capitalised words in a row. */
const NAME_RUN = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+){1,2}(?![\p{L}\p{N}])/gu;

/**
 * People the tagger does not know ("Mirela Hostova", "Aurel Penn", "Gavril Morosan"): two or three capitalised words
 * none of which English uses as a common word (WordNet's tagged corpus never has it) and the first no place, where
 * the tagger found nothing. "Halden University", "New Delhi" and "Jabłonna Palace" are none.
 */
function unknownNames(sentence: string, found: Mentions): Span[] {
  const taken = [...found.values()].flat();
  return [...sentence.matchAll(NAME_RUN)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, words: m[0].split(/\s+/) }))
    .filter(
      ({ start, end, words }) =>
        !taken.some((t) => t.start < end && start < t.end) &&
        words.every(neverCommon) &&
        kindOfName(words[0]!) !== "place",
    )
    .map(({ start, end }) => ({ start, end }));
}

/** A capitalised word right after a span, or right before it (a space between). */
const NEXT_NAME = /^[ \u00a0](\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}'’])/u;
const NAME_BEFORE = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \u00a0]$/u;

/**
 * A person the tagger found in part, whole: "Oleg" of "chaired by Oleg Tarasenko" runs on over the capitalised words
 * beside it that English never uses as common words ("Tarasenko"), not over "Council" or a sentence's first word.
 */
function wholeName(sentence: string, span: Span): Span {
  let { start, end } = span;
  for (
    let m = NEXT_NAME.exec(sentence.slice(end));
    m && neverCommon(m[1]!);
    m = NEXT_NAME.exec(sentence.slice(end))
  )
    end += m[0].length;
  for (
    let m = NAME_BEFORE.exec(sentence.slice(0, start));
    m && neverCommon(m[1]!) && /[\p{L}\p{N}]/u.test(sentence.slice(0, m.index));
    m = NAME_BEFORE.exec(sentence.slice(0, start))
  )
    start = m.index;
  return { start, end };
}

/** Mentions by answer type, with offsets relative to the sentence. */
export function mentionsIn(sentence: string): Mentions {
  let found = cache.get(sentence);
  if (found) return found;
  if (hasCyrillic(sentence)) {
    found = cyrillicMentions(sentence);
  } else {
    const terms = taggedTerms(sentence);
    found = new Map();
    for (const [type, tag] of TAGGED) {
      const spans = runsOf(terms, tag);
      if (spans.length) found.set(type, spans);
    }
    const reasons = reasonWords(terms);
    if (reasons.length) found.set("reason", reasons);
    const people = [
      ...(found.get("person") ?? []).map((p) => wholeName(sentence, p)),
      ...unknownNames(sentence, found),
    ].sort((a, b) => a.start - b.start);
    if (people.length) found.set("person", people);
    // The tagger takes the year of "November 2022" for a cardinal too; a date counts nothing ("How many…?"). What
    // it runs on past the date still counts: "fourteen" of "In September 2024 fourteen organisations".
    // No year has a thousands comma: "around 1,900 cards" is a count the tagger took for a date.
    const dates = (found.get("date") ?? []).filter(
      (d) => !/^\d{1,3}(?:,\d{3})+$/.test(sentence.slice(d.start, d.end)),
    );
    if (dates.length) found.set("date", dates);
    else found.delete("date");
    const counts = (found.get("number") ?? []).flatMap((n) => {
      const date = dates.find((d) => n.start < d.end && d.start < n.end);
      if (!date) return [n];
      const rest = /\S/.exec(sentence.slice(date.end, n.end));
      return date.end < n.end && rest ? [{ start: date.end + rest.index, end: n.end }] : [];
    });
    // (What is left of a number the tagger ran over a date may be punctuation alone: "** —" of "8–14 July 2024** —".)
    const said = counts.filter((n) => /[\p{L}\p{N}]/u.test(sentence.slice(n.start, n.end)));
    if (said.length) found.set("number", said);
    else found.delete("number");
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sentence, found);
  return found;
}

/** Words compromise's own lexicon tags as a kind of `tag` ("fourteen", "million"; "friday", "week", "decade"). */
function lexiconWords(tag: string): Set<string> {
  // The world's model is untyped in compromise's declarations.
  const { lexicon, tagSet } = (nlp.world() as { model: { one: CompromiseModel } }).model.one;
  const isA = (t: string) => t === tag || (tagSet[t]?.parents ?? []).includes(tag);
  const words = new Set<string>();
  for (const [word, tags] of Object.entries(lexicon))
    if ((Array.isArray(tags) ? tags : [tags]).some(isA)) for (const w of lettersOf(word)) words.add(w);
  return words;
}

interface CompromiseModel {
  lexicon: Record<string, string | string[]>;
  tagSet: Record<string, { parents?: string[] }>;
}

/** The runs of letters of a text: the words as a lexicon entry or a sentence spells them ("forty-five", "o'clock"). */
const lettersOf = (text: string) => text.match(/\p{L}+/gu) ?? [];

/** Per kind, the words compromise may tag as one (`mayMention`); read from its lexicon on first use. */
let taggable: { number: Set<string>; date: Set<string> } | undefined;

/** A Roman numeral as compromise tags one: two letters or more ("XVII"). */
const ROMAN = /(?<![\p{L}\p{N}])[IVXLCDM]{2,}(?![\p{L}\p{N}])/u;

/**
 * Whether compromise may find a count or a date in an English sentence: only where it has a digit, a Roman numeral
 * (counts), or a word its lexicon tags as one, or one its rules tag in context ("in March", "by Sat"). The tagger
 * takes milliseconds a sentence; a sentence without any of these is not read for a count or a date at all.
 * Checked against the tagger on every word WordNet lists, in three contexts, and on every evaluation corpus: it
 * found a count or a date in no sentence this says has none. Any other kind, and a Russian sentence (read by
 * patterns, not the tagger), may always be there.
 */
export function mayMention(kind: AnswerType | "organization", sentence: string): boolean {
  if ((kind !== "number" && kind !== "date") || hasCyrillic(sentence) || /\d/.test(sentence)) return true;
  if (kind === "number" && ROMAN.test(sentence)) return true;
  taggable ??= {
    number: lexiconWords("Cardinal"),
    date: new Set([...lexiconWords("Date"), "march", "may", "sun", "sat", "wed"]),
  };
  const words = taggable[kind];
  return lettersOf(sentence.toLowerCase()).some((w) => words.has(w));
}

/**
 * The pieces of `sentence` within `span` that `piece` matches, each without the blanks around it (and without a
 * leading `drop`); empty pieces are left out.
 */
function piecesOf(sentence: string, span: Span, piece: RegExp, drop?: RegExp): Span[] {
  return [...sentence.slice(span.start, span.end).matchAll(piece)].flatMap((part) => {
    const text = drop ? part[0].replace(drop, "") : part[0];
    const start = span.start + part.index + (part[0].length - text.trimStart().length);
    const end = span.start + part.index + part[0].trimEnd().length;
    return end > start ? [{ start, end }] : [];
  });
}

/** The tagger runs names on either side of a comma into one mention ("Ukraine, Poland,"): one span each. */
function splitAtCommas(sentence: string, spans: Span[]): Span[] {
  // Not inside a number: "3,800", "2.5".
  return spans.flatMap((span) => piecesOf(sentence, span, /(?:\d[,.]\d|[^,.;:])+/g));
}

/** Between two items of a list: ", ", ", and ", " or " ("Ukraine, Poland, the United States, Canada, and Germany"). */
const LIST_GAP = /^\s*(?:,\s*)?(?:(and|or)\s+)?(?:the\s+)?$/i;

/**
 * The longest list of names in a sentence: three or more people or places in a row, joined by commas, the last
 * by "and" or "or". It answers "how many": the answer is its length.
 */
export function longestList(sentence: string, people = false): Span[] {
  const m = mentionsIn(sentence);
  const places = people ? [] : (m.get("place") ?? []);
  const names = splitAtCommas(sentence, [...(m.get("person") ?? []), ...places]).sort(
    (a, b) => a.start - b.start,
  );
  let best: Span[] = [];
  let run: Span[] = [];
  let joined = false;
  for (const name of names) {
    const prev = run.at(-1);
    const gap = prev && name.start >= prev.end ? LIST_GAP.exec(sentence.slice(prev.end, name.start)) : null;
    if (gap) {
      run.push(name);
      joined ||= gap[1] !== undefined;
    } else {
      run = [name];
      joined = false;
    }
    if (run.length >= 3 && joined && run.length > best.length) best = [...run];
  }
  return best;
}

/**
 * The items of an enumeration in a sentence: three or more phrases joined by commas, the last by "and" or "or"
 * ("the development of legislative power, strategic planning for the nation, and the establishment of…"); empty
 * when it has none. The last item runs to the next comma or the end of the sentence.
 */
export function enumeration(sentence: string): Span[] {
  const m = /(?:[^,;:]+,\s*){2,}(?:and|or)\s+[^,;:.!?]+/iu.exec(sentence);
  if (!m) return [];
  const list = { start: m.index, end: m.index + m[0].length };
  const items = piecesOf(sentence, list, /[^,]+/g, /^\s*(?:and|or)\s+/i);
  // The first "item" may be the clause before the list: "This framework encompasses the development of…".
  return items.length >= 3 ? items : [];
}

/**
 * Where a sentence says what `subject` is: the appositive or predicate after its last word ("the Congress of People's
 * Deputies, a self-described shadow Russian parliament in exile, commenced…"; "The forum is a platform for…";
 * "Съезд — орган…"), up to the next comma, dash or end. Empty when the sentence only mentions it.
 */
export function definitionsOf(subject: string, sentence: string): Span[] {
  const head = /[\p{L}\p{N}]+$/u.exec(subject.trim())?.[0];
  if (!head) return [];
  // The head in either case ("congress", "Congress"), then the rest of a name it may open ("Congress of People's
  // Deputies"); no "i" flag, under which \p{Lu} would take any letter.
  const first = head[0]!;
  const word = `[${first.toLowerCase()}${first.toUpperCase()}]${escapeRegExp(head.slice(1))}`;
  const name = String.raw`(?:\s+(?:(?:of|the|for)\s+)*\p{Lu}[\p{L}'’]*)*`;
  const what = String.raw`(?=(?:a|an|the|one of)\s)`;
  const at = new RegExp(
    String.raw`(?<![\p{L}\p{N}])${word}${name}(?:\s*,\s*${what}|\s+(?:is|are|was|were)\s+${what}|\s+[—–]\s+(?:это\s+)?)`,
    "gu",
  );
  const out: Span[] = [];
  for (const m of sentence.matchAll(at)) {
    const start = m.index + m[0].length;
    const rest = sentence.slice(start);
    const end = start + (/[,;—–(]|[.!?](?:\s|$)/u.exec(rest)?.index ?? rest.length);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * "a 19-year-old student", "aged 19", "19 years old", "Lebedeva, 41, built…", "Hurley, is 58 and…", "в возрасте 78
 * лет", "41-летний": the number is someone's age.
 */
function isAge(sentence: string, m: Span): boolean {
  const before = sentence.slice(0, m.start);
  const after = sentence.slice(m.end);
  return (
    /^-?\s*years?[-\s]old\b/i.test(after) ||
    /\b(?:aged|age of|age)\s*$/i.test(before) ||
    // "Boris Lazutin, at 78 the oldest participant", "at 61, she…".
    (/(?<![\p{L}])at\s*$/u.test(before) && /^\s*(?:,|the\s+(?:old|young)est(?![\p{L}]))/u.test(after)) ||
    // "Declan Hurley, is 58 and fishes…", "Kim was 41.": a name's age said of it.
    (/\p{Lu}[\p{Ll}'’-]+,?\s+(?:is|was|turned|turns)\s*$/u.test(before) &&
      /^\s*(?:[,.;)]|and(?![\p{L}])|$)/u.test(after)) ||
    // "Lebedeva, 41, built…", "Тимур Газиев, 24, …": a name's age set off by commas, as news gives it.
    (/\p{Lu}[\p{Ll}'’-]+,\s*$/u.test(before) && /^\s*[,)]/u.test(after)) ||
    // "в возрасте 41 года", "41-летний", "ей 41 год".
    /(?<![\p{L}])в возрасте\s*$/iu.test(before) ||
    /^[-–]?\s*летн/iu.test(after) ||
    (/(?<![\p{L}])(?:ему|ей|исполнилось)\s*$/iu.test(before) &&
      /^\s*(?:год|года|лет)(?![\p{L}])/iu.test(after))
  );
}

/** Currencies by symbol or name, English and Russian: a regular expression's alternatives. */
export const CURRENCIES =
  "[€$£¥₽]|(?<![\\p{L}])(?:euros?|dollars?|pounds?|roubles?|rubles?|zloty|francs?|kronor|krona|kroner|krone|crowns?|hryvnias?|евро|доллар\\p{L}*|рубл\\p{L}*|злот\\p{L}*|крон[аыу]?|франк\\p{L}*|гривн\\p{L}*)(?![\\p{L}])";

/** Words of size between a number and its currency: "1,6 миллиона евро", "68 тысяч евро", "€2.3 million". */
export const MAGNITUDES =
  "thousand|million|billion|m|bn|тысяч\\p{L}*|тыс|миллион\\p{L}*|млн|миллиард\\p{L}*|млрд";

/** Money is counted in a currency: "€180,000", "$5", "120 euros", "38 million kroner", "410 000 евро". */
const CURRENCY = new RegExp(CURRENCIES, "iu");
const MAGNITUDE = new RegExp(`^(?:${MAGNITUDES})$`, "iu");

const EN_MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";

/** A date that names its day: "23 May 2023", "May 23", "17–18 июня", "01.03.2024", "on Wednesday", "в субботу". */
const NAMES_DAY = new RegExp(
  [
    `\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[–—-]\\s*\\d{1,2})?\\s+(?:of\\s+)?(?:${EN_MONTHS})(?![\\p{L}])`,
    `(?<![\\p{L}])(?:${EN_MONTHS})\\.?\\s+\\d{1,2}(?![\\d])`,
    `\\d{1,2}(?:\\s*[–—-]\\s*\\d{1,2})?\\s+(?:${RU_MONTHS_OF})`,
    "\\d{1,2}\\.\\d{1,2}\\.\\d{4}",
    "\\d{4}-\\d{2}-\\d{2}",
    "(?<![\\p{L}])(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)(?![\\p{L}])",
    "(?<![\\p{L}])(?:понедельник|вторник|сред[аыуе]|четверг|пятниц[аыуе]|суббот[аыуе]|воскресень[ея])",
  ].join("|"),
  "iu",
);

/**
 * A date that names its month: "May 2023", "in June", "в июне", "17–18 июня", "01.03.2024". An English month's name is
 * capitalised ("you may apply" names none).
 */
const NAMES_MONTH = [
  new RegExp(`(?<![\\p{L}])(?:${EN_MONTHS})(?![\\p{L}])`, "u"),
  new RegExp(
    `(?<![\\p{L}])(?:${RU_MONTHS_OF}|${RU_MONTHS_IN}|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)(?![\\p{L}])|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}`,
    "iu",
  ),
];
const namesMonth = (text: string) => NAMES_MONTH.some((re) => re.test(text));

/**
 * Whether a number in a sentence counts what the question counts: "640 tonnes of waste" for "How many tonnes…?",
 * "3,800 volunteers" for "How many people…?" (a volunteer is a kind of person), "€180,000" for "How much money…?";
 * not "two founders" for "How much prize money…?".
 */
function countsWhatIsAsked(
  counted: string,
  sentence: string,
  m: Span,
  translations: ReadonlySet<string>,
): boolean {
  // The words after it up to a comma or the like: in "with nine abstentions, members agreed…" nine counts
  // abstentions, not members.
  const words =
    sentence
      .slice(m.end)
      .split(PHRASE_END)[0]!
      .match(/[\p{L}-]+/gu)
      ?.slice(0, 3) ?? [];
  // The tagger may leave the symbol out of the number: look one character before it, and at the word after (after
  // "million" or "тысяч", if that comes first).
  if (counted === "money") {
    const unit = MAGNITUDE.test(words[0] ?? "") ? `${words[0]} ${words[1] ?? ""}` : (words[0] ?? "");
    return CURRENCY.test(`${sentence.slice(Math.max(0, m.start - 1), m.end)} ${unit}`);
  }
  // A Russian sentence names what it counts in Russian ("97 делегатов"): the noun's translations are compared.
  const russianCount = (w: string) => translations.has(stem(normalizeWord(w)));
  // A label before the number: "Зарегистрировано участников: 74", "Delegates — 97".
  const label = /([\p{L}-]+)\s*[:—–]\s*$/u.exec(sentence.slice(Math.max(0, m.start - 40), m.start))?.[1];
  if (label && (hasCyrillic(label) ? russianCount(label) : stem(label.toLowerCase()) === stem(counted)))
    return true;
  // A Russian count may follow its noun: "таких депутатов девять", "проголосовали 84 делегата" for "How many votes…?".
  const before = /(?<![\p{L}])(\p{L}+)\s+$/u.exec(sentence.slice(Math.max(0, m.start - 30), m.start))?.[1];
  if (before && hasCyrillic(before) && russianCount(before)) return true;
  if (words[0] !== undefined && hasCyrillic(words[0])) return words.slice(0, 2).some(russianCount);
  // The noun right after the number, perhaps after a word or two that qualify it ("five key allies"), or after "of"
  // ("640 tonnes of waste"); another small word ends the phrase ("€180,000 for 3,800 volunteers" counts none).
  const stop = words.findIndex((w, i) => isStopWord(w.toLowerCase()) && !(w === "of" && i > 0));
  const after = (stop < 0 ? words : words.slice(0, stop)).filter((w) => w !== "of");
  const kind = PEOPLE.test(counted) ? "person" : counted;
  // "ex-deputies", "co-founders": "69 former deputies" count them.
  const noun = counted.replace(/^\p{L}+-(?=\p{L}{3})/u, "");
  const named = after.some((w) => {
    const word = w.toLowerCase();
    return (
      [counted, noun].some((c) => stem(word) === stem(c)) || isKindOf(word, [kind, counted.replace(/s$/, "")])
    );
  });
  // A number that does what it counts names no noun: "A further 14 took part by video link" counts people (not the
  // whole of "22 of 24 completed it"). The tagger is read last: it is the slow part.
  return (
    named ||
    (words[0] !== undefined &&
      countsPeople(counted) &&
      !/(?<![\p{L}])of\s+$/iu.test(sentence.slice(Math.max(0, m.start - 4), m.start)) &&
      startsWithPastVerb(sentence.slice(m.end, m.end + 40)))
  );
}

/** The counted nouns that are people themselves, not a kind of person. */
const PEOPLE = /^(?:people|persons)$/;

/** Whether a counted English noun counts people: "people", "members", "delegates". */
function countsPeople(counted: string): boolean {
  return PEOPLE.test(counted) || isKindOf(counted, ["person"]);
}

/**
 * Whether an English text starts with a verb in the past tense: "took part by video link" after "A further 14"; not
 * "delegates" or "votes", which the tagger may read as verbs in the present.
 */
function startsWithPastVerb(text: string): boolean {
  const [first, second] =
    (tagged(text).json({ terms: { tags: true } }) as { terms: { tags: string[]; switch?: string }[] }[])[0]
      ?.terms ?? [];
  if (first?.tags.includes("PastTense")) return true;
  // "joined", "registered": read as an adjective that may be a past verb; after a number, the verb, unless a noun
  // follows it ("12 damaged buildings").
  return /Past/.test(first?.switch ?? "") && second?.tags.includes("Noun") !== true;
}

/** What ends the phrase a number counts in: a comma, a colon, a bracket; a full stop, not a decimal point. */
const PHRASE_END = /[,;:!?()]|\.(?!\d)/u;

/** A number that is one side of a tally: "58 for", "24 against", "15 abstentions", "за — 40", "против: 6". */
const SIDE = "(?:for|against|in favou?r|abstentions?|abstained|за|против|воздерж\\p{L}*)";
const SIDE_AFTER = new RegExp(`^\\s*(?:votes?\\s+)?${SIDE}(?![\\p{L}])`, "iu");
const SIDE_BEFORE = new RegExp(`(?<![\\p{L}])${SIDE}\\s*[—–:-]?\\s*$`, "iu");

/**
 * Whether a number counts voters, for a question about how people voted: one side of a vote's tally ("Adopted: 58
 * for, 24 against"), which names no noun for `countsWhatIsAsked` to compare.
 */
function countsVoters(sentence: string, m: Span): boolean {
  return (
    SIDE_AFTER.test(sentence.slice(m.end, m.end + 20)) ||
    SIDE_BEFORE.test(sentence.slice(Math.max(0, m.start - 20), m.start))
  );
}

/**
 * "22 of 24", "five out of seven", "five of its seven sessions", "83 of those present": the number counts part of a
 * whole, of whatever the whole counts.
 */
const PART_OF =
  /^\s*(?:out\s+)?of\s+(?:those|these|them)(?![\p{L}])|^\s*(?:out\s+)?of\s+(?:(?:the|its|their|our|his|her)\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)(?![\p{L}]))/iu;
/** "64 deputies, of whom 47…", "96 человек, из них 31": a part of a whole just counted. */
const OF_THEM = /(?<![\p{L}])(?:of\s+(?:them|whom|which)|из\s+(?:них|которых))\s*[,:—–-]?\s*$/iu;

/**
 * Whether a number counts part of something the sentence counts, naming no noun of its own ("In the first cohort, 22
 * of 24 completed the year", "96 человек, из них 31 — дистанционно"): it counts what the whole does.
 */
function countsPart(sentence: string, m: Span): boolean {
  return (
    PART_OF.test(sentence.slice(m.end, m.end + 24)) ||
    OF_THEM.test(sentence.slice(Math.max(0, m.start - 20), m.start))
  );
}

/**
 * Whether a place's name is of the kind asked, by WordNet: "Poland" is a country, "Warsaw" a city (and so no
 * country, though WordNet also files a capital under "area, country"). A name WordNet does not know as a name may be
 * either.
 */
function isPlaceOfKind(name: string, kind: PlaceKind): boolean {
  const lemma = name
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/\s+/g, "_");
  // Nor one it knows as a common word only: "samara" is a winged fruit to WordNet, not the city on the Volga.
  if (!hasInstanceSense(lemma)) return true;
  const city = isKindOf(lemma, ["city", "town"]);
  return kind === "city" ? city : !city && isKindOf(lemma, ["country"]);
}

/** What a list of names can count: people, places, and bodies such as states and parties. */
const NAMED_KINDS = ["person", "people", "location", "organization"];

/**
 * Whether a list of names can answer "how many" of `counted` (`countedNoun`): "How many countries…?" and "How many
 * partners…?" count names, "How many sessions…?" and "How many votes…?" do not. A question without a counted noun
 * is not judged: "Сколько…?", "How many are there?".
 */
function countsNames(counted: string | undefined): boolean {
  return counted === undefined || isKindOf(counted, NAMED_KINDS);
}

/**
 * A sentence's mentions of one kind, one per name, less those the question itself names (in "What parts of
 * Russia…?", "Russia" is no answer).
 */
function mentionsNotAsked(kind: AnswerType | "organization", question: string, sentence: string): Span[] {
  if (!mayMention(kind, sentence)) return [];
  const asked = question.toLowerCase();
  // A number as a whole ("23" is not the question's for being part of its "2023"); a name in any ending, as its
  // start ("Пономарёв" is the question's "Пономарёва").
  const inQuestion = (mention: string) =>
    /^\d/.test(mention)
      ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(mention)}(?![\\p{L}\\p{N}])`, "u").test(asked)
      : asked.includes(mention);
  return splitAtCommas(sentence, mentionsIn(sentence).get(kind) ?? []).filter(
    (m) => !inQuestion(sentence.slice(m.start, m.end).toLowerCase()),
  );
}

/**
 * The names a sentence gives that the question does not ("Baltic Audit Partners", "«Волжская неделя»"): what answers
 * "Which company…?" or "Which newspaper…?".
 */
function namesGiven(question: Question, sentence: string): Span[] {
  const found = [
    ...mentionsNotAsked("organization", question.text, sentence),
    ...institutionRuns(sentence, question.asks.institution!),
    ...russianBodies(question, sentence),
  ]
    // "Kessling Maritime Museum" for "Which museum…?" is a name of its own, though it says "museum".
    .filter((m) =>
      tokenize(sentence.slice(m.start, m.end)).some(
        (w) => !w.stop && !namedByQuestion(question, w.word) && !spelledAcross(question, w.word),
      ),
    )
    .sort((a, b) => a.start - b.start);
  // The tagger's body and a run may be the same name: one mention, as long as both.
  const names: Span[] = [];
  for (const m of found) {
    const last = names.at(-1);
    if (last && m.start < last.end) last.end = Math.max(last.end, m.end);
    else names.push({ ...m });
  }
  return names;
}

/**
 * A Russian body's name, capitalised at its first word only, up to the asked noun as the corpus translates it:
 * "Мещанский районный суд" for "Which court…?", "Высшей школе" for "Which school…?" (the noun's Cyrillic forms, which
 * expanding the question found).
 */
function russianBodies(question: Question, sentence: string): Span[] {
  if (!hasCyrillic(sentence)) return [];
  const asked = stem(question.asks.institution!);
  const forms = new Set(
    question.terms.filter((t) => t.term === asked).flatMap((t) => t.forms.filter((f) => hasCyrillic(f))),
  );
  if (forms.size === 0) return [];
  const tokens = tokenize(sentence);
  return tokens.flatMap((t, i) => {
    if (!forms.has(t.term)) return [];
    const from = tokens
      .slice(Math.max(0, i - 3), i)
      // (Not the sentence's first word, capitalised whatever it is: "Вопрос о восстановлении издания".)
      .find(
        (w) =>
          hasCyrillic(w.word) &&
          /^\p{Lu}/u.test(sentence.slice(w.start, w.end)) &&
          /[\p{L}\p{N}]/u.test(sentence.slice(0, w.start)),
      );
    return from ? [{ start: from.start, end: t.end }] : [];
  });
}

/** Capitalised words in a row, "of", "for", "and", "the" between them: "Congress of People's Deputies". */
const CAPITAL_RUN =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’.&-]*(?:\s+(?:(?:of|for|and|on|the|de|du|der|&)\s+)*\p{Lu}[\p{L}'’.&-]*)*/gu;

/**
 * Names of bodies and buildings the tagger misses: two capitalised words or more headed by a noun WordNet files as
 * an institution of the kind asked (its last word, or the word before its "of": "Yekaterinburg City Duma" for "Which
 * body…?", "University of Tartu"; not "Congress of People's Deputies" for "Which hotel…?"); in a Russian sentence,
 * any run of Latin letters ("компанией Baltic Audit Partners").
 */
function institutionRuns(sentence: string, asked: string): Span[] {
  const russian = hasCyrillic(sentence);
  const kinds = institutionKinds(asked);
  return [...sentence.matchAll(CAPITAL_RUN)].flatMap((m) => {
    // (A sentence's full stop or a possessive's apostrophe is not part of the name.)
    const text = m[0].replace(/[.'’&-]+$/u, "");
    if (hasCyrillic(text)) return [];
    const words = text.split(/\s+/);
    const heads = [words.at(-1)!, ...words.filter((_, i) => words[i + 1] === "of")];
    const named =
      russian ||
      (words.filter((w) => /^\p{Lu}/u.test(w)).length > 1 &&
        heads.some((w) => isKindOf(w.replace(/['’]s?$/u, "").toLowerCase(), kinds, 1)));
    return named ? [{ start: m.index, end: m.index + text.length }] : [];
  });
}

/** The kinds of `INSTITUTIONS` a noun is, read once per noun: every candidate sentence asks. */
function institutionKinds(noun: string): string[] {
  let kinds = kindsOfNoun.get(noun);
  if (!kinds) {
    if (kindsOfNoun.size >= CACHE_LIMIT) kindsOfNoun.clear();
    kindsOfNoun.set(noun, (kinds = INSTITUTIONS.filter((k) => isKindOf(noun, [k]))));
  }
  return kinds;
}
const kindsOfNoun = new Map<string, string[]>();

/**
 * Whether a Cyrillic word is one of the question's Latin names as it sounds, in any ending: "Ольга", "Ольгой" of
 * "Olga" (too short for `isCognate`).
 */
function spelledAcross(question: Question, word: string): boolean {
  if (!hasCyrillic(word)) return false;
  const sound = cognateKey(toLatin(word));
  return question.names.some((name) => {
    const key = cognateKey(normalizeWord(name));
    return key.length >= 3 && sound.startsWith(key.slice(0, Math.max(3, key.length - 1)));
  });
}

/** The bodies a sentence names ("the Halden Savings Bank"), less those the question itself names. */
export function bodiesNamed(question: string, sentence: string): Span[] {
  return mentionsNotAsked("organization", question, sentence);
}

/**
 * What a sentence offers as an answer of the asked type: its mentions of that type, less those the question itself
 * names (in "What parts of Russia…?", "Russia" is no answer), narrowed by what the question asks beyond its type
 * (`Question.asks`: an age, a day, a kind of place, what it counts). For "how many", a list of names counts as a
 * number; in a Russian sentence, a number counts what the question counts when a word after it translates the
 * counted noun (`countedTranslations`: "делегат" for "delegates").
 */
export function answerMentions(question: Question, sentence: string): Span[] {
  const { type, asks } = question;
  if (type === "other" && asks.institution) return namesGiven(question, sentence);
  if (type === "other") return enumeration(sentence);
  let found = mentionsNotAsked(type, question.text, sentence);
  // A year or the day of a date counts nothing: "Сколько депутатов…?" is not answered by "1 октября 2023 года".
  if (type === "number") found = found.filter((m) => !isDatePart(sentence, m));
  // Nor a length of time ("два года", "five years") anything but time: "How many votes were required…?".
  if (type === "number" && !asks.time) found = found.filter((m) => !UNIT_OF_TIME.test(sentence.slice(m.end)));
  if (type === "number" && asks.age) found = found.filter((m) => isAge(sentence, m));
  // "What share of applicants live in Georgia?" is not answered by "в 41 стране": a percentage or a part of a whole.
  if (type === "number" && asks.share) found = found.filter((m) => isShare(sentence, m));
  // "On what date…?" is not answered by "in spring 2026": the day, or the day of the week, must be there.
  if (type === "date" && asks.day)
    found = found.filter((m) => NAMES_DAY.test(sentence.slice(Math.max(0, m.start - 4), m.end + 4)));
  // "In which month…?" is not answered by "in 2024": the month must be there.
  if (type === "date" && asks.month)
    found = found.filter((m) => namesMonth(sentence.slice(Math.max(0, m.start - 4), m.end + 4)));
  // "Where was she born?" is not answered by "born in 1955 and moved to Alta": the place is where the birth is.
  if (type === "place" && asks.birthplace) found = found.filter((m) => bornAt(sentence, m));
  const place = type === "place" ? asks.place : undefined;
  if (place) found = found.filter((m) => isPlaceOfKind(sentence.slice(m.start, m.end), place));
  // "How much waste…?" is measured in tonnes of what the text may call rubbish: only counts, and money, are checked.
  const noun = type === "number" ? asks.counted : undefined;
  const many = noun !== undefined && asks.howMany ? noun : undefined;
  const counted = noun === "money" || (type === "number" && asks.money) ? "money" : many;
  const translations = countedTranslations(question);
  // "Сколько членов…?" counts people, not euros: "Associate members pay 50 euros a year" does not answer it.
  if (type === "number" && !counted && asks.countsPeople)
    found = found.filter((m) => !countsWhatIsAsked("money", sentence, m, translations));
  if (counted)
    found = found.filter(
      (m) =>
        countsWhatIsAsked(counted, sentence, m, translations) ||
        (asks.voters && countsVoters(sentence, m)) ||
        (counted !== "money" && countsPart(sentence, m)),
    );
  if (type === "number" && found.length === 0 && countsNames(many) && !asks.money) {
    // "Сколько депутатов…?" counts people: a list of countries does not answer it; nor any list an amount of money
    // ("how much did the council pay for the riga hotel": "…the hotels in Vilnius, Prague, Warsaw, Berlin and Riga").
    const list = longestList(sentence, asks.countsPeople);
    if (list.length > 0) return [{ start: list[0]!.start, end: list.at(-1)!.end }];
  }
  return found;
}

/** What says a number is a share: a percent sign or word after it, a fraction's word in it. */
const PERCENT_AFTER = /^\s*(?:%|per\s?cent|percent|процент\p{L}*|проц\.)/iu;
const FRACTION =
  /(?<![\p{L}])(?:half|halves|third|thirds|quarter|quarters|fifth|fifths|половин\p{L}*|трет\p{L}*|четверт\p{L}*)(?![\p{L}])/iu;

/** Whether a number gives a share: "22 процента", "sixty per cent", "7,2%", "two-thirds", "12 of the 40". */
function isShare(sentence: string, m: Span): boolean {
  return (
    PERCENT_AFTER.test(sentence.slice(m.end, m.end + 12)) ||
    FRACTION.test(sentence.slice(m.start, m.end + 10)) ||
    countsPart(sentence, m)
  );
}

/** Words that say where someone was born: "born", "a native of", "уроженец", "родилась", "родом". */
const BORN = /(?<![\p{L}])(?:born|native of|родил\p{L}*|уроженец|уроженка|уроженц\p{L}*|родом)(?![\p{L}])/giu;
/** What may stand between them and the place: prepositions, a year or a date ("born on 3 May 1971 in"). */
const BIRTH_GAP = new Set(
  [
    "in at near on the a an town city village of в во на под из городе селе деревне посёлке поселке году г",
    "january february march april may june july august september october november december",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Whether a place is where the sentence says someone was born: after "born", "уроженец", "родилась" with only
 * prepositions, a year or a date, or the name's first words between ("родилась в 1971 году в Набережных Челнах"); not
 * "born in 1955 and moved to Alta".
 */
function bornAt(sentence: string, m: Span): boolean {
  const before = sentence.slice(Math.max(0, m.start - 80), m.start);
  const last = [...before.matchAll(BORN)].at(-1);
  if (!last) return false;
  const gap = before.slice(last.index + last[0].length).match(/[\p{L}\p{N}.-]+/gu) ?? [];
  return gap.every(
    (w) => /^\d{1,4}$/.test(w) || /^\p{Lu}/u.test(w) || BIRTH_GAP.has(w.replace(/\.$/, "").toLowerCase()),
  );
}

/** A number just before a month's name: the day of a date. */
const DAY_BEFORE_MONTH = new RegExp(`^\\s*(?:${RU_MONTHS_OF}|${EN_MONTHS})(?![\\p{L}])`, "u");
/** A year: a number of 1800–2099 not followed by a noun other than "год" (as "1950 человек" would be). */
const YEAR_NUMBER = /^(?:1[89]|20)\d\d$/;

/** Whether a number is part of a date: a year, or the day before a month's name. */
function isDatePart(sentence: string, m: Span): boolean {
  const after = sentence.slice(m.end, m.end + 16);
  if (DAY_BEFORE_MONTH.test(after)) return true;
  if (!YEAR_NUMBER.test(sentence.slice(m.start, m.end))) return false;
  const next = /^\s*(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
  return next === undefined || /^(?:год|г$)/.test(next) || isStopWord(next);
}

/**
 * Stems of the Russian translations of the noun "How many…?" counts (`Question.terms`' forms, once expanded), for
 * `answerMentions`; read once per question, as every candidate sentence is judged with them.
 */
export function countedTranslations(question: Question): ReadonlySet<string> {
  let found = translationsOf.get(question);
  if (!found) {
    const noun = question.type === "number" ? question.asks.counted : undefined;
    const counted = noun && stem(noun);
    const term = counted
      ? question.terms.find((t) => t.term === counted || t.forms.includes(counted))
      : undefined;
    translationsOf.set(question, (found = new Set(term?.forms.filter(hasCyrillic) ?? [])));
  }
  return found;
}
const translationsOf = new WeakMap<Question, ReadonlySet<string>>();

/**
 * Whether a text speaks of a name, in any case and, in Russian, in any ending: it has a word that begins with it
 * ("Riga's" for "Riga"; "Волошиной" for "Волошина", by all but its last two letters).
 */
function speaksOf(name: string, text: string): boolean {
  let re = nameTests.get(name);
  if (!re) {
    if (nameTests.size >= CACHE_LIMIT) nameTests.clear();
    // Either apostrophe stands for the other: "O’Brien" as a phone types it, "O'Brien" as a document does.
    const root = escapeRegExp(rootOf(name)).replace(/['’]/g, "['’]");
    nameTests.set(name, (re = new RegExp(`(?<![\\p{L}\\p{N}])${root}`, "iu")));
  }
  return re.test(text);
}
/** The test of `speaksOf` for each name of a question: every candidate sentence is tested for the same ones. */
const nameTests = new Map<string, RegExp>();

/** What a name's forms begin with: a Russian name without its last two letters ("Волошин" of "Волошина"). */
const rootOf = (name: string) => (hasCyrillic(name) ? name.slice(0, Math.max(4, name.length - 2)) : name);

/** A question's words, lower-cased, and the places it describes (`QueryTerm.places`), read once. */
function wordsOf(question: Question): string[] {
  let words = questionWords.get(question);
  if (!words)
    questionWords.set(
      question,
      (words = [
        ...(question.text.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? []),
        // The places it describes: "Riga" is no other place than "the Latvian capital".
        ...question.terms.flatMap((t) => t.places ?? []),
      ]),
    );
  return words;
}
const questionWords = new WeakMap<Question, string[]>();

const YEAR = /(?<!\d)(?:1[89]|20)\d\d(?!\d)/g;
/** A span of years: "2011–2025", "2022-2024". */
const YEAR_SPAN = /(?<!\d)((?:1[89]|20)\d\d)\s*[–—-]\s*((?:1[89]|20)\d\d)(?!\d)/g;

/** Where a sentence is read from: its text, its context (title, heading, the sentences before, itself) and headers. */
interface Reading {
  question: Question;
  sentence: string;
  context: string;
  title: string;
  heading: string;
  /** Whether the sentence is Cyrillic: a name in the other script is judged only against a title's place. */
  script: boolean;
  /** The question's names (`namedWords`) and lower-case places. */
  named: NamedRun[];
}

/** The question's names in the sentence's script that `text` does not speak of. */
const unsaid = (r: Reading, text: string) =>
  r.named.filter((n) => hasCyrillic(n.words[0]!) === r.script && !n.words.some((w) => speaksOf(w, text)));

/** A word of a sentence's name that the question itself uses is no other: "Radulova's" for "Radulova". */
function usedByQuestion(question: Question): (word: string) => boolean {
  const own = wordsOf(question);
  return (w) => {
    const root = rootOf(w).toLowerCase();
    return own.some((q) => q.startsWith(root));
  };
}

/** Whether a text in the sentence's script names a place the question does not. */
const namesOtherPlace = (r: Reading, text: string) =>
  hasCyrillic(text) === r.script &&
  placesNamed(text).some((words) => !words.some(usedByQuestion(r.question)));

/**
 * Another year: the sentence has years and not the question's ("The budget for 2026 is…" for "…for 2024?"); or it has
 * none and its context does ("In 2023 the fund…" two sentences before, a heading "## 2023"), unless a span of years
 * there covers the question's ("A Chronology, 2011–2025").
 */
function anotherYear({ question, sentence, context }: Reading): boolean {
  if (question.years.length === 0) return false;
  const years: string[] = sentence.match(YEAR) ?? [];
  if (question.years.some((y) => years.includes(y))) return false;
  if (years.length > 0) return true;
  const around: string[] = context.match(YEAR) ?? [];
  const spans = [...context.matchAll(YEAR_SPAN)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const covered = (y: string) =>
    around.includes(y) || spans.some(([from, to]) => from <= Number(y) && Number(y) <= to);
  return around.length > 0 && !question.years.some(covered);
}

/**
 * Another one picked by its context's ordinal: "Председательствовал на сессии Олег Рудаков" under the title
 * "…завершилась третья сессия…" (or after "The third session opened…"), for "Who chaired the fourth session?",
 * unless the sentence says the fourth.
 */
const anotherOrdinalAround = ({ question, sentence, context }: Reading) =>
  picksAnotherOrdinal(question, context) && !namesOrdinal(question, sentence);

/**
 * A title in the other script than the question's place that names a place ("В Праге прошла пятая сессия…" for
 * "…the Berlin session?", "Walkout in Berlin" for "…сессии в Праге?"), where the context names the question's place
 * in neither spelling.
 */
function titleAcross(r: Reading): boolean {
  if (!r.title || hasCyrillic(r.title) !== r.script) return false;
  const across = r.named.filter(
    (n) =>
      n.kind === "place" &&
      hasCyrillic(n.words[0]!) !== r.script &&
      !saidAcross(r.question, n.words, r.context),
  );
  return across.length > 0 && placesNamed(r.title).length > 0;
}

/**
 * A section headed by another place ("## Riga" in "From Riga to Prague", for "…the Prague session?"), where the
 * heading, the sentences before and the sentence do not name the question's place; the title may.
 */
const headingPlace = (r: Reading) =>
  r.heading !== "" &&
  unsaid(r, r.context.slice(r.title.length)).some((n) => n.kind === "place") &&
  namesOtherPlace(r, r.heading);

/**
 * A document whose title names another place ("Walkout in Berlin: …" for "…the Tbilisi session?"), where the context
 * does not name the question's; a place the title locates it near is not its own.
 */
const titlePlace = (r: Reading) =>
  unsaid(r, r.context).some((a) => a.kind === "place") && namesOtherPlace(r, r.title);

/**
 * A name of the kind of one the question's context does not speak of: "Hostova received 71 votes" for "How many
 * votes did Radulova receive?", "in Prague" for "…in Riga?".
 */
function otherName(r: Reading): boolean {
  const asked = unsaid(r, r.context);
  if (asked.length === 0) return false;
  const used = usedByQuestion(r.question);
  return namedWords(r.sentence, false).some(
    (o) => asked.some((a) => a.kind === o.kind) && !o.words.some(used),
  );
}

/**
 * The checks that a sentence speaks of another, by name, in the order they are asked: those that rule a sentence
 * out (`PICKING_CHECKS`) first, so that the first check found says whether it is ruled out.
 */
const OTHER_CHECKS = {
  // A sentence that picks another one by a name or an ordinal ("The Helsinki session…" for "…the Warsaw session?",
  // "The fourth session…" for "…the sixth session?") speaks of another whatever its context.
  picked: (r: Reading) => picksAnother(r.question, r.sentence) || picksAnotherOrdinal(r.question, r.sentence),
  titleAcross,
  year: anotherYear,
  ordinalAround: anotherOrdinalAround,
  headingPlace,
  titlePlace,
  otherName,
} as const;

export type OtherCheck = keyof typeof OTHER_CHECKS;
const ALL_CHECKS = Object.keys(OTHER_CHECKS) as OtherCheck[];

/**
 * The checks that find another where the sentence itself picks it ("The Helsinki session cost €38,500" for "…the
 * Berlin session?"), or a title in the other script names another place ("В Тбилиси прошёл второй съезд…" for
 * "…the congress in Prague?"): they rule a sentence out (the `picksAnother` feature). On d8–d12 they fired on 2
 * sentences that answer and on 52 of the best three that do not; ruling out by the others cost right answers.
 */
export const PICKING_CHECKS: readonly OtherCheck[] = ["picked", "titleAcross"];

/** Whether the check `anotherBy` found rules the sentence out: one of `PICKING_CHECKS`, asked first. */
export const picksOut = (check: OtherCheck | undefined) =>
  check !== undefined && PICKING_CHECKS.includes(check);

/**
 * Which check finds that a sentence speaks of another year, place or name than the question does, and not of the
 * question's (`OTHER_CHECKS`, or those of `checks`); undefined when none does. `context` is the sentence's title,
 * heading, the sentences before it and itself, in that order; `title` and `heading` are its document's and section's.
 */
export function anotherBy(
  question: Question,
  sentence: string,
  context: string,
  title = "",
  heading = "",
  checks: readonly OtherCheck[] = ALL_CHECKS,
): OtherCheck | undefined {
  const named = question.named;
  const reading: Reading = {
    question,
    sentence,
    context,
    title,
    heading,
    script: hasCyrillic(sentence),
    named,
  };
  return checks.find((check) => OTHER_CHECKS[check](reading));
}

/**
 * Whether a sentence speaks of another year, place or name than the question does, and not of the question's: "The
 * budget for 2026 is…" for "What was the budget for 2024?", "Hostova received 71 votes" for "How many votes did
 * Radulova receive?", "in Prague" for "…in Riga?" (`anotherBy` says by which check).
 */
export function speaksOfAnother(
  question: Question,
  sentence: string,
  context: string,
  title = "",
  heading = "",
): boolean {
  return anotherBy(question, sentence, context, title, heading) !== undefined;
}

/**
 * Whether a text in the other script names one of a question's name's words: an English name as the corpus spells
 * it in Russian (`nameIn`), a Russian one by the Latin spellings its reading found or as a cognate ("Берлине" as
 * "Berlin"). A Russian name whose Latin spelling the corpus lacks is said only as its cognate: "Германии" is not in an
 * English sentence that names "Prague" and not "Germany" (had the corpus used the name's translation, reading the
 * question would have found it). A name too short to be known by its sound (`soundTells`: "Праге", "Риге") counts as
 * named there: it cannot be told.
 */
function saidAcross(question: Question, words: string[], text: string): boolean {
  return words.some((w) => {
    if (!hasCyrillic(w)) return nameIn(w, question)(text);
    const term = question.terms.find((t) => t.word === normalizeWord(w));
    const latin = term?.forms.filter((f) => !hasCyrillic(f)) ?? [];
    if (!term || (latin.length === 0 && !soundTells(term.cognate ?? ""))) return true;
    const { cognate } = term;
    return tokenize(text).some(
      (t) => latin.includes(t.term) || (cognate !== undefined && isCognate(cognate, t.term)),
    );
  });
}

/**
 * The places a title or heading names (`namedWords`), less one it locates its own near; read once per text: every
 * candidate sentence under it asks again.
 */
function placesNamed(text: string): string[][] {
  let places = titlePlaces.get(text);
  if (!places) {
    places = namedWords(text.replace(NEAR_PLACE, ""), false).flatMap((o) =>
      o.kind === "place" ? [o.words] : [],
    );
    if (titlePlaces.size >= CACHE_LIMIT) titlePlaces.clear();
    titlePlaces.set(text, places);
  }
  return places;
}
const titlePlaces = new Map<string, string[][]>();

/** A place a title locates its own near: "…convene a congress near Warsaw", "…под Варшавой". */
const NEAR_PLACE = /(?<![\p{L}])(?:near|outside|под)\s+\p{Lu}[\p{L}'’-]*/gu;

/**
 * Whether a sentence picks another one of what the question picks by name: "The Helsinki session … was chaired by…"
 * for "Who chaired the Warsaw session?", the question's name nowhere in the sentence.
 */
function picksAnother(question: Question, sentence: string): boolean {
  if (hasCyrillic(sentence)) return false;
  if (question.cyrillic) return picksAnotherAcross(question, sentence);
  const asked = question.picks;
  if (asked.length === 0) return false;
  const plain = foldDiacritics(sentence.toLowerCase());
  // (A sentence's first word is capitalised whatever it is: the dictionaries tell a name.)
  return [...sentence.matchAll(MODIFIED)].some((m) => {
    const [, name, head] = m as unknown as [string, string, string];
    const other = foldDiacritics(name.toLowerCase());
    return (
      /^\p{Lu}/u.test(name) &&
      kindOfName(name) !== undefined &&
      asked.some(
        (a) =>
          a.head === stem(head) &&
          !other.startsWith(a.name) &&
          !a.name.startsWith(other) &&
          !plain.includes(a.name),
      )
    );
  });
}

/**
 * What a Russian question asks about in a place: the noun before "в", "во" or "на" and the place ("сессии Ассамблеи в
 * Риге", "конференции в Кракове"), each with the place in Latin letters as the beginning its spellings share ("Риге",
 * "Рига" → "rig"); read once.
 */
function pickedAcross(question: Question): { root: string; head: QueryTerm }[] {
  let found = acrossPicks.get(question);
  if (!found) {
    found = [...question.text.matchAll(PICKED_IN_PLACE)].flatMap((m) => {
      const [, noun, place] = m as unknown as [string, string, string];
      const head = question.terms.find((t) => t.word === normalizeWord(noun));
      const root = cognateKey(toLatin(place)).replace(/[aeiouj]+$/u, "");
      return head && root.length >= 3 && kindOfName(place) === "place" ? [{ root, head }] : [];
    });
    acrossPicks.set(question, found);
  }
  return found;
}
const acrossPicks = new WeakMap<Question, { root: string; head: QueryTerm }[]>();

/** "сессии в Риге", "сессии Ассамблеи в Риге": a noun, perhaps a name, then a place after "в", "во" or "на". */
const PICKED_IN_PLACE = /(?<![\p{L}])(\p{Ll}+)(?:\s+\p{Lu}[\p{L}-]*)?\s+(?:в|во|на)\s+(\p{Lu}[\p{L}-]*)/gu;

/**
 * Whether an English sentence picks another place's one of what a Russian question asks about in a place: "The
 * Helsinki session … was chaired by…" for "Кто был председателем сессии в Риге?" ("сессии" is "session" in English),
 * the question's place nowhere in the sentence.
 */
function picksAnotherAcross(question: Question, sentence: string): boolean {
  const asked = pickedAcross(question);
  if (asked.length === 0) return false;
  const key = (word: string) => cognateKey(foldDiacritics(word.toLowerCase()));
  const capitalised = (sentence.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).map(key);
  return [...sentence.matchAll(MODIFIED)].some((m) => {
    const [, name, head] = m as unknown as [string, string, string];
    const term = stem(head);
    return (
      /^\p{Lu}/u.test(name) &&
      kindOfName(name) === "place" &&
      asked.some(
        (a) =>
          !capitalised.some((c) => c.startsWith(a.root)) &&
          (a.head.forms.includes(term) || (a.head.cognate !== undefined && isCognate(a.head.cognate, term))),
      )
    );
  });
}

/**
 * Whether a sentence picks another one of what the question picks by an ordinal, in either language: "The fourth
 * session was chaired by…", "на пятой сессии" for "Who chaired the sixth session?", the question's ordinal nowhere in
 * the sentence.
 */
/** Words before what a sentence compares its subject with: "up from 164 at the third session", "than at the fifth". */
const COMPARED = new Set([
  "from",
  "than",
  "since",
  "after",
  "before",
  "unlike",
  "compared",
  "previous",
  "чем",
  "после",
  "до",
  "с",
]);

/**
 * Whether a sentence says the ordinal the question picks by ("fourth", "четвёртой", "4th") of the question's noun
 * (`saysRank`): "the fourth session", not "the fourth reading".
 */
function namesOrdinal(question: Question, sentence: string): boolean {
  const picked = question.terms.filter((t) => t.ordinal !== undefined);
  if (picked.length === 0) return false;
  const tokens = tokenize(sentence);
  const ranks = tokens.map((t) => ordinalRank(t.term));
  return picked.some((t) => saysRank(tokens, ranks, ordinalRank(t.ordinal!), nounForms(t)));
}

/**
 * Whether a text (its tokens and their ordinal ranks) says an ordinal of the question's noun (`heads`, its forms):
 * "the first session", "the first plenary session", "the first, in Warsaw", not "the first reading" (the ordinal of
 * another noun).
 */
function saysRank(
  tokens: Token[],
  ranks: (number | undefined)[],
  rank: number | undefined,
  heads: ReadonlySet<string>,
): boolean {
  if (rank === undefined) return false;
  return ranks.some((r, i) => {
    if (r !== rank) return false;
    const next = tokens[i + 1];
    if (!next || next.stop || heads.has(next.term) || ranks[i + 1] !== undefined) return true;
    return heads.has(tokens[i + 2]?.term ?? "");
  });
}

/** A question's noun as a sentence may write it: its term and its forms. */
const nounForms = (t: QueryTerm): ReadonlySet<string> => new Set([t.term, ...t.forms]);

function picksAnotherOrdinal(question: Question, sentence: string): boolean {
  const picked = question.terms.filter((t) => t.ordinal !== undefined);
  if (picked.length === 0) return false;
  const tokens = tokenize(sentence);
  const ranks = tokens.map((t) => ordinalRank(t.term));
  return picked.some((t) => {
    const rank = ordinalRank(t.ordinal!);
    const head = nounForms(t);
    if (rank === undefined || saysRank(tokens, ranks, rank, head)) return false;
    // The ordinal right before the noun, or one word between ("the fourth plenary session"); not one the sentence
    // compares with ("up from 164 at the third session").
    return tokens.some(
      (tok, i) =>
        head.has(tok.term) &&
        [ranks[i - 1], ranks[i - 2]].some((r) => r !== undefined && r !== rank && r <= 10) &&
        !tokens.slice(Math.max(0, i - 6), i).some((w) => COMPARED.has(w.word)),
    );
  });
}

/**
 * A test of whether a text uses one of a question's names (`Question.names`: "Skarvøy", "Skarvøy's"), in any case, or
 * its form in the other script that the question's reading found in the corpus ("Voronov": "Воронова", a Cyrillic
 * form of its term beginning a word). A document in Russian names "Voronov" as "Воронов".
 */
export function nameIn(name: string, question: Question): (text: string) => boolean {
  const word = normalizeWord(name);
  const forms = hasCyrillic(name)
    ? []
    : question.terms
        // "Lapshin's" in "Lapshin's expulsion" is the name "Lapshin".
        .filter((t) => t.word?.replace(/'s$/u, "") === word)
        // "Latvian" in "the Latvian capital" is said where "Riga" is (`QueryTerm.places`).
        .flatMap((t) => [...t.forms.filter((f) => hasCyrillic(f)), ...(t.places ?? [])]);
  const other = forms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join("|")})`, "iu")
    : undefined;
  const initial = initialled(name, question);
  // (The question's names are of Latin letters: `speaksOf` looks for the name as written.)
  return (text) => speaksOf(name, text) || (other?.test(text) ?? false) || (initial?.test(text) ?? false);
}

/**
 * A given name written as its initial before the surname that follows it in the question: "V. Kholodova" names
 * "Vera" of "Vera Kholodova" (registers and lists give initials); undefined where no name of the question follows.
 */
function initialled(name: string, question: Question): RegExp | undefined {
  const after = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}\\s+(\\p{Lu}[\\p{L}'’-]+)`, "u").exec(
    question.text,
  )?.[1];
  const surname = after && question.names.find((n) => n === after.replace(/['’]s$/u, ""));
  if (!surname || !/^\p{Lu}/u.test(name)) return undefined;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(name[0]!)}\\.\\s*${escapeRegExp(rootOf(surname))}`,
    "u",
  );
}

/**
 * Whether the question itself names a name, in any case and in either script: "Ильи Пономарёва" for "Who stood
 * against Ponomarev?", "Ponomarev" for "Кто победил Пономарёва?".
 */
export function namedByQuestion(question: Question, name: string): boolean {
  return tokenize(name).some((w) =>
    question.terms.some(
      (t) =>
        t.term === w.term ||
        t.forms.includes(w.term) ||
        isCognate(cognateKey(toLatin(w.word)), t.term) ||
        (t.cognate !== undefined && isCognate(t.cognate, w.term)),
    ),
  );
}
