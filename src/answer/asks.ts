// What a question asks for beyond its answer type, read once from its words: "How old…?" asks an age, "On what
// date…?" a day, "Which city…?" a city, "How many delegates…?" a count of delegates, "How many voted against…?" one
// side of a vote. Every candidate sentence is judged against this record; nothing downstream reads the question's
// text for it again.
import { hasCyrillic } from "../text/tokenize.js";
import { pluralNoun } from "../text/russian-morphology.js";
import { tagged } from "../text/tagger.js";
import { isKindOf } from "../text/wordnet.js";
import type { AnswerType } from "./question.js";

/** The kind of place "Which country…?" or "В каком городе…?" asks for. */
export type PlaceKind = "country" | "city";

/** One side of a vote that "How many voted against…?", "…abstained?", "…in favour?" ask for. */
export type VoteSide = "against" | "abstain" | "for";

export interface Asks {
  /** Someone's age: "How old is she?", "Сколько лет Маргарите Величко?" (not "Сколько лет существует съезд?"). */
  age: boolean;
  /**
   * A length of time or an age: "How long…?", "How old…?", "How many years…?", "На какой срок…?", "How much speaking
   * time…?"; only such a question is answered by "five years" or "два года".
   */
  time: boolean;
  /** A date's day: "On what date…?", "When exactly…?", "Какого числа…?". */
  day: boolean;
  /** A date's month: "In which month…?", "В каком месяце…?". */
  month: boolean;
  /** An amount of money: "How much did the session cost?", "Во сколько обошлась…?" (not "How many members pay dues?"). */
  money: boolean;
  /** A share: "What share of…?", "What percentage…?", "Какая доля…?", "Сколько процентов…?". */
  share: boolean;
  /** The kind of place "Which country…?", "In what city…?", "В какой стране…?" asks for; none for "Where…?". */
  place?: PlaceKind;
  /**
   * A place and nothing else answers: a place of a kind, a birthplace ("Where was she born?") or where a meeting was
   * held ("Where was the session held?"; not "Where does the congress meet?", which "in exile, online" may answer).
   */
  placeOnly: boolean;
  /** Where someone was born: "Where was she born?", "Где родилась…?", "What is the hometown of…?". */
  birthplace: boolean;
  /** The noun "how many"/"how much" counts or measures ("delegates", "tonnes", "money"), in lower case. */
  counted?: string;
  /** "How many…?", as against "How much…?". */
  howMany: boolean;
  /** How people voted: "How many delegates voted against…?", "How many abstentions…?", "What was the tally…?". */
  voters: boolean;
  /** About a vote's result: "What was the vote…?", "By what margin…?", "Каким был результат голосования…?". */
  vote: boolean;
  /** The side of a vote asked about, if one is. */
  side?: VoteSide;
  /** Speaks of votes in English ("voted", "votes"): "by 40 votes to 8" gives the side against as its second number. */
  votes: boolean;
  /** A Russian "Сколько X…?" counts living beings ("депутатов", "членов"). */
  countsPeople: boolean;
  /** "Who won…?", "Who is the treasurer?", "Кто был избран…?": a name answers, not a description. */
  whoDid: boolean;
  /** Two questions in one: "When and where…?", "How many…, and from how many countries?". */
  twoThings: boolean;
  /** A name, whatever the answer type: "What are the names…?", "Как зовут…?", "Назовите…". */
  aName: boolean;
  /** A date, whatever the answer type: "What are the exact dates…?", "Какого числа…?". */
  aDate: boolean;
  /**
   * "Which university…?", "At which hotel…?", "What newspaper…?": the noun of the body, building or publication whose
   * name is asked; "в университете" or "a small German foundation" names none.
   */
  institution?: string;
}

/** A word of a question as compromise tags it. */
export interface TaggedWord {
  normal: string;
  root?: string;
  tags: string[];
}

/**
 * Reads what `text` asks for beyond its `type`. `words`: the question's words as the tagger read them, if it did (an
 * English question); the counted noun needs them.
 */
