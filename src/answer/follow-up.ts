// Follow-ups: "and where?", "when did he found it?" read with the conversation's last question (and answer).
import { tokenize } from "../text/tokenize.js";
import type { Answer } from "./answer.js";
import { ordinalRank } from "./question.js";

/** Where in the corpus an answer quoted: a follow-up is often answered next to it ("and where was she a deputy?"). */
export interface TurnSource {
  docId: string;
  start: number;
  end: number;
}

/** One earlier turn of a conversation. */
export interface Turn {
  question: string;
  /** The answer's text, when there was one. */
  answer?: string;
  /** The answer's short lead ("Svetlana Yermolina"), when it had one. */
  lead?: string;
  /** The passages the answer quoted; none for an abstention. */
  sources?: TurnSource[];
}

/** What a conversation keeps of one question and its answer (an abstention keeps the question alone). */
export function turnOf(question: string, answer: Answer): Turn {
  if (answer.abstained) return { question };
  return {
    question,
    answer: answer.answer,
    ...(answer.lead ? { lead: answer.lead } : {}),
    sources: answer.citations.map(({ docId, start, end }) => ({ docId, start, end })),
  };
}

/** Words that point back at what the conversation was about, or open a question that continues it. */
const POINTING = new Set([
  ..."it its he him his she her they them their there this that these those".split(" "),
  ..."он она оно они его ее её их ему ей им нем ней них там тогда этот эта это эти этого этой".split(" "),
]);
const CONTINUING =
  /^\s*(?:and|but|also|so|what about|how about|а|и|ну а|а как|а что|а кто|а где|а когда)(?![\p{L}])/iu;
const PERSON = new Set([
  "he",
  "him",
  "his",
  "she",
  "her",
  "он",
  "его",
  "ему",
  "нем",
  "она",
  "ее",
  "её",
  "ей",
  "ней",
]);

/** Whether a text speaks of someone as "he", "she", "his", "её"…: someone named before it. */
export function pointsAtPerson(text: string): boolean {
  return tokenize(text).some((t) => PERSON.has(t.word));
}

/** Pronouns that stand for one person as a clause's subject, English and Russian. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(["he", "she", "он", "она"]);

/** Whether a text says "he", "she", "он" or "она" before it gives `name`. */
function saysSheFirst(text: string, name: string): boolean {
  const at = text.indexOf(name);
  return tokenize(text).some((t) => t.start < at && SUBJECT_PRONOUNS.has(t.word));
}

/** Whether a question leans on the conversation: it points back, continues, or names almost nothing itself. */
export function isFollowUp(text: string): boolean {
  if (CONTINUING.test(text)) return true;
  // A quoted title's words are the title's, not the asker's: "What is known about “It opens its session”?".
  const own = text.replace(QUOTED, " ");
  if (tokenize(own).some((t) => POINTING.has(t.word))) return true;
  return tokenize(text).filter((t) => !t.stop).length <= 1;
}

/** A span in quotation marks of any kind. */
const QUOTED = /«[^»]*»|“[^”]*”|„[^“”]*[“”]|"[^"]*"/g;

/** A follow-up's own words and the words it borrows from the conversation. */
export interface Resolved {
  question: string;
  /** Content words of the last question (and names of the last answer) the follow-up leans on; "" when none. */
  context: string;
  /** For a follow-up, the passages the last answer quoted. */
  previous: TurnSource[];
}

/**
 * The question as it would be asked alone: a follow-up gains the content words of the last question that it does not
 * repeat (no ordinal when it names its own: "what about the second one?"), and, when it speaks of "he" or "she", the
 * names the last answer gave. A question that stands alone has no context.
 */
export function resolveFollowUp(text: string, history: Turn[]): Resolved {
  const last = history.at(-1);
  if (!last || !text || !isFollowUp(text)) return { question: text, context: "", previous: [] };
  const previous = standalone(last.question, history.slice(0, -1));
  const tokens = tokenize(text);
  const own = new Set(tokens.map((t) => t.term));
  const ownOrdinal = tokens.some((t) => ordinalRank(t.term) !== undefined);
  const carried = tokenize(previous)
    .filter((t) => !t.stop && !own.has(t.term) && !(ownOrdinal && ordinalRank(t.term) !== undefined))
    .map((t) => previous.slice(t.start, t.end));
  const person = pointsAtPerson(text);
  // The lead names whom the answer was about ("Svetlana Yermolina"); its sentence may name others first.
  const said = last.lead ?? last.answer;
  const named = person && said ? namesIn(said) : [];
  // "Since June 2023 she has chaired…, convened by Ilya Ponomarev": the sentence's "she" was named before it.
  const names = last.lead === undefined && named.some((n) => saysSheFirst(said ?? "", n)) ? [] : named;
  return {
    question: text,
    context: [...new Set([...names, ...carried])].join(" "),
    previous: last.sources ?? [],
  };
}

/** A resolved follow-up as one text: "and where (leads congress)?". */
export function asText({ question, context }: Resolved): string {
  return context ? `${question.replace(/[?？]\s*$/, "")} (${context})?` : question;
}

/** The question as one text it would be asked alone with (`resolveFollowUp`, then `asText`). */
export function standalone(text: string, history: Turn[]): string {
  return asText(resolveFollowUp(text, history));
}

/** Capitalised words that start no name: articles and prepositions that open a sentence, months, days. */
const NOT_NAMES =
  /^(?:the|a|an|in|on|at|since|by|from|after|before|until|during|for|with|when|as|last|next|this|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** Names of people an answer gives: two or more capitalised words in a row ("Ilya Ponomarev"), the first one only. */
export function namesIn(answer: string): string[] {
  const text = answer.replace(/\[\d+\]/g, "");
  for (const m of text.matchAll(/\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+)+/gu)) {
    // "Since June", "In May Vera Kuzmina": a sentence's first word, a month or a day is no part of a name.
    const words = m[0].split(/\s+/);
    while (words.length > 0 && NOT_NAMES.test(words[0]!)) words.shift();
    if (words.length > 1) return [words.join(" ")];
  }
  return [];
}
