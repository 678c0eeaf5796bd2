// The bot's own strings in English and Russian, chosen by the user's language_code. Parameters are escaped here.
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "./context.js";
import { escapeHtml as h } from "./html.js";
import { count } from "./plural.js";

export type Lang = "en" | "ru";
export const LANGS: readonly Lang[] = ["en", "ru"];

const en = {
  welcome: (docs: number, examples: readonly string[]) =>
    `Hello! I answer questions about the <b>Congress of People's Deputies</b> from ${count("en", docs, "document")}, ` +
    "and every claim I make is marked [1], [2]… with the exact quote it comes from.\n\n" +
    `Try asking:\n${examples.map((e) => `• <code>${h(e)}</code>`).join("\n")}\n\n` +
    "In a group, mention me, reply to me, or use /ask. /sources lists the documents, /help explains more.",
  examples: [
    "Who leads the congress?",
    "Where did the fifth session open?",
    "When was the inaugural session held?",
  ],
  help:
    "<b>How to ask</b>\nWrite a question in plain words. I answer only from my documents and quote them; " +
    "if they do not answer it, I say so.\n\n" +
    "<b>Under each answer</b>\n• a button per source shows the whole passage, the quote in bold;\n" +
    "• 👍/👎 tell us whether the answer helped.\n\n" +
    "<b>In groups</b>\nMention me, reply to one of my messages, or use <code>/ask your question</code>.\n\n" +
    '<b>Follow-ups</b>\nI remember the last few questions of a chat for 30 minutes, so you can ask "and where?" or "who leads it?"; ' +
    "in a group, reply to one of my answers to continue it. /new starts afresh.\n\n" +
    "<b>Commands</b>\n/start: welcome\n/help: this message\n/sources: the documents I know\n/ask: ask a question\n/new: a new conversation",
  sourcesTitle: (n: number) => `<b>Documents (${n})</b>`,
  sourcesEmpty: "I have no documents yet.",
  sourceLine: (i: number, title: string, passages: number) =>
    `${i}. ${h(title)} (${count("en", passages, "passage")})`,
  answerSources: "<b>Sources</b>",
  relatedSources: "<b>Related passages</b> (they do not answer the question)",
  citationLine: (n: number, title: string, where: string) =>
    `<b>[${n}]</b> ${h(title)}${where ? `, ${h(where)}` : ""}`,
  where: (heading: string, paragraph: number | undefined) =>
    [heading, paragraph === undefined ? "" : `paragraph ${paragraph}`].filter(Boolean).join(", "),
  notCovered: "<b>My documents do not cover this.</b>",
  tentative: "<i>Not certain: this is the nearest my documents come.</i>",
  nearest: "<b>Nearest passages</b> (they share words with the question, but do not answer it)",
  coverage: (titles: readonly string[], more: number) =>
    `<i>The documents cover: ${titles.map((x) => `“${h(x)}”`).join("; ")}${more > 0 ? ` and ${more} more (/sources)` : ""}.</i>`,
  tryAsking: (questions: readonly string[]) =>
    `<i>Questions they do answer:</i>\n${questions.map((q) => `• <code>${h(q)}</code>`).join("\n")}`,
  showSource: "Show source",
  hideSource: "▴ Hide",
  sourceExpired: "This answer is too old to expand here. Ask again to see its sources.",
  smallTalk: {
    greeting:
      "Hello! Ask me about the Congress of People's Deputies, for example: <code>Who leads the congress?</code>",
    thanks: "You're welcome! Ask me anything else about the congress.",
    emoji:
      "🙂 Ask me a question about the Congress of People's Deputies, for example: <code>Where did the fifth session open?</code>",
  },
  newConversation: "OK, a new conversation: my next answer will not lean on earlier questions.",
  askUsage: "Ask me a question, for example: <code>/ask Who leads the congress?</code>",
  tooLong: (length: number, max: number) =>
    `That question is ${length} characters long; please keep it under ${max}.`,
  rateLimited: (perMinute: number, seconds: number) =>
    `You are asking faster than I can keep up (${perMinute} questions a minute). I will answer this and what you send meanwhile in order, starting in about ${seconds} s; nothing is lost.`,
  rateRefused: (perMinute: number, seconds: number) =>
    `Too many questions are waiting (${perMinute} a minute is my limit), so I will not answer this one. Please ask it again in ${seconds} s.`,
  unknownCommand: "I don't know that command. See /help.",
  apology: "Sorry, something went wrong while answering. Please try again in a moment.",
  setAside:
    "Sorry, I could not handle this message: it stopped me each time I tried, so I have set it aside. " +
    "Please try rephrasing it.",
  passageHeader: (title: string, docId: string) => `📄 <b>${h(title)}</b> (<code>${h(docId)}</code>)`,
  passageWhere: (where: string) => h(where),
  sourceChanged: "This source has changed since the answer was given. Ask again for an up-to-date answer.",
  thanks: (up: boolean): string =>
    up ? "Thanks! Glad it helped." : "Thanks, noted. We'll use it to improve.",
  voteElsewhere: "This vote belongs to an answer in another chat, so it was not counted.",
  voteCapped: "You have voted a lot in the last hour; this vote was not counted. Please try later.",
  commands: {
    start: "Welcome and example questions",
    help: "How to use the bot",
    sources: "The documents the bot knows",
    ask: "Ask a question (in groups)",
    new: "Start a new conversation",
  },
};

export type Strings = typeof en;

