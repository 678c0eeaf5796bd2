// Words typed short in chats, written out: a casual question ("how many ppl came") meets the documents' words.

/** Chat spellings and the words they stand for, in English and Russian (lower case, whole words only). */
const WRITTEN_OUT: Record<string, string> = {
  ppl: "people",
  ppls: "people",
  "ppl's": "people's",
  uni: "university",
  univ: "university",
  govt: "government",
  gov: "government",
  dept: "department",
  intl: "international",
  org: "organisation",
  orgs: "organisations",
  info: "information",
  approx: "approximately",
  yr: "year",
  yrs: "years",
  hr: "hour",
  hrs: "hours",
  mins: "minutes",
  mln: "million",
  bn: "billion",
  pres: "president",
  prez: "president",
  b4: "before",
  cuz: "because",
  coz: "because",
  bday: "birthday",
  abt: "about",
  // Months as chats and notes shorten them ("in dec 2024"); not "mar", a verb, nor "may", a month already.
  jan: "January",
  feb: "February",
  apr: "April",
  jun: "June",
  jul: "July",
  aug: "August",
  sep: "September",
  sept: "September",
  oct: "October",
  nov: "November",
  dec: "December",
  чел: "человек",
  челов: "человек",
  скока: "сколько",
  скоко: "сколько",
  щас: "сейчас",
  ваще: "вообще",
  тыс: "тысяч",
  млн: "миллионов",
  млрд: "миллиардов",
};

const WORD = /(?<![\p{L}\p{N}'’])[\p{L}\p{N}]+(?:['’]\p{L}+)?(?![\p{L}\p{N}])/gu;

/** The text with chat spellings written out ("how many ppl came" → "how many people came"); the rest as it was. */
export function writeOut(text: string): string {
  return text.replace(WORD, (w) => {
    const full = WRITTEN_OUT[w.toLowerCase().replace("’", "'")];
    return full === undefined ? w : full;
  });
}
