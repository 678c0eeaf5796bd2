// Counted nouns in English and Russian ("1 passage", "2 фрагмента", "5 фрагментов"), by Intl.PluralRules.
import type { Lang } from "./i18n.js";

/** English: one, other. Russian: one, few, many (other is for fractions). */
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules: Record<Lang, Intl.PluralRules> = {
  en: new Intl.PluralRules("en"),
  ru: new Intl.PluralRules("ru"),
};

/** The noun's form for `n`, without the number. */
export function pluralForm(lang: Lang, n: number, forms: Forms): string {
  return forms[rules[lang].select(n)] ?? forms.other;
}

/** `n` and the noun's form for it: "1 passage", "21 фрагмент", "3 фрагмента". */
export function counted(lang: Lang, n: number, forms: Forms): string {
  return `${n} ${pluralForm(lang, n, forms)}`;
}

export const NOUNS = {
  passage: {
    en: { one: "passage", other: "passages" },
    ru: { one: "фрагмент", few: "фрагмента", many: "фрагментов", other: "фрагмента" },
  },
  document: {
    en: { one: "document", other: "documents" },
    ru: { one: "документ", few: "документа", many: "документов", other: "документа" },
  },
  character: {
    en: { one: "character", other: "characters" },
    ru: { one: "символ", few: "символа", many: "символов", other: "символа" },
  },
} satisfies Record<string, Record<Lang, Forms>>;

/** `n` with a known noun in the language: count("ru", 5, "passage") is "5 фрагментов". */
export function count(lang: Lang, n: number, noun: keyof typeof NOUNS): string {
  return counted(lang, n, NOUNS[noun][lang]);
}