export function readAsks(text: string, type: AnswerType, words?: TaggedWord[]): Asks {
  const place = askedPlace(text);
  const counted = HOW_MANY_OR_MUCH.test(text) ? countedNoun(words ?? taggedWords(text)) : undefined;
  // "за" and "for" are also what a vote is on ("Как голосовали за кодекс?"): a side only where a count is asked.
  const side = SIDES.find(
    ([which, asks]) => asks.test(text) && (which !== "for" || COUNT_ASKED.test(text)),
  )?.[0];
  const age = asksAge(text);
  return {
    age,
    time: age || TIME_ASKED.test(text) || (counted !== undefined && UNIT_OF_TIME.test(` ${counted}`)),
    day: ASKS_DAY.test(text),
    month: ASKS_MONTH.test(text),
    money: MONEY_WORDS.test(text) && !NOT_MONEY.test(text),
    share: ASKS_SHARE.test(text),
    ...(place ? { place } : {}),
    placeOnly: place !== undefined || BIRTHPLACE.test(text) || HELD_WHERE.test(text),
    birthplace: type === "place" && (BIRTHPLACE.test(text) || HOMETOWN.test(text)),
    ...(counted ? { counted } : {}),
    howMany: /\bhow many\b/i.test(text),
    voters: ASKS_VOTERS.test(text),
    vote: ASKS_VOTE.test(text),
    ...(side ? { side } : {}),
    votes: /(?<![\p{L}])vot/iu.test(text),
    countsPeople: countsRussianPeople(text),
    whoDid: type === "person" && asksWhoDid(text),
    twoThings: asksTwo(text),
    aName: ASKS_NAME.test(text),
    aDate: ASKS_DATE.test(text),
    ...institutionAsked(type, words),
  };
}

/** What WordNet files bodies, buildings and publications under: what has a name of its own ("Hotel Metropol"). */
export const INSTITUTIONS = [
  "organization",
  "social_group",
  "establishment",
  "structure",
  "facility",
  "publication",
  "institution",
];

/**
 * The noun a "which"/"what" question asks about: the last of the nouns right after the question word ("Which Council
 * member…?" asks about a member); undefined where none follows ("What did she say?").
 */
export function askedNoun(words: readonly TaggedWord[]): string | undefined {
  const at = words.findIndex((t) => t.normal === "which" || t.normal === "what");
  if (at < 0) return undefined;
  let head: string | undefined;
  for (const t of words.slice(at + 1, at + 5)) {
    if (t.tags.includes("Noun") && !t.tags.includes("Pronoun")) head = t.normal;
    else if (head || !t.tags.some((g) => g === "Adjective" || g === "Value" || g === "Determiner")) break;
  }
  return head;
}

/** The body or building "Which university…?" asks the name of: of an English question of no other type. */
function institutionAsked(type: AnswerType, words: TaggedWord[] | undefined): { institution?: string } {
  if (type !== "other" || !words) return {};
  const noun = askedNoun(words);
  // "What academic post…?" asks for a job, though WordNet also has a post as a military one.
  return noun && isKindOf(noun, INSTITUTIONS) && !isKindOf(noun, ["occupation"], 3)
    ? { institution: noun }
    : {};
}

/** A length of time's unit after its number: "nine months", "two-year", "два года", "10 рабочих дней". */
export const UNIT_OF_TIME =
  /^(?:[ \u00a0]+|-)?(?:(?:working|calendar|full|рабочих|календарных|полных)[ \u00a0]+)?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century|год(?:а|у)?|лет|месяц(?:а|ев)?|недел(?:я|и|ь|ю)|дн(?:я|ей)|день|час(?:а|ов)?|минут[аы]?)(?![\p{L}])/iu;

/** Questions about time: how long, how old, how soon or often, a count of years or days, a term, an age, a time. */
const TIME_ASKED =
  /(?<![\p{L}])(?:how (?:long|old|soon|often|fast|quickly)|как (?:долго|часто|скоро|быстро)|за сколько|сколько (?:\p{L}+ )?(?:лет|времени|месяц\p{L}*|недел\p{L}*|дн\p{L}*|час\p{L}*|минут\p{L}*)|срок\p{L}*|возраст\p{L}*|времен\p{L}*|время|длительност\p{L}*|time|age|duration|period|term|tenure)(?![\p{L}])/iu;

/** "сколько лет" asked of someone named or a pronoun ("…было Тимуру Газиеву", "…ей"), not of a verb ("…существует"). */
const RUSSIAN_AGE =
  /(?<![\p{L}])сколько лет\s+(?:(?:было|будет)\s+)?(?:\p{Lu}|(?:ему|ей|им|вам|тебе)(?![\p{L}]))/u;

function asksAge(text: string): boolean {
  return (
    /\bhow old\b/i.test(text) ||
    // The age of someone named, or of "him" or "her": the question's first word lower-cased, its names kept.
    RUSSIAN_AGE.test(text.replace(/^\s*\p{L}/u, (c) => c.toLowerCase()))
  );
}

