// The short answer a chosen sentence gives: "Ilya Ponomarev", "November 2022", "84 deputies", "Ukraine, Poland and
// Germany". The sentence stays the quote; the answer leads with what the question asked for.
import type { Span } from "../corpus/types.js";
import { withLabels } from "../text/table.js";
import { isCognate } from "../text/cognates.js";
import { hasCyrillic, type Token, tokenize } from "../text/tokenize.js";
import { nameKinds } from "../text/russian-morphology.js";
import { answerMentions, CAPITALISED, CURRENCIES, MAGNITUDES, namedByQuestion } from "./entities.js";
import { hasShape } from "./features.js";
import { SUBJECT_PRONOUNS } from "./follow-up.js";
import { type Asks, UNIT_OF_TIME, type VoteSide } from "./asks.js";
import type { Question } from "./question.js";

/** What a short answer can be: a name, a place, a date or a number. "What…?", "Why…?" want the sentence. */
const LEAD_TYPES = new Set<Question["type"]>(["person", "place", "date", "number"]);
/** Longer than this, the span is no shorter than the sentence is worth reading whole. */
const MAX_LEAD = 90;

/**
 * The span of `sentence` that answers `question`, or undefined where none fits and the sentence is the answer: the
 * mention of the asked type nearest to the question's own words (all of them, first to last, for "Which countries…?").
 * A count keeps the noun it counts ("84 deputies"). Russian sentences, which the tagger does not read, lead with
 * numbers, dates, names the dictionary knows as a person's (two or three words, or a surname alone) and places it
 * knows as geographical names, with the preposition before them ("в Риге").
 */