const ru: Strings = {
  welcome: (docs, examples) =>
    `Здравствуйте! Я отвечаю на вопросы о <b>Съезде народных депутатов</b> по ${docs === 1 ? "одному документу" : `документам (${docs})`}; ` +
    "каждое утверждение помечено [1], [2]… и подкреплено точной цитатой.\n\n" +
    `Например, спросите:\n${examples.map((e) => `• <code>${h(e)}</code>`).join("\n")}\n\n` +
    "В группе упомяните меня, ответьте на моё сообщение или используйте /ask. /sources — список документов, /help — справка.",
  examples: ["Кто возглавляет съезд?", "Где открылась пятая сессия?", "Когда прошла первая сессия?"],
  help:
    "<b>Как спрашивать</b>\nНапишите вопрос обычными словами. Я отвечаю только по документам и цитирую их; " +
    "если ответа в них нет, я так и скажу.\n\n" +
    "<b>Под каждым ответом</b>\n• кнопка источника показывает весь фрагмент, цитата выделена;\n" +
    "• 👍/👎 — помог ли ответ.\n\n" +
    "<b>В группах</b>\nУпомяните меня, ответьте на моё сообщение или напишите <code>/ask ваш вопрос</code>.\n\n" +
    "<b>Уточнения</b>\nЯ помню последние вопросы чата 30 минут, поэтому можно спросить «а где?» или «кто его возглавляет?»; " +
    "в группе ответьте на мой ответ, чтобы продолжить. /new — начать заново.\n\n" +
    "<b>Команды</b>\n/start — приветствие\n/help — справка\n/sources — документы\n/ask — задать вопрос\n/new — новый разговор",
  sourcesTitle: (n) => `<b>Документы (${n})</b>`,
  sourcesEmpty: "Документов пока нет.",
  sourceLine: (i, title, passages) => `${i}. ${h(title)} (${count("ru", passages, "passage")})`,
  answerSources: "<b>Источники</b>",
  relatedSources: "<b>Близкие фрагменты</b> (на вопрос они не отвечают)",
  citationLine: (n, title, where) => `<b>[${n}]</b> ${h(title)}${where ? `, ${h(where)}` : ""}`,
  where: (heading, paragraph) =>
    [heading, paragraph === undefined ? "" : `абзац ${paragraph}`].filter(Boolean).join(", "),
  notCovered: "<b>В моих документах об этом нет.</b>",
  tentative: "<i>Не уверен: ближе всего к ответу в моих документах вот это.</i>",
  nearest: "<b>Ближайшие фрагменты</b> (в них есть слова вопроса, но ответа нет)",
  coverage: (titles, more) =>
    `<i>Документы рассказывают о: ${titles.map((x) => `«${h(x)}»`).join("; ")}${more > 0 ? ` и ещё ${more} (/sources)` : ""}.</i>`,
  tryAsking: (questions) =>
    `<i>На такие вопросы в них есть ответ:</i>\n${questions.map((q) => `• <code>${h(q)}</code>`).join("\n")}`,
  showSource: "Показать источник",
  hideSource: "▴ Скрыть",
  sourceExpired: "Этот ответ слишком старый, чтобы развернуть источник. Спросите ещё раз.",
  smallTalk: {
    greeting:
      "Здравствуйте! Спросите меня о Съезде народных депутатов, например: <code>Кто возглавляет съезд?</code>",
    thanks: "Пожалуйста! Спрашивайте ещё о съезде.",
    emoji:
      "🙂 Задайте вопрос о Съезде народных депутатов, например: <code>Где открылась пятая сессия?</code>",
  },
  newConversation: "Хорошо, начнём заново: следующий ответ не будет опираться на прежние вопросы.",
  askUsage: "Задайте вопрос, например: <code>/ask Кто возглавляет съезд?</code>",
  tooLong: (length, max) => `В вопросе ${length} символов; пожалуйста, уложитесь в ${max}.`,
  rateLimited: (perMinute, seconds) =>
    `Вы спрашиваете быстрее, чем я успеваю (не больше ${perMinute} вопросов в минуту). Я отвечу на этот и следующие вопросы по порядку примерно через ${seconds} с; ничего не потеряется.`,
  rateRefused: (perMinute, seconds) =>
    `Слишком много вопросов ждёт ответа (мой предел — ${perMinute} в минуту), на этот я не отвечу. Задайте его снова через ${seconds} с.`,
  unknownCommand: "Такой команды я не знаю. См. /help.",
  apology: "Извините, при ответе что-то пошло не так. Попробуйте ещё раз чуть позже.",
  setAside:
    "Извините, это сообщение обработать не удалось: каждая попытка останавливала меня, поэтому я отложил его. " +
    "Попробуйте сформулировать иначе.",
  passageHeader: (title, docId) => `📄 <b>${h(title)}</b> (<code>${h(docId)}</code>)`,
  passageWhere: (where) => h(where),
  sourceChanged: "Этот источник изменился после ответа. Спросите ещё раз, чтобы получить свежий ответ.",
  thanks: (up) => (up ? "Спасибо! Рад, что помог." : "Спасибо, учтём."),
  voteElsewhere: "Этот голос относится к ответу в другом чате, поэтому не учтён.",
  voteCapped: "За последний час вы проголосовали слишком много раз; этот голос не учтён. Попробуйте позже.",
  commands: {
    start: "Приветствие и примеры вопросов",
    help: "Как пользоваться ботом",
    sources: "Документы, которые знает бот",
    ask: "Задать вопрос (в группах)",
    new: "Начать новый разговор",
  },
};

const STRINGS: Record<Lang, Strings> = { en, ru };

export function pickLang(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith("ru") ? "ru" : "en";
}

export function stringsFor(languageCode: string | undefined): Strings {
  return STRINGS[pickLang(languageCode)];
}

export function stringsOf(lang: Lang): Strings {
  return STRINGS[lang];
}

/** Sets ctx.lang and ctx.t from the sender's language_code. */
export function i18n(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.lang = pickLang(ctx.from?.language_code);
    ctx.t = STRINGS[ctx.lang];
    return next();
  };
}