/**
 * Words of money in a question that asks for an amount: "How much did the session cost?", "What salary…?", "What does
 * a newsroom pay…?", "Сколько стоило…?", "Какой бюджет…?". A question about a share, a vote or a count of the same
 * ("How many members pay dues?") asks for no amount of money.
 */
const MONEY_WORDS =
  /(?<![\p{L}])(?:money|funding|cost|costs|costing|price|prices|fee|fees|dues|salary|salaries|wage|wages|budget|budgets|pay|pays|paid|paying|charge|charges|spend|spent|earn|earns|earned|стои(?:л|ла|ло|ли|т|ть|мост\p{L}*)|бюджет\p{L}*|взнос\p{L}*|зарплат\p{L}*|оклад\p{L}*|гонорар\p{L}*|денег|деньги|обош(?:[её]л|лась|лось|лись)|обойд[её]тся|обойдутся)(?![\p{L}])|сколько\s+(?:\p{L}+\s+)?(?:плат|заплат|потрат)/iu;
const NOT_MONEY =
  /(?<![\p{L}])(?:share|percent(?:age)?|per cent|proportion|ratio|vote|votes|tally|how many|in charge|дол[яиюе]\p{L}*|процент\p{L}*|(?:про)?голос\p{L}*)(?![\p{L}])/iu;

/**
 * A question that asks for a day, not a month or a year: "On what date…?", "What are the exact dates…?", "When
 * exactly…?", "On which day…?", "Какого числа…?", "Точная дата…?".
 */
const ASKS_DAY =
  /(?<![\p{L}])(?:on what date|what date|which date|what dates|which dates|exact dates?|what day|which day|when exactly|exactly when)(?![\p{L}])|какого числа|каких числах|точн\p{L}* дат\p{L}*|в какой день|в какие дни/iu;

/** A question that asks for a share of a whole: a percentage or a fraction answers it, not a count. */
const ASKS_SHARE =
  /(?<![\p{L}])(?:(?:what|which)\s+(?:share|percentage|proportion|fraction)|what\s*%|how many per\s?cent|как(?:ая|ую|ой)\s+дол(?:я|ю|и)|какой\s+процент|сколько\s+процентов)(?![\p{L}])/iu;

/** A question that asks for a month: "In which month…?", "What month…?", "В каком месяце…?". */
const ASKS_MONTH = /(?<![\p{L}])(?:which month|what month|в каком месяце|в какой месяц)(?![\p{L}])/iu;

const RUSSIAN_PLACE_ASKED =
  /(?<![\p{L}])как(?:ой|ом|ую|ая|ие|их|ое)\s+(стран\p{L}*|государств\p{L}*|город\p{L}*)/iu;

/** The kind of place asked for; undefined for "Where…?" or a region. */
function askedPlace(text: string): PlaceKind | undefined {
  const noun = /\b(?:which|what)\s+(countr(?:y|ies)|nations?|states|cit(?:y|ies)|towns?)\b/i.exec(text)?.[1];
  if (noun) return /^(?:cit|town)/i.test(noun) ? "city" : "country";
  // "В какой стране…?", "В каком городе…?", "Какие государства…?".
  const russian = RUSSIAN_PLACE_ASKED.exec(text)?.[1];
  if (!russian) return undefined;
  return /^город/i.test(russian) ? "city" : "country";
}

/** "Where was she born?", "Где родился…?": a birthplace, which only a place answers. */
const BIRTHPLACE = /(?<![\p{L}])(?:born|birthplace|place of birth|родил\p{L}*|место рождения)(?![\p{L}])/iu;
/** "What is the hometown of…?", "Откуда родом…?": where someone comes from. */
const HOMETOWN = /(?<![\p{L}])(?:hometown|home town|родом|уроженец|уроженка)(?![\p{L}])/iu;

/**
 * "Where was the second session held?", "Где прошло учредительное собрание?": where a meeting was (or will be) held,
 * which only a place answers; not "Where does the congress meet?", nor "Where does the Congress say its money comes
 * from?".
 */
const HELD_WHERE =
  /^\s*(?:and\s+)?where\b.*\b(?:held|took\s+place|met|convened|gathered)\b|^\s*(?:and\s+)?where(?:\s+and\s+when)?\s+(?:did|will|would|was|were)\b.*\b(?:hold|take\s+place|meet|convene|gather)\b|^\s*(?:[аА]\s+)?[гГ]де\s+(?:прош\p{L}*|пройд\p{L}*|состо\p{L}*|проход\p{L}*|собрал\p{L}*)/iu;

