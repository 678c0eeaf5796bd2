// Recognises small talk (a greeting, thanks, emoji only) so that it gets a friendly word instead of an answer search.

export type SmallTalk = "greeting" | "thanks" | "emoji";

const GREETING = new Set(
  "hi hello hey hiya howdy greetings yo hallo morning evening afternoon привет здравствуйте здравствуй приветствую хай салют здорово добрый доброе день вечер утро".split(
    " ",
  ),
);
const THANKS = new Set("thanks thank thx ty cheers спасибо благодарю спс пасибо мерси".split(" "));
/** Words that may come with a greeting or thanks without making it a question. */
const FILLER = new Set(
  "you there again a lot so much very many all good great ok okay bot nice to meet everyone folks guys dear большое огромное всем вам тебе бот ок хорошо отлично очень".split(
    " ",
  ),
);

const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3/gu;
/** More words than this is a question, not small talk ("thanks, and where did it meet?"). */
const MAX_WORDS = 5;

/** What kind of small talk the text is; undefined for anything that may be a question. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const bare = trimmed.replace(EMOJI, "").replace(/[\s\p{P}]/gu, "");
  if (bare === "" && /\p{Extended_Pictographic}/u.test(trimmed)) return "emoji";
  const words =
    trimmed
      .toLowerCase()
      .replace(EMOJI, " ")
      .match(/[\p{L}]+/gu) ?? [];
  if (words.length === 0 || words.length > MAX_WORDS || /[?？]/.test(trimmed)) return undefined;
  if (!words.every((w) => GREETING.has(w) || THANKS.has(w) || FILLER.has(w))) return undefined;
  if (words.some((w) => THANKS.has(w))) return "thanks";
  return words.some((w) => GREETING.has(w)) ? "greeting" : undefined;
}

/** The language to answer small talk in: the text's own script when it has letters, else the user's. */
export function smallTalkLang(text: string, fallback: "en" | "ru"): "en" | "ru" {
  if (/\p{Script=Cyrillic}/u.test(text)) return "ru";
  return /\p{L}/u.test(text) ? "en" : fallback;
}