export function leadSpan(question: Question, sentence: string): Span | undefined {
  // "Which museum restored the steamship?" leads with the museum's name, as "Who…?" does with a person's.
  const named = question.asks.institution !== undefined;
  if ((!LEAD_TYPES.has(question.type) && !named) || question.defines || question.parts.length > 0)
    return undefined;
  const russian = hasCyrillic(sentence);
  // "When and where…?", "How many…, and from how many countries?": one span does not answer two questions.
  if (question.asks.twoThings) return undefined;
  // "Где проходила пятая сессия?" of an English sentence leads with its place, as the English question does; but not
  // with the question's own places in the other letters ("В каких регионах России…?": "Russia"), known by their
  // translations and cognates.
  const acrossScripts = question.cyrillic && question.type === "place" && !russian;
  const mentions = joined(
    sentence,
    answerMentions(question, sentence).filter((m) => {
      const text = sentence.slice(m.start, m.end);
      if (text.trim().length === 0) return false;
      // A word the dictionary does not know may be a name or a place ("Кюсюр"): neither leads alone.
      if (russian && question.type === "person")
        return (/\s/.test(text.trim()) || isKnownAs(text, "person")) && !namedByQuestion(question, text);
      if (russian && question.type === "place")
        return isKnownAs(text, "place") && !namedByQuestion(question, text);
      if (acrossScripts && namedByQuestion(question, text)) return false;
      // "Russia's political landscape": a possessive names whose, not where.
      const possessive = /['’]s$/u.test(text) || /^['’]s(?![\p{L}])/u.test(sentence.slice(m.end));
      if (question.type === "place" && possessive) return false;
      // "2022 году" for "When did it begin in 2022?": the question's own year.
      if (
        russian &&
        question.type === "date" &&
        (text.match(/\d+/g) ?? []).every((n) => question.text.includes(n))
      )
        return false;
      // The tagger's "years" or "weekend" is no date, and its "Wednesday" no place.
      return question.type === "date"
        ? hasShape("date", text)
        : question.type === "number" || !hasShape("date", text);
    }),
  );
  const counted = question.type === "number" ? countedForms(question) : new Set<string>();
  if (question.type === "number") {
    const tally = tallySpan(question.asks, sentence);
    // "How many delegates were still in the hall for the vote?" counts delegates, not votes: "the 114 delegates who
    // remained adopted it by 101 votes to 3" leads with the 114.
    const countsOthers =
      question.asks.counted !== undefined &&
      !VOTE_COUNTED.test(question.asks.counted) &&
      !VOTING.test(question.text) &&
      countedBy(counted, sentence, mentions).length > 0;
    if (tally && !countsOthers) return trim(sentence, tally);
  }
  if (mentions.length === 0) return undefined;
  let span: Span;
  if (question.several && mentions.length > 1) {
    // The list the first mention stands in, up to its sentence's end: a sentence read with the one after it
    // ("…Canada, and Germany. These partnerships… with Kyiv's…") does not run its list into the next.
    const first = mentions[0]!;
    const end = sentence.slice(first.end).search(/[.!?…](?=\s|$)/u);
    const inList = mentions.filter((m) => end < 0 || m.end <= first.end + end + 1);
    span = { start: first.start, end: inList.at(-1)!.end };
  } else {
    const terms = new Set(question.terms.flatMap((t) => [t.term, ...t.forms]));
    const tokens = tokenize(sentence);
    const at = tokens.filter((t) => terms.has(t.term));
    const distance = (m: Span) =>
      at.length === 0 ? m.start : Math.min(...at.map((w) => Math.max(w.start - m.end, m.start - w.end, 0)));
    // "four of the 69": the 69 is the whole the count is taken from, not the count.
    const counts = question.type === "number" ? notWholes(sentence, mentions) : mentions;
    // Of those, the ones the counted noun follows ("87 delegates", not the "12" of "from 12 to 14 June").
    const counting = question.type === "number" ? countingAsked(counted, sentence, counts) : counts;
    span = counting.reduce((best, m) => (distance(m) < distance(best) ? m : best));
    // "Since June 2023 she has chaired the Legislative Committee…, convened by Ilya Ponomarev": the one asked about is
    // "she", named in a sentence before; the name further off is someone else.
    if (question.type === "person") {
      const pronouns = tokens.filter((t) => SUBJECT_PRONOUNS.has(t.word));
      if (pronouns.some((p) => distance(p) < distance(span))) return undefined;
    }
    // "Her only rival, Andrej Lutsko, received 40": the question's name picks the part of the sentence it asks about.
    let pinned = pinnedMentions(question, sentence, tokens, counts);
    // Else the clause with words of the question no other clause has: "…; секретарь Президиума — Вадим Коростелёв".
    if (pinned.length === 0) pinned = distinguishedMentions(question, sentence, tokens, counting);
    if (pinned.length > 0) span = pinned.reduce((best, m) => (distance(m) < distance(best) ? m : best));
    if (question.type === "number")
      span = wholeNumber(sentence, changedTo(question, sentence, span, mentions));
    if (question.type === "number")
      span = question.asks.money
        ? withCurrency(sentence, span)
        : withUnitOfTime(sentence, withCountedNoun(sentence, span, terms, question.asks.counted));
  }
  if (/,|\band\b/.test(sentence.slice(span.start, span.end))) span = withListHead(sentence, span);
  // "в Риге", "на Лене": a Russian place is said with its preposition.
  if (russian && question.type === "place") {
    const before = /(?<![\p{L}])(?:в|во|на|из|под)\s+$/iu.exec(sentence.slice(0, span.start));
    if (before) span = { start: before.index, end: span.end };
  }
  const trimmed = trim(sentence, span);
  return trimmed && trimmed.end - trimmed.start <= MAX_LEAD ? trimmed : undefined;
}

/** Where a sentence's statements part: its sentences, semicolons, colons, dashes, and "and"/"из них" after a comma. */
const PIECE_END =
  /[.!?;:](?=\s)|\s[—–-]\s|,\s+(?:and|but|while|whereas|а|и|но|из\s+них|из\s+которых|of\s+whom|of\s+them)(?![\p{L}])/giu;

/**
 * The mentions that stand in the one piece of a sentence (`PIECE_END`) that names someone or something the question
 * names ("Hostova received 71 votes. Her only rival, Andrej Lutsko, … received 40" for "How many votes did Lutsko
 * get?"). None where no piece, or more than one, does.
 */
function pinnedMentions(question: Question, sentence: string, tokens: Token[], mentions: Span[]): Span[] {
  const named = question.terms.filter((t) => t.name !== undefined);
  if (named.length === 0) return [];
  const pins = new Set(named.flatMap((t) => [t.term, ...t.forms]));
  // A Russian name meets its English spelling by its cognate key ("Луцко" ~ "Lutsko").
  const keys = named.flatMap((t) => (t.cognate !== undefined ? [t.cognate] : []));
  const pinned = (term: string) => pins.has(term) || keys.some((k) => isCognate(k, term));
  const holding = partsOf(sentence, PIECE_END).filter(
    (p) => mentions.some((m) => inside(m, p)) && tokens.some((t) => inside(t, p) && pinned(t.term)),
  );
  if (holding.length !== 1) return [];
  const [piece] = holding as [Span];
  return mentions.filter((m) => inside(m, piece));
}