const HOW_MANY_OR_MUCH = /\bhow\s+(?:many|much)\b/i;
const AUXILIARY = /^(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|might|may)$/;

/** A question's words as compromise tags them, for a question read without the tagger (one flagged as Russian). */
function taggedWords(text: string): TaggedWord[] {
  const json = tagged(text).json({ terms: { normal: true, tags: true } }) as { terms: TaggedWord[] }[];
  return json.flatMap((s) => s.terms);
}

/**
 * The noun a "how many"/"how much" question counts or measures: "tonnes" in "How many tonnes of waste were…?", "money"
 * in "How much prize money…?", "delegates" in "How many of the delegates…?"; undefined when it has none ("How many are
 * there?", "How much did bills drop?").
 */
function countedNoun(terms: readonly TaggedWord[]): string | undefined {
  let found: string | undefined;
  const i = terms.findIndex(
    (t, j) => t.normal === "how" && /^(?:many|much)$/.test(terms[j + 1]?.normal ?? ""),
  );
  let j = i + 2;
  if (terms[j]?.normal === "of") j += 2;
  for (let n = 0; i >= 0 && j < terms.length && n < 4; j++, n++) {
    const t = terms[j]!;
    if (AUXILIARY.test(t.normal)) break;
    // The tagger reads a plural after a name as a verb ("How many Tbilisi delegates were…?"): a noun by WordNet.
    const plural =
      found !== undefined &&
      t.normal.endsWith("s") &&
      t.tags.includes("PresentTense") &&
      isKindOf(t.normal, ["entity"]);
    if ((t.tags.includes("Noun") && !t.tags.includes("Pronoun")) || plural) found = t.normal;
    else if (found) break;
  }
  return found;
}

/** Whether a Russian "Сколько X…?" counts people: X is a noun of living beings ("депутатов", "у союза членов"). */
function countsRussianPeople(text: string): boolean {
  const after = /(?<![\p{L}])сколько\s+([^?!.]*)/iu.exec(text)?.[1];
  // Only a question with "сколько" loads the Russian dictionary: every question is read through here.
  if (after === undefined) return false;
  const words = after.match(/\p{L}+/gu)?.slice(0, 5) ?? [];
  return pluralNoun(words)?.animate === true;
}

/**
 * A question about how people voted: "How many delegates voted against…?", "How many abstentions…?", "How many
 * deputies backed the offer…?", "What was the tally…?".
 */
const ASKS_VOTERS = /\b(?:vot(?:e|ed|es|ing)|abstentions?|abstained|backed|supported|opposed|tally)\b/i;

/**
 * A question about a vote: "What was the vote…?", "How many voted against…?", "By what margin…?", "Каким был результат
 * голосования…?".
 */
const ASKS_VOTE =
  /(?<![\p{L}])(?:vot\p{L}*|tally|result|score|margin|against|abstain\p{L}*|abstention\p{L}*|in favou?r|(?:про)?голос\p{L}*|результат\p{L}*|сч[её]т\p{L}*|перевес\p{L}*|против|воздерж\p{L}*)/iu;

/** "How many…?", "the number of…", "Сколько…?", "Сколькими…?": a count is asked. */
const COUNT_ASKED = /(?<![\p{L}])(?:how many|how much|number of|сколько|скольк\p{L}+)(?![\p{L}])/iu;

/** How a question asks for one side of a vote, the first that matches. */
const SIDES: [VoteSide, RegExp][] = [
  ["against", /(?<![\p{L}])(?:against|против)(?![\p{L}])/iu],
  ["abstain", /(?<![\p{L}])(?:abstain\p{L}*|abstention\p{L}*|воздерж\p{L}*)/iu],
  ["for", /(?<![\p{L}])(?:in favou?r|voted for|за)(?![\p{L}])/iu],
];

/** "Who was elected…?", "Who has been appointed…?": who was chosen for a post. */
const CHOSEN =
  /^\s*(?:and\s+)?who\s+(?:is|was|are|were|has\s+been|had\s+been)\s+(?:re-?)?(?:elected|chosen|appointed|named|nominated|selected|picked)(?![\p{L}])/iu;

/**
 * "Who won the Open?", "Who leads the team?": "who" is the subject of a verb, so an answer names someone (a person or
 * a body); so does "Who is the treasurer?" (`asksWhoHolds`). Not "Who is X?", which a description answers, nor "Who
 * did he say…?", whose answer may be countries.
 */
