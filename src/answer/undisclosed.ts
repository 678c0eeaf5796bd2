// Sentences that say what the question asks is not known: "exact dates have not yet been set", "Имена членов комиссии
// не публикуются", "место проведения которой пока не определено". They speak of the thing without answering it.
import type { Question } from "./question.js";

/** What a question asks for, as far as a sentence may say it is not known. */
type Unknowable = "date" | "place" | "name" | "number" | "response";

/** "Has not been set", "declined to say", "пока не определена", "не публикуются", "определит президиум". */
const NOT_KNOWN = new RegExp(
  [
    String.raw`\bnot\s+(?:yet\s+)?(?:been\s+)?(?:set|decided|determined|announced|fixed|disclosed|published|named|made\s+public|released|revealed|confirmed|known|identified)\b`,
    String.raw`\b(?:yet|still)\s+to\s+be\s+(?:set|decided|determined|announced|named|fixed|confirmed)\b`,
    String.raw`\bto\s+be\s+(?:announced|determined|decided|confirmed)\s+later\b`,
    String.raw`\bwill\s+be\s+(?:announced|set|decided|determined)\s+later\b`,
    String.raw`\basked\s+not\s+to\s+be\s+(?:named|identified)\b`,
    String.raw`\b(?:declined|refused)\s+to\s+(?:be\s+named|be\s+identified|say|comment|disclose|name|reveal|give)\b`,
    String.raw`\b(?:did|would)\s+not\s+(?:say|disclose|comment|give|name|reveal)\b`,
    String.raw`\b(?:undisclosed|unnamed|unknown)\b`,
    String.raw`(?<![\p{L}])пока\s+не\s+(?:определ|объявл|известн|назван|назнач|решен|утвержд|установлен|сообщ|раскры)\p{L}*`,
    String.raw`(?<![\p{L}])не\s+(?:разглаша|публику|раскрыва|называ|сообща|уточня|известн|назвал|раскрыл|сообщил|уточнил)\p{L}*`,
    String.raw`(?<![\p{L}])неизвестн\p{L}*`,
    // "Точную дату определит президиум": a body will decide it; not "утвердит бюджет в размере…", which says it.
    String.raw`(?<![\p{L}])(?:определит|объявит|назначит)\s+(?:позже|позднее|президиум|совет|правление|оргкомитет|исполком|секретариат)\p{L}*`,
    String.raw`(?<![\p{L}])пожелал\p{L}*\s+остаться\s+неизвестн\p{L}*`,
    String.raw`(?<![\p{L}])просил\p{L}*\s+не\s+называть`,
    String.raw`(?<![\p{L}])отказал\p{L}*\s+(?:назвать|сообщить|комментировать|раскрыть|уточнить)`,
  ].join("|"),
  "giu",
);

/** The words that say which thing is not known, beside that: "dates", "место", "names", "сколько". */
const ASKED: Record<Unknowable, RegExp> = {
  date: /(?<![\p{L}])(?:dates?|days?|time|timing|when|months?|дат\p{L}*|срок\p{L}*|когда|время|день|месяц\p{L}*)(?![\p{L}])/giu,
  place:
    /(?<![\p{L}])(?:venues?|place|location|city|where|site|host|мест[оа]\p{L}*|площадк\p{L}*|город\p{L}*|где)(?![\p{L}])/giu,
  name: /(?<![\p{L}])(?:names?|named|identity|identified|anonymous|имя|имени|имена|имён|назван\p{L}*|называть|анонимн\p{L}*)(?![\p{L}])/giu,
  number:
    /(?<![\p{L}])(?:number|figures?|amount|sum|how\s+many|how\s+much|total|сколько|числ\p{L}*|количеств\p{L}*|сумм\p{L}*|размер\p{L}*|цифр\p{L}*)(?![\p{L}])/giu,
  response:
    /(?<![\p{L}])(?:say|said|comment\p{L}*|respond\p{L}*|reaction|react\p{L}*|statement|комментир\p{L}*|реакц\p{L}*|заявлени\p{L}*)(?![\p{L}])/giu,
};

/** Within this many characters of the words that say it is not known, the word for the thing it is about. */
const NEAR = 60;

/** What a question asks for that a sentence may say is not known; undefined for "why", "how" and the like. */
function unknowable(question: Question): Unknowable | undefined {
  if (question.response !== undefined) return "response";
  if (question.type === "person" || question.asks.aName) return "name";
  if (question.type === "date" || question.type === "place" || question.type === "number")
    return question.type;
  if (question.asks.aDate) return "date";
  return undefined;
}

/**
 * A test of whether a sentence says that what the question asks is not known, set or disclosed: "The eighth session
 * is planned for Prague in spring 2026; exact dates have not yet been set." for "What are the exact dates…?" (but not
 * for "Where will the eighth session be held?"), "Имена членов комиссии не публикуются" for "What are the names of the
 * members…?". The words for the thing stand near the words that say it is not known. The question is read once; every
 * candidate sentence is tested.
 */
export function notKnownIn(question: Question): (sentence: string) => boolean {
  const kind = unknowable(question);
  if (!kind) return () => false;
  return (sentence) => {
    const asked = [...sentence.matchAll(ASKED[kind])].map((m) => [m.index, m.index + m[0].length] as const);
    if (asked.length === 0) return false;
    for (const m of sentence.matchAll(NOT_KNOWN)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (asked.some(([s, e]) => s <= end + NEAR && e >= start - NEAR)) return true;
    }
    return false;
  };
}