/** The parts of a sentence that `ends` parts it at, each end kept with the part before it. */
function partsOf(sentence: string, ends: RegExp): Span[] {
  const cuts = [0, ...[...sentence.matchAll(ends)].map((m) => m.index + m[0].length), sentence.length];
  return cuts.slice(1).map((end, i) => ({ start: cuts[i]!, end }));
}

/** Whether one span lies within another. */
const inside = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/** Where a sentence's clauses part: its sentences, semicolons, and "and", "but", "while", "а", "но" after a comma. */
const CLAUSE_END = /[.!?;](?=\s)|,\s+(?:and|but|while|whereas|а|но)(?![\p{L}])/giu;

/**
 * The mentions of the one clause (`CLAUSE_END`) that has the most of the question's words no other clause with a
 * mention has: "Председатель Президиума — Илья Пономарёв; секретарь Президиума — Вадим Коростелёв" for "Who is the
 * secretary of the Presidium?". None where no clause, or more than one, has the most.
 */
function distinguishedMentions(
  question: Question,
  sentence: string,
  tokens: Token[],
  mentions: Span[],
): Span[] {
  const holding = partsOf(sentence, CLAUSE_END).filter((c) => mentions.some((m) => inside(m, c)));
  if (holding.length < 2) return [];
  const has = holding.map((c) => {
    const stems = new Set(tokens.filter((t) => inside(t, c)).map((t) => t.term));
    // A follow-up's borrowed words say what it is about, not which part of the sentence answers it.
    return question.terms
      .filter((t) => !t.context && [t.term, ...t.forms].some((x) => stems.has(x)))
      .map((t) => t.term);
  });
  const own = has.map(
    (terms, i) => terms.filter((t) => has.every((other, j) => j === i || !other.includes(t))).length,
  );
  const most = Math.max(...own);
  if (most === 0 || own.filter((n) => n === most).length > 1) return [];
  const clause = holding[own.indexOf(most)]!;
  return mentions.filter((m) => inside(m, clause));
}

/**
 * The short answer a sentence leads with (`leadSpan`), as text; a table row is read with its header's labels, so
 * that "| 10 | IV | Joint Charter… | 24 | 33 | 6 |" leads with "For: 24; Against: 33; Abst.: 6", not with "IV".
 */
export function leadText(question: Question, sentence: string, header?: string): string | undefined {
  const text = withLabels(sentence, header);
  const span = leadSpan(question, text);
  return span && text.slice(span.start, span.end).replace(/\s+/g, " ");
}

/** Words of a vote's result, in English and Russian: a tally's numbers stand among them. */
const VOTE_WORDS =
  /(?<![\p{L}])(?:for|against|in favou?r|abstain\p{L}*|abstention\p{L}*|abst|votes?|to|за|против|воздерж\p{L}*|голос\p{L}*)(?![\p{L}])/giu;
/** What one side of a vote is called in a tally: "against", "abst.", "за". */
const SIDE_WORDS: Record<VoteSide, RegExp> = {
  against: /^(?:against|против)$/iu,
  abstain: /^(?:abstain\p{L}*|abstention\p{L}*|abst|воздерж\p{L}*)$/iu,
  for: /^(?:for|in favou?r|за)$/iu,
};
const NUMBER = /(?<![\p{L}\p{N}])\d+(?:[ \u00a0,.]\d{3})*(?![\p{N}])/gu;

/**
 * A vote's result: "61 votes in favour, 3 against and 5 abstentions", "For 64, against 2, abstained 3", "55 votes to
 * 3": numbers a few words apart with the words of a vote between or around them. The whole tally answers "What was
 * the vote?"; one side of it ("How many voted against?") is the number next to that side's word.
 */