function asksWhoDid(text: string): boolean {
  return (
    /^\s*who\s+(?!(?:is|was|are|were|do|does|did)\b)[a-z]+/i.test(text) ||
    /^\s*(?:а\s+)?кто\s+(?!(?:такой|такая|такие|такое|это|есть|является|был|была|были)(?![\p{L}]))\p{L}+/iu.test(
      text,
    ) ||
    asksWhoHolds(text)
  );
}

/**
 * "Who is the secretary of the Presidium?", "Кто был избран председателем…?", "Who was chosen to lead…?": a role, or
 * being chosen for one, after "is"/"был", which a name answers; not "Who is Ilya Ponomarev?" nor "Кто был Иван
 * Петров?", which a description answers, nor "Who is allowed to become a member?", which a rule does. So does a
 * question about someone that asks for a name: "What is the name of the Kaliningrad deputy who…?", "Как зовут…?".
 */
function asksWhoHolds(text: string): boolean {
  return (
    /^\s*(?:and\s+)?who\s+(?:is|was|are|were)\s+(?:the|its|his|her|their|[\p{L}-]+['’]s)\s/iu.test(text) ||
    CHOSEN.test(text) ||
    /(?<![\p{L}])(?:names?\s+of|как\s+зовут|как\s+звали)(?![\p{L}])/iu.test(text) ||
    /^\s*(?:[аА]\s+)?[кК]то\s+(?:является|являлся|являлась|был|была|были)\s+(?!(?:такой|такая|такие|это)(?![\p{L}]))\p{Ll}/u.test(
      text,
    )
  );
}

/** Words that ask, in English and Russian: a question with two of them asks two things. */
const QUESTION_WORDS = new RegExp(
  "(?<![\\p{L}])(?:" +
    [
      "who|whom|whose|when|where|which|what|why|how",
      // Every case of "кто", "какой", "чей", "каков" and "сколько".
      "кто|кого|кому|кем|ком|когда|где|куда|откуда|сколько|скольк\\p{L}+|почему|зачем|как",
      "какой|какая|какое|какие|каком|какого|каких|какую|каким|какими|какому|каков[аоы]?",
      "чей|чья|чь[её]|чьи|чьего|чьей|чьих|что",
      // "чего", "чему", but not as a relative ("после чего", "благодаря чему")
      "(?<!(?:после|благодаря|вследствие|из-за)\\s+)(?:чего|чему)",
      // "чем" opening a question or after "и", "а", "о"…, not as "than" ("больше, чем")
      "(?:(?<=^\\s*)|(?<=(?:^|[\\s,(«—])(?:и|а|но|о|об|с|со|за|под|над|перед|между)\\s+))ч[её]м",
    ].join("|") +
    ")(?![\\p{L}])",
  "giu",
);

/**
 * Whether a question asks two things: two question words ("When and where…?", "How many…, and from how many
 * countries?", "Сколько… и кто…?"). A later English "when" or "where" asks only after "and", "or", "but", a comma
 * or a semicolon (a preposition may follow: "and from where") or an opening bracket (a follow-up's borrowed
 * question); elsewhere it opens a clause of the first question: "How many votes did he receive when he was
 * elected?". A later "who", "which", "what"… always counts: "…the geologist who presided…" names someone the
 * question does not ask for.
 */
function asksTwo(text: string): boolean {
  const asking = [...text.matchAll(QUESTION_WORDS)].filter(
    (m, i) =>
      i === 0 ||
      hasCyrillic(m[0]) ||
      !/^(?:when|where)$/i.test(m[0]) ||
      /\(\s*$/.test(text.slice(0, m.index)) ||
      ASKS_AGAIN.test(text.slice(0, m.index)),
  );
  return asking.length > 1;
}

/** What stands before a later "when" or "where" that asks again: "and", "or", "but", a comma, perhaps a preposition. */
const ASKS_AGAIN =
  /(?:(?<![\p{L}])(?:and|or|but)|[,;])\s+(?:(?:in|on|at|from|for|to|of|with|by|since|until|under|after|before)\s+)?$/iu;

/** "What are the names…?", "Как зовут…?", "Назовите…": a question that asks a name whatever its type. */
const ASKS_NAME = /(?<![\p{L}])(?:names?|имя|имена|зовут|назовите|назови)(?![\p{L}])/iu;
/** "What are the exact dates…?", "Какого числа…?": a question that asks a date whatever its type. */
const ASKS_DATE = /(?<![\p{L}])(?:dates?|дат[аыу]|какого\s+числа)(?![\p{L}])/iu;