export function tallySpan(asks: Pick<Asks, "vote" | "side" | "votes">, sentence: string): Span | undefined {
  if (!asks.vote) return undefined;
  const numbers = [...sentence.matchAll(NUMBER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // Runs of numbers with at most four words between each two.
  const runs: Span[][] = [];
  for (const n of numbers) {
    const run = runs.at(-1);
    const gap = run && sentence.slice(run.at(-1)!.end, n.start);
    // (A word may be cut short, as a table's header cuts them: "For: 45; Against: 6; Abst.: 7".)
    if (run && gap !== undefined && /^[\s,;:–—-]*(?:[\p{L}]+\.?[\s,;:–—-]*){0,4}$/u.test(gap)) run.push(n);
    else runs.push([n]);
  }
  for (const run of runs) {
    if (run.length < 2) continue;
    // The word before the first number and after the last belong to the tally: "For 64", "5 abstentions".
    const before = /(?<![\p{L}])(?:for|against|за|против)[ \u00a0]*[–—:-]?[ \u00a0]*$/iu.exec(
      sentence.slice(0, run[0]!.start),
    );
    const after = /^[ \u00a0]*(?:[\p{L}]+)/u.exec(sentence.slice(run.at(-1)!.end));
    const start = run[0]!.start - (before?.[0].length ?? 0);
    const end = run.at(-1)!.end + (after?.[0].length ?? 0);
    const text = sentence.slice(start, end);
    const words = text.match(VOTE_WORDS) ?? [];
    if (new Set(words.map((w) => w.toLowerCase())).size < 2) continue;
    if (!asks.side) return { start, end };
    const side = SIDE_WORDS[asks.side];
    // The number right after or right before the side's word.
    const word = [...text.matchAll(VOTE_WORDS)].find((w) => side.test(w[0]));
    if (!word) {
      // "by 40 votes to 8" for "How many voted against…?": the number after "to" (a question that asks of a vote,
      // not "an appeal against").
      const to = /^\d+[ \u00a0]+votes?[ \u00a0]+to[ \u00a0]+\d+/iu.test(sentence.slice(run[0]!.start));
      return to && asks.side === "against" && asks.votes ? run[1] : undefined;
    }
    const wordStart = start + word.index;
    const wordEnd = wordStart + word[0].length;
    // Only spaces or a dash between: "against 2", "3 against", "против — 7"; not across a comma.
    return run.find((n) =>
      /^\.?[\s–—:-]*$/u.test(
        n.start >= wordEnd ? sentence.slice(wordEnd, n.start) : sentence.slice(n.end, wordStart),
      ),
    );
  }
  return undefined;
}

/**
 * "84" of "84 deputies took part" reads as "84 deputies" when the question counts deputies; "236 written amendments"
 * when it counts written amendments: the question's words after the number, up to the noun it counts (at most
 * three), else the one word after it if the question has it.
 */
function withCountedNoun(sentence: string, span: Span, terms: Set<string>, counted?: string): Span {
  const noun = counted === undefined ? undefined : tokenize(counted)[0]?.term;
  let end = span.end;
  /** Where the one word after the number ends, if the question has it. */
  let oneWord: number | undefined;
  for (let i = 0; i < 3; i++) {
    const next = /^[ \u00a0]+(\p{L}[\p{L}-]*)/u.exec(sentence.slice(end));
    const word = next && tokenize(next[1]!)[0];
    if (!word || !terms.has(word.term)) break;
    end += next[0].length;
    oneWord ??= end;
    // Where the question names no counted noun, the first word is enough.
    if (noun === undefined || word.term === noun) return { start: span.start, end };
  }
  // The counted noun is not among the next words as the question writes it (it may be a translation: "депутатов"
  // for "deputies"): the one word after the number, if the question has it.
  return { start: span.start, end: oneWord ?? span.end };
}

/** "How long…?", "На какой срок…?": a number leads with its unit of time, which says what the number is of. */
function withUnitOfTime(sentence: string, span: Span): Span {
  const unit = UNIT_OF_TIME.exec(sentence.slice(span.end));
  return unit ? { start: span.start, end: span.end + unit[0].length } : span;
}

/** "from" or Russian "с" right before a number (and its currency sign): where a change starts. */
const CHANGE_FROM = /(?:(?<![\p{L}])from|(?<![\p{L}])со?)\s+[€$£]?\s*$/iu;
/** What joins a change's two numbers: "to", "до", after the first's unit ("from €20 to €30", "с 300 до 350 евро"). */
const CHANGE_TO = /^(?:\s*(?:%|[\p{L}]+\.?))?\s+(?:to|до)\s+[€$£]?\s*$/iu;
/** Verbs of a change, English and Russian: a number "from" one "to" another with one of them changed. */
const CHANGED =
  /(?<![\p{L}])(?:rais|increas|reduc|cut|lower|expand|extend|shorten|lengthen|rose|risen|rise|fell|fallen|grew|grown|went|gone|jump|climb|drop|doubl|halv|chang|mov|повыс|увелич|сниз|сократ|расшир|продл|уменьш|выр[ао]с|упал|измен|поднял|перенес)\p{L}*/iu;
/** A question about the value before a change: "What did it cost before?", "Сколько было раньше?". */
const ASKS_EARLIER =
  /(?<![\p{L}])(?:before|previously|originally|initially|earlier|at first|used to|раньше|прежде|до этого|сначала|изначально|первоначально|прежн\p{L}*)(?![\p{L}])/iu;

/** The noun a Russian "Сколько…?" counts, as the question writes it: the word after "сколько". */
const COUNTED_WORD = /(?<![\p{L}])сколько\s+(\p{L}[\p{L}-]*)/iu;

/**
 * The mentions the question's counted noun follows (in the next word or two), in any of its forms or translations:
 * "87 delegates" for "Сколько делегатов…?", not the "12" of "from 12 to 14 June"; all where none is.
 */
function countingAsked(counted: ReadonlySet<string>, sentence: string, mentions: Span[]): Span[] {
  const counting = countedBy(counted, sentence, mentions);
  return counting.length > 0 ? counting : mentions;
}

/**
 * The question's counted noun as a sentence may write it, its term and forms (translations among them): the tagger's
 * noun for "How many…?", the word after "сколько"; empty where it names none.
 */
function countedForms(question: Question): ReadonlySet<string> {
  const word = question.asks.counted ?? COUNTED_WORD.exec(question.text)?.[1];
  const stem = word && tokenize(word)[0]?.term;
  const term = stem ? question.terms.find((t) => t.term === stem || t.forms.includes(stem)) : undefined;
  return new Set(term ? [term.term, ...term.forms] : []);
}

/** The mentions the question's counted noun (`countedForms`) follows in the next word or two. */
function countedBy(forms: ReadonlySet<string>, sentence: string, mentions: Span[]): Span[] {
  if (forms.size === 0) return [];
  return mentions.filter((m) => {
    const next = /^[ \u00a0]+(?:\p{L}[\p{L}-]*[ \u00a0]+)?\p{L}[\p{L}-]*/u.exec(sentence.slice(m.end))?.[0];
    return next !== undefined && tokenize(next).some((t) => forms.has(t.term));
  });
}

/** What a count of a vote counts: votes, ballots, голоса. */
const VOTE_COUNTED = /^(?:votes?|ballots?|голос\p{L}*)$/iu;
/** A verb of voting: the question asks how people voted, and a tally answers it. */
const VOTING =
  /(?<![\p{L}])(?:voted|voting|vote\s+(?:for|against)|backed|supported|opposed|abstained|(?:про)?голосова\p{L}*|поддержа\p{L}*|воздерж\p{L}*)/iu;

/** Right after a count, the whole it is taken from: "four of the 69", "трое из 12". */
const PARTITIVE = /^[ \u00a0]+(?:of|из)[ \u00a0]+(?:(?:the|its|their|those|these|all)[ \u00a0]+)?$/iu;

/** The mentions, less those a count before them is taken from ("Only four of the 69 had sat…"), if any is left. */
function notWholes(sentence: string, mentions: Span[]): Span[] {
  const counts = mentions.filter(
    (m) => !mentions.some((o) => o.end <= m.start && PARTITIVE.test(sentence.slice(o.end, m.start))),
  );
  return counts.length > 0 ? counts : mentions;
}

/** English number words a number written in words is made of, and "and" after a hundred or a thousand. */
const NUMBER_WORDS_BEFORE =
  /(?<![\p{L}])(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)[ \u00a0-]+|(?:hundred|thousand|million)[ \u00a0]+and[ \u00a0]+)+$/iu;

/** A number in words read whole where the tagger took only its end: "one thousand two hundred and three names". */
function wholeNumber(sentence: string, span: Span): Span {
  if (!/^\p{L}/u.test(sentence.slice(span.start, span.end))) return span;
  const before = NUMBER_WORDS_BEFORE.exec(sentence.slice(0, span.start));
  return before ? { start: before.index, end: span.end } : span;
}

/** The value a change starts from, right before "to"/"до" and what a span holds: "from five to", "с 300 до". */
const FROM_VALUE =
  /(?<![\p{L}])(?:from|со?)\s+([€$£]?\s*\d(?:[\d\s,.]*\d)?|\p{L}+)(?:\s*%|\s+\p{L}+\.?)?\s+(?:to|до)\s+[€$£]?\s*$/iu;

/**
 * A number that changed ("raised the freelance card from €20 to €30", "с 300 до 350 евро") answers with the value
 * it was changed to, unless the question asks what it was before; the joined span "5 to 7" of "from 5 to 7" too.
 */
function changedTo(question: Question, sentence: string, span: Span, mentions: Span[]): Span {
  // "from 200 to 300 participants" without a verb of change is a range: it is said whole.
  if (!CHANGED.test(sentence)) {
    const from = fromValue(sentence, span);
    return from ? { start: from.start, end: span.end } : span;
  }
  const earlier = ASKS_EARLIER.test(question.text);
  const inOne = /^(.+?)(\s+(?:to|до)\s+)(.+)$/iu.exec(sentence.slice(span.start, span.end));
  if (inOne && CHANGE_FROM.test(sentence.slice(0, span.start)))
    return earlier
      ? { start: span.start, end: span.start + inOne[1]!.length }
      : { start: span.start + inOne[1]!.length + inOne[2]!.length, end: span.end };
  if (!earlier) {
    const after = mentions.find(
      (m) => m.start >= span.end && CHANGE_TO.test(sentence.slice(span.end, m.start)),
    );
    return after && CHANGE_FROM.test(sentence.slice(0, span.start)) ? after : span;
  }
  // The value it started from need not be a mention of its own: "from five to seven members" counts only "seven".
  return fromValue(sentence, span) ?? span;
}

/** The number "from" stands before, ahead of the "to" that ends right before `span` (`FROM_VALUE`), if one does. */
function fromValue(sentence: string, span: Span): Span | undefined {
  const from = FROM_VALUE.exec(sentence.slice(0, span.start));
  if (!from || !hasShape("number", from[1]!)) return undefined;
  const start = from.index + from[0].indexOf(from[1]!);
  return { start, end: start + from[1]!.length };
}

/** An amount leads with its currency: "25 евро", "1,6 миллиона евро", "€900", "38 million kroner". */
function withCurrency(sentence: string, span: Span): Span {
  const before = /[€$£¥₽]\s?$/u.exec(sentence.slice(0, span.start));
  const after = AMOUNT_UNIT.exec(sentence.slice(span.end));
  return { start: span.start - (before?.[0].length ?? 0), end: span.end + (after?.[0].length ?? 0) };
}

/** What follows an amount's number: a magnitude, a currency, or both ("million euros", "тысяч евро"). */
const AMOUNT_UNIT = new RegExp(`^(?:[ \\u00a0]+(?:${MAGNITUDES})\\.?)?[ \\u00a0]*(?:${CURRENCIES})`, "iu");

/** Mentions with only a comma, a dash or "to"/"and" between them are one: "Sunday, 3 November 2024", "9 to 11 June". */
function joined(sentence: string, mentions: Span[]): Span[] {
  const out: Span[] = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    const gap = last ? sentence.slice(last.end, m.start) : undefined;
    if (last && gap !== undefined && /^[\s,]*(?:(?:to|and|until|[–—-])[\s]*)?$/u.test(gap))
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, m.end) };
    else out.push({ ...m });
  }
  // "from 9 to 11 June 2023": the first day stands before the tagged date.
  return out.map((m) => {
    const before = /(?<![\p{L}\p{N}])\d{1,2}(?:st|nd|rd|th)?\s*(?:to|and|[–—-])\s*$/u.exec(
      sentence.slice(0, m.start),
    );
    return before && /^\d/.test(sentence.slice(m.start))
      ? { start: m.start - before[0].length, end: m.end }
      : m;
  });
}

/** Names the tagger missed at a list's head belong to it: "Estonia, Finland, Germany and Poland". */
function withListHead(sentence: string, span: Span): Span {
  const head = /(?:(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*,\s*)+$/u.exec(
    sentence.slice(0, span.start),
  );
  return head ? { start: span.start - head[0].length, end: span.end } : span;
}

/** Whether every capitalised word of a Russian mention is, by the dictionary, a person's name or a place. */
function isKnownAs(text: string, kind: "person" | "place"): boolean {
  const words = text.match(CAPITALISED) ?? [];
  return words.length > 0 && words.every((w) => hasCyrillic(w) && nameKinds(w)[kind]);
}

/** Without surrounding white space, punctuation and Markdown emphasis. */
function trim(sentence: string, span: Span): Span | undefined {
  let { start, end } = span;
  while (start < end && /[\s,;:.*_"“”«»()[\]-]/u.test(sentence[start]!)) start++;
  while (end > start && /[\s,;:.*_"“”«»()[\]-]/u.test(sentence[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}
