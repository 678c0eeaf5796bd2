// What a Russian sentence mentions, by answer type: the tagger reads English only.
import { readdirSync, readFileSync } from "node:fs";
import nlp from "compromise";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { asked } from "../helpers/asked.js";
import {
  anotherBy,
  answerMentions,
  PICKING_CHECKS,
  mayMention,
  mentionsIn,
  namedByQuestion,
  nameIn,
  speaksOfAnother,
} from "../../src/answer/entities.js";
import { tagged } from "../../src/text/tagger.js";
import { type Question, readQuestion } from "../../src/answer/question.js";
import { stem } from "../../src/text/tokenize.js";

const mentioned = (sentence: string, kind: "person" | "place" | "organization" | "date" | "number") =>
  (mentionsIn(sentence).get(kind) ?? []).map((s) => sentence.slice(s.start, s.end));

describe("mentionsIn, English numbers", () => {
  it("keeps what the tagger runs on past a date as a number: fourteen of 'September 2024 fourteen'", () => {
    const sentence = "In September 2024 fourteen organisations signed the Berlin Charter.";
    expect(mentioned(sentence, "number")).toEqual(["fourteen"]);
    expect(mentioned(sentence, "date")).toEqual(["September 2024"]);
  });

  it("keeps no number of punctuation alone that the tagger ran over a date", () => {
    const sentence = "- **8–14 July 2024** — Youth Chamber summer school in Tartu, Estonia; 62 participants.";
    expect(mentioned(sentence, "number")).toEqual(["62"]);
  });
});

describe("tagged: compromise's tagger without its chunker", () => {
  type Term = { text: string; tags: string[]; offset: { start: number; length: number } };
  const tags = (doc: ReturnType<typeof nlp>) =>
    (doc.json({ offset: true, terms: { tags: true, offset: true } }) as { terms: Term[] }[]).map((s) =>
      s.terms.map(({ text, tags, offset }) => ({ text, tags, offset })),
    );

  it("tags every English sentence of a development corpus as the whole pipeline does", () => {
    const dir = "test/eval/dev/d10/corpus";
    const sentences = readdirSync(dir)
      .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split(/(?<=[.!?])\s+|\n+/))
      .filter((s) => /\p{L}/u.test(s) && !/\p{Script=Cyrillic}/u.test(s));
    expect(sentences.length).toBeGreaterThan(300);
    for (const sentence of sentences) expect(tags(tagged(sentence)), sentence).toEqual(tags(nlp(sentence)));
  });

  it("finds the mentions compromise's own matches find, as it spans them, over a development corpus", () => {
    const patterns: [string, string][] = [
      ["person", "#Person+"],
      ["organization", "#Organization+"],
      ["place", "#Place+"],
      ["number", "#Cardinal+"],
    ];
    const dir = "test/eval/dev/d9/corpus";
    const sentences = readdirSync(dir)
      .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split(/(?<=[.!?])\s+|\n+/))
      .filter((s) => /\p{L}/u.test(s) && !/\p{Script=Cyrillic}/u.test(s) && !/\d/.test(s));
    expect(sentences.length).toBeGreaterThan(200);
    let found = 0;
    for (const sentence of sentences) {
      const doc = nlp(sentence);
      const mentions = mentionsIn(sentence);
      for (const [kind, pattern] of patterns) {
        const matched = (
          doc.match(pattern).json({ offset: true }) as { offset: { start: number; length: number } }[]
        ).map((m) => sentence.slice(m.offset.start, m.offset.start + m.offset.length));
        found += matched.length;
        // People run on over names the tagger half knows (`wholeName`): the tagger's part is where the mention starts.
        const own = (mentions.get(kind as "person") ?? []).map((m) => sentence.slice(m.start, m.end));
        if (kind === "person") expect(own.length, sentence).toBeGreaterThanOrEqual(matched.length);
        else expect(own, `${kind}: ${sentence}`).toEqual(matched);
      }
    }
    expect(found).toBeGreaterThan(150);
  });

  it("leaves the pipeline whole for everyone else: the chunker still runs after it", () => {
    const before = [...(nlp.world() as { hooks: string[] }).hooks];
    tagged("The session was chaired by Olga Serebryakova.");
    expect((nlp.world() as { hooks: string[] }).hooks).toEqual(before);
    expect(before).toContain("chunks");
    // The chunker's work is what `verbs()` and `<Noun>` matches read.
    expect(nlp("The deputies adopted the charter.").match("<Verb>").text()).toBe("adopted");
  });
});

describe("mayMention: a sentence the tagger need not read for a count or a date", () => {
  const table: [string, "number" | "date", boolean][] = [
    ["The congress elected its presidium by secret ballot.", "number", false],
    ["The congress elected its presidium by secret ballot.", "date", false],
    ["Thirty-eight former deputies gathered in the Estonian capital.", "number", true],
    ["A hundred delegates came.", "number", true],
    ["Delegates met for the XVII congress.", "number", true],
    ["Turnout was 62 participants.", "number", true],
    ["The session opened in March in Vilnius.", "date", true],
    ["It will meet again on Friday.", "date", true],
    ["Two decades of exile have passed.", "date", true],
    ["The resolution may pass later.", "date", true],
    ["Съезд избрал президиум.", "number", true],
  ];
  it.each(table)("%s (%s) -> %s", (sentence, kind, may) => {
    expect(mayMention(kind, sentence)).toBe(may);
  });

  it("is true for any other kind: people and places are read by the tagger", () => {
    expect(mayMention("person", "the congress elected its presidium.")).toBe(true);
    expect(mayMention("place", "the congress elected its presidium.")).toBe(true);
  });

  it("never says no where the tagger finds a count or a date", () => {
    const sentences = [
      "In September 2024 fourteen organisations signed the Berlin Charter.",
      "The session opened in March and closed in May.",
      "Around a dozen observers, and some forty guests, attended on Sunday.",
      "The vote was held last week, three days after the debate.",
      "Louis XIV had nothing to do with it; the summer session met at noon.",
      "Nobody counted the guests, and no date was set.",
      "Half the seats stayed empty for a decade.",
      "By Sat the delegates had gone home.",
    ];
    for (const sentence of sentences)
      for (const kind of ["number", "date"] as const)
        if (!mayMention(kind, sentence))
          expect(mentioned(sentence, kind), `${kind}: ${sentence}`).toEqual([]);
    // The table is not vacuous: some of these are skipped, some are read.
    expect(sentences.filter((s) => !mayMention("number", s)).length).toBeGreaterThan(0);
    expect(sentences.filter((s) => !mayMention("date", s)).length).toBeGreaterThan(0);
  });

  it("never says no where the tagger finds one, over every English sentence of a development corpus", () => {
    const dir = "test/eval/dev/d8/corpus";
    const sentences = readdirSync(dir)
      .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split(/(?<=[.!?])\s+|\n+/))
      .filter((s) => /\p{L}/u.test(s) && !/\p{Script=Cyrillic}/u.test(s));
    let skipped = 0;
    for (const sentence of sentences)
      for (const kind of ["number", "date"] as const)
        if (!mayMention(kind, sentence)) {
          skipped++;
          expect(mentioned(sentence, kind), `${kind}: ${sentence}`).toEqual([]);
        }
    expect(sentences.length).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(100);
  });
});

describe("mentionsIn, English people the tagger does not know", () => {
  it.each([
    ["It was chaired by Mirela Hostova, a 41-year-old economist.", ["Mirela Hostova"]],
    ["Gavril Morosan, a former deputy from Dravnik, accused the commission.", ["Gavril Morosan"]],
    // Common words capitalised, and a place first, are no one.
    ["The Halden University Chess Federation met in New Delhi.", []],
    ["The delegates met at Jabłonna Palace near Warsaw.", []],
    // The tagger knows "Oleg" and stops there; the surname beside it is the name's too, a common word is not.
    ["The session was chaired by Oleg Tarasenko, a former councillor from Samara.", ["Oleg Tarasenko"]],
    ["It was opened by Ilya Ponomarev on Monday.", ["Ilya Ponomarev"]],
  ])("people in %s", (sentence, people) => {
    expect(mentioned(sentence, "person")).toEqual(people);
  });
});

describe("mentionsIn, Russian", () => {
  it.each([
    ["Её председателем избран Виктор Нагорный, бывший депутат из Москвы.", ["Виктор Нагорный"]],
    ["С 2018 года станцией руководит Андрей Викторович Лукин.", ["Андрей Викторович Лукин"]],
    // A surname alone, even opening the sentence; a title or body before a name is not the name.
    ["Калмыкова получила 49 голосов.", ["Калмыкова"]],
    ["Председательствовал член Президиума Олег Рудаков.", ["Олег Рудаков"]],
    // Capitalised words that name no one: a body, the sentence's first word.
    ["Комиссия по этике подотчётна пленарному заседанию Съезда.", []],
  ])("people in %s", (sentence, people) => {
    expect(mentioned(sentence, "person")).toEqual(people);
  });

  it.each([
    ["Ветрова переехала из Самары в Варшаву.", ["Самары", "Варшаву"]],
    // A word the dictionary does not know, inside the sentence: a foreign name, likely a place.
    ["Станция стоит у посёлка Кюсюр на Лене.", ["Кюсюр", "Лене"]],
    ["Доклад обсудили на заседании Совета.", []],
  ])("places in %s", (sentence, places) => {
    expect(mentioned(sentence, "place")).toEqual(places);
  });

  it.each([
    ["Юриста избрали на эту должность сроком на два года.", ["два"]],
    ["Совет района шестью голосами против трёх решил расторгнуть договор.", ["шестью", "трёх"]],
    [
      "С Шимеком мы встречались одиннадцать раз, а в 2024 году пришли 23 заявки.",
      ["одиннадцать", "2024", "23"],
    ],
    // Collective numerals.
    ["На сессии присутствовали трое наблюдателей, а голосовали шестеро.", ["трое", "шестеро"]],
    // Words that begin like numbers, and "семью", as often a family.
    ["Стол стоял в пятницу у окна, и семью это устраивало.", []],
  ])("numbers in %s, in figures and in words", (sentence, numbers) => {
    expect(mentioned(sentence, "number")).toEqual(numbers);
  });

  it("takes names in «quotes» for organisations, and keeps numbers and dates", () => {
    const sentence = "Ветрова 14 лет проработала в газете «Волжская неделя» до 1 марта 2023 года.";
    expect(mentioned(sentence, "organization")).toEqual(["Волжская неделя"]);
    expect(mentioned(sentence, "date")).toEqual(["1 марта 2023 года"]);
    expect(mentioned(sentence, "number")).toEqual(["14", "1", "2023"]);
  });
});

describe("amounts of money", () => {
  it.each([
    ["How much did the session cost?", true],
    ["What does a small newsroom pay in yearly dues?", true],
    ["how much is the honorary chairman paid", true],
    ["Сколько стоило новое судно?", true],
    ["Какой бюджет у комитета?", true],
    // What something "came to": "Во сколько обошлась…?", "…обойдётся…?"; not "Во сколько начнётся…?" (at what time).
    ["Во сколько обошлась Съезду берлинская сессия?", true],
    ["Во сколько обойдётся программа капитальных вложений?", true],
    ["Во сколько начнётся сессия?", false],
    // A count, a share or a vote about money asks for no amount of it.
    ["How many members pay dues?", false],
    ["What share of the budget came from governments?", false],
    ["Какую долю бюджета составляют деньги государств?", false],
    ["What was the tally on letting the fund take government money?", false],
  ])("%s asks for money: %s", (question, money) => {
    expect(readQuestion(question).asks.money).toBe(money);
  });

  const amounts = (question: string, sentence: string) =>
    answerMentions(asked("number", question), sentence).map((s) => sentence.slice(s.start, s.end));

  it.each([
    // The currency after the number, after "million" or "тысяч", or before it.
    ["How big was the fund's budget?", "В 2025 году бюджет фонда вырос до 1,6 миллиона евро.", ["1,6"]],
    ["Сколько стоила реставрация?", "Restoring her cost 38 million kroner.", ["38 million"]],
    ["How much did the tour cost?", "Тур обошёлся в 68 тысяч евро.", ["68"]],
    ["What does a newsroom pay?", "Small newsrooms pay 300 euros; larger ones pay €900.", ["300", "€900"]],
    // Numbers that count no money do not answer.
    ["how much is the chairman paid", "He was named Honorary Chairman by 109 votes to 2.", []],
    ["Сколько стоило новое судно?", "Судно длиной 11 метров спустили на воду в 2022 году.", []],
  ])("%s in %s", (question, sentence, expected) => {
    expect(amounts(question, sentence)).toEqual(expected);
  });

  it("reads what a number counts up to a comma: 'nine abstentions, members agreed' counts no members", () => {
    const sentence = "By 98 votes to 19, with nine abstentions, members agreed to re-register the Forum.";
    expect(amounts("How many associate members does the Forum have?", sentence)).toEqual([]);
    expect(amounts("How many members are there?", "It now has 689 members, up from 540.")).toEqual(["689"]);
    expect(amounts("How many members are there?", "It has 2.5 thousand members.")).toEqual(["2.5 thousand"]);
  });

  it("leaves out a number the question has, but only a whole one: '23' is not the question's '2023'", () => {
    const sentence = "At the end of 2023 we had 23 volunteer operators.";
    expect(amounts("How many operators were there at the end of 2023?", sentence)).toEqual(["23"]);
  });

  it("reads a number with a thousands comma as a count, never a year", () => {
    const sentence =
      "In August the commission had received 3,200 applications, and around 1,900 cards had been issued.";
    expect(mentioned(sentence, "number")).toEqual(["3,200", "1,900"]);
    expect(mentioned(sentence, "date")).toEqual(["August"]);
  });

  it("reads a Russian number with thousands apart by a space as one", () => {
    const sentence = "За 2024 год горячая линия получила 9 147 обращений.";
    expect(mentioned(sentence, "number")).toEqual(["2024", "9 147"]);
  });
});

/** The places of a sentence that answer a question asking for a place. */
const places = (question: string, sentence: string) =>
  answerMentions(asked("place", question), sentence).map((s) =>
    sentence.slice(s.start, s.end).replace(/[,.]$/, ""),
  );

describe("a city or a country asked for", () => {
  it.each([
    // WordNet's city is a city, its country no city; a city it knows only as a common word ("samara", a winged
    // fruit) may be one.
    ["Which city did he work in?", "He worked in Warsaw, Poland.", ["Warsaw"]],
    ["Which country did he work in?", "He worked in Warsaw, Poland.", ["Poland"]],
    [
      "Which city did he work in as a court reporter?",
      "Lev Terentyev, a court reporter from Samara, was elected.",
      ["Samara"],
    ],
    [
      "Which country did he work in?",
      "Lev Terentyev, a court reporter from Samara, was elected.",
      ["Samara"],
    ],
    // Asked in Russian, the same.
    ["В какой стране он работал?", "He worked in Warsaw, Poland.", ["Poland"]],
    ["В каком городе он работал?", "He worked in Warsaw, Poland.", ["Warsaw"]],
    ["Какие государства его поддержали?", "He worked in Warsaw, Poland.", ["Poland"]],
  ])("%s in %s", (question, sentence, expected) => {
    expect(places(question, sentence)).toEqual(expected);
  });
});

/** The dates of a sentence that answer a question asking for a date. */
const dates = (question: string, sentence: string) =>
  answerMentions(asked("date", question), sentence).map((s) => sentence.slice(s.start, s.end));

describe("a day asked for", () => {
  it.each([
    ["On what date will the assembly be held?", true],
    ["What are the exact dates of the eighth session?", true],
    ["When exactly does the competition open?", true],
    ["Какого числа открылся конкурс?", true],
    ["When will the assembly be held?", false],
    ["В каком году прошла сессия?", false],
  ])("%s asks for the day: %s", (question, day) => {
    expect(readQuestion(question).asks.day).toBe(day);
  });

  it.each([
    // The day of the month or of the week, in English or Russian.
    [
      "On what date was it founded?",
      "It was founded on Saturday, 12 November 2022, in Riga.",
      ["Saturday", "12 November 2022"],
    ],
    ["On what day of the week did it open?", "The session opened in Warsaw on Wednesday.", ["Wednesday"]],
    [
      "Какого числа открылся конкурс?",
      "Первый конкурс открылся 15 января 2024 года.",
      ["15 января 2024 года"],
    ],
    // A season, a month or a year alone does not say the day.
    [
      "On what date will the assembly be held?",
      "The fifth General Assembly will be held in Tallinn in 2026.",
      [],
    ],
    [
      "What are the exact dates of the session?",
      "It is planned for spring 2026; exact dates have not been set.",
      [],
    ],
    ["Какого числа откроется конкурс?", "Третий конкурс откроется в начале 2026 года.", []],
  ])("%s in %s", (question, sentence, expected) => {
    expect(dates(question, sentence)).toEqual(expected);
  });
});

describe("a count asked in English, given in Russian", () => {
  const counts = (question: string, sentence: string, translations: string[]) =>
    answerMentions(asked("number", question, translations), sentence).map((s) =>
      sentence.slice(s.start, s.end),
    );

  it("counts a number followed by a translation of the noun asked about", () => {
    const sentence = "В 2023 году на ассамблее в Берлине присутствовали 97 делегатов.";
    expect(counts("How many delegates attended?", sentence, ["делегат"])).toEqual(["97"]);
  });

  it("reads a Russian count whatever its spelling of ё, and an English count of a prefixed noun", () => {
    expect(counts("How many volunteers?", "В пражской группе 58 активных волонтёров.", ["волонтер"])).toEqual(
      ["58"],
    );
    expect(
      counts("How many ex-deputies signed up?", "Organisers said 69 former deputies registered.", []),
    ).toEqual(["69"]);
  });

  it("counts a number after a label that names what it counts", () => {
    const sentence = "Зарегистрировано участников: 74 (в зале — 50).";
    expect(counts("How many participants registered?", sentence, ["участник"])).toEqual(["74"]);
    expect(counts("How many delegates came?", "Delegates: 97, observers: 12.", [])).toEqual(["97"]);
  });

  it("counts a Russian number that follows its noun", () => {
    const sentence = "Их имена не публикуются; по данным секретариата, таких депутатов девять.";
    expect(counts("How many deputies still live in Russia?", sentence, ["депутат"])).toEqual(["девять"]);
    // Not a noun the question does not count.
    expect(counts("How many deputies attended?", "Заявлений подано 3050.", ["депутат"])).toEqual([]);
  });

  it("counts people by a number that does what it counts, naming no noun", () => {
    const sentence = "A further 14 took part by video link, though they could not vote.";
    expect(counts("How many people joined by video link?", sentence, [])).toEqual(["14"]);
    expect(counts("How many delegates joined by video link?", sentence, [])).toEqual(["14"]);
    // A past verb the tagger reads as an adjective that may be one ("joined").
    const joined =
      "Forty-nine deputies attended in person, and a further 18 joined through an online platform.";
    expect(counts("how many ppl joined online", joined, [])).toEqual(["Forty-nine", "18"]);
    // Not where a noun follows it: "damaged" describes the buildings.
    const damaged = "Shelling left 12 damaged buildings and 40 people attended the rally.";
    expect(counts("How many people attended?", damaged, [])).toEqual(["40"]);
    // Not a thing counted, and not a noun the tagger may read as a verb.
    expect(counts("How many documents were signed?", sentence, [])).toEqual([]);
    expect(
      counts("How many senators came?", "It drew 143 delegates, the largest attendance yet.", []),
    ).toEqual([]);
  });

  it("counts the voters of one side of a tally, for a question about how they voted", () => {
    const tally = "Adopted: 58 for, 24 against, 15 abstentions.";
    expect(counts("How many delegates voted against the motion?", tally, [])).toEqual(["58", "24", "15"]);
    expect(counts("How many delegates voted against?", "За — 40, против — 6.", ["делегат"])).toEqual([
      "40",
      "6",
    ]);
    // Abstentions are one side of a tally too.
    expect(counts("How many abstentions were recorded?", "For: 45; Against: 6; Abstained: 7", [])).toEqual([
      "45",
      "6",
      "7",
    ]);
    // Backing a motion, or its tally, is voting too.
    expect(counts("How many deputies backed the offer of mediation?", tally, [])).toEqual(["58", "24", "15"]);
    expect(counts("What was the tally on the budget?", tally, [])).toEqual(["58", "24", "15"]);
    // Not a tally's numbers for a question about another count.
    expect(counts("How many delegates attended?", tally, [])).toEqual([]);
  });

  it("counts a part of a whole, which names no noun of its own", () => {
    expect(
      counts("How many scholars finished the year?", "In the first cohort, 22 of 24 completed it.", []),
    ).toEqual(["22"]);
    const russian = "В работе конференции приняли участие 96 человек, из них 31 — дистанционно.";
    expect(counts("How many participants took part remotely?", russian, ["участник"])).toEqual(["31"]);
    expect(counts("How many participants signed it?", "It was signed by 83 of those present.", [])).toEqual([
      "83",
    ]);
    expect(
      counts("How many sessions has she been to?", "I have attended five of its seven sessions.", []),
    ).toEqual(["five", "seven"]);
    const english = "The secretariat registered 64 deputies, of whom 47 were in the hall.";
    expect(counts("How many deputies were in the hall?", english, [])).toEqual(["64", "47"]);
    // Not "3 of the planned days", nor the third of May.
    expect(
      counts("How many deputies came?", "It lasted 3 of the planned days, from the 3rd of May.", []),
    ).toEqual([]);
  });

  it("counts nothing else: a year, another noun, or any number when no translation is known", () => {
    const sentence = "В 2023 году на конкурс пришло 23 заявки.";
    expect(counts("How many delegates attended?", sentence, ["делегат"])).toEqual([]);
    expect(counts("How many delegates attended?", "Присутствовали 97 делегатов.", [])).toEqual([]);
  });

  it("counts no year and no day of a date, even where the question names no noun", () => {
    const register =
      "Реестр учреждён третьей сессией (Вильнюс, сентябрь 2023 года) и открыт 1 октября 2023 года.";
    expect(counts("Сколько депутатов было на сессии?", register, [])).toEqual([]);
    expect(counts("How many are there?", "It opened on 1 October 2023.", [])).toEqual([]);
    expect(counts("Сколько было сессий?", "Сессии прошли в 2022 и 2023 годах.", [])).toEqual([]);
    // A number before a noun is a count, even one that could be a year.
    expect(counts("Сколько человек пришло?", "Пришло 1950 человек.", [])).toEqual(["1950"]);
    expect(
      counts("Сколько удостоверений выдано?", "К концу октября выдано 2 400 удостоверений.", []),
    ).toEqual(["2 400"]);
  });
});

describe("a month asked for", () => {
  it.each([
    ["In which month of 2024 was the programme launched?", true],
    ["What month did the hotline open?", true],
    ["В каком месяце 2023 года пришло больше всего обращений?", true],
    ["In which year was the programme launched?", false],
    ["When did the hotline open?", false],
  ])("%s asks for the month: %s", (question, month) => {
    expect(readQuestion(question).asks.month).toBe(month);
  });

  it.each([
    // A month's name, English (capitalised) or Russian in any case; a year alone is no month.
    ["In which month of 2024 was it launched?", "It was launched in March 2024.", true],
    [
      "В каком месяце 2023 года пришло больше всего обращений?",
      "Больше всего обращений пришло в октябре 2023 года.",
      true,
    ],
    ["In which month of 2024 was it launched?", "It was launched in 2024 and you may apply now.", false],
    ["В каком месяце 2023 года пришло больше всего обращений?", "В 2023 году пришло 500 обращений.", false],
  ])("%s · %s → %s", (question, sentence, found) => {
    expect(dates(question, sentence).length > 0).toBe(found);
  });
});

describe("a sentence that speaks of another year, place or name", () => {
  it.each([
    // Another year in the sentence, and not the asked one.
    [
      "How big was the fund's budget in 2025?",
      "The operating budget for 2026 is set at 740,000 euros.",
      "",
      true,
    ],
    [
      "How big was the fund's budget in 2025?",
      "In 2025 the budget grew to 1.6 million euros, up from 2024.",
      "",
      false,
    ],
    // Another name of the same kind, where the asked one is nowhere near.
    ["How many votes did Radulova receive?", "In the ballot Hostova received 71 votes.", "", true],
    ["How many votes did Radulova receive?", "Radulova received 84 votes.", "", false],
    ["Who chaired the Riga session?", "The Prague session was chaired by Ivan Petrov.", "", true],
    ["Who chaired the Riga session?", "It was chaired by Ivan Petrov.", "The session in Riga", false],
    // Another one of what the question picks by name, whatever its context says: "the Helsinki session".
    [
      "Who chaired the Warsaw session?",
      "The Helsinki session was chaired by Oleg Tarasenko.",
      "Sessions have been held in Tallinn, Warsaw and Helsinki.",
      true,
    ],
    ["how much did the warsaw session cost", "The Helsinki session cost €38,500.", "In Warsaw:", true],
    // Or by an ordinal, unless it is what the sentence compares with.
    ["Who chaired the sixth session?", "The fourth session was chaired by Olga Serebryakova.", "", true],
    [
      "How many delegates registered at the fourth session?",
      "Organisers said 212 delegates had registered, up from 164 at the third session in Warsaw.",
      "",
      false,
    ],
    [
      "Who chaired the sixth session?",
      "The sixth session, unlike the fourth session, was chaired by Olga Serebryakova.",
      "",
      false,
    ],
    [
      "Who chaired the Warsaw session?",
      "After the Helsinki session, the Warsaw session was chaired by Olga Serebryakova.",
      "",
      false,
    ],
    // A place is no other name of a person, nor an acronym a place ("ID" is Idaho to WordNet).
    ["Who chaired the Riga session?", "Ivan Petrov chaired it.", "", false],
    [
      "Where were the first Congress ID cards handed out?",
      "The first cards were handed over in Warsaw.",
      "",
      false,
    ],
    // A name neither dictionary knows is a place after "on", "in", "at", "в"….
    ["How many people live on Skarvøy?", "Most members live in Estonia and Georgia.", "", true],
    ["How many people live on Skarvøy?", "Most members, Hostova says, are young.", "", false],
    // A place written in lower case is a place all the same; "city" is no place's name.
    [
      "how many deputies came to the berlin session",
      "Sixty deputies came to the session in Helsinki.",
      "",
      true,
    ],
    [
      "how many deputies came to the berlin session",
      "Sixty deputies came to the session.",
      "In Berlin.",
      false,
    ],
    ["which city was picked for the fifth session", "Riga was picked for the session.", "", false],
    // A name is spoken of by any of its words.
    [
      "Which countries did Ilya Ponomarev name as allies?",
      "Ponomarev named Ukraine and Kyiv's partners.",
      "",
      false,
    ],
    // Russian, in any ending; a name in the other script is not judged.
    ["В каком году Марина Волошина была избрана?", "Волошину избрали в 2016 году.", "", false],
    ["В каком году Марина Волошина была избрана?", "Петрова избрали в 2016 году.", "", true],
    ["В каком году Марина Волошина была избрана?", "Hostova was elected in 2016.", "", false],
  ])("%s · %s → %s", (question, sentence, context, another) => {
    expect(speaksOfAnother(readQuestion(question), sentence, `${context}\n${sentence}`)).toBe(another);
  });
});

/** A question as the corpus's expansion reads it: the term of `word` with one more form (`QueryTerm.forms`). */
function withForm(question: Question, word: string, form: string): Question {
  return {
    ...question,
    terms: question.terms.map((t) => (t.word === word ? { ...t, forms: [...t.forms, form] } : t)),
  };
}

describe("a document about another session by its title", () => {
  // As the corpus's expansion reads it: "session" is also the Russian "сессия".
  const chaired = withForm(
    readQuestion("Who chaired the fourth session of the Congress?"),
    "session",
    stem("сессия"),
  );
  it.each([
    ["Председательствовал на сессии Олег Рудаков.", "В Вильнюсе завершилась третья сессия Съезда", true],
    ["The session was chaired by Yelena Bortnik.", "The third session ends in Vilnius", true],
    // The sentence says it speaks of the fourth; the title picks no session, or the question's own.
    ["The fourth session was chaired by Yelena Bortnik.", "The third session ends in Vilnius", false],
    ["The session was chaired by Yelena Bortnik.", "Congress backs constitution in first reading", false],
    ["The session was chaired by Yelena Bortnik.", "Четвёртая сессия Съезда прошла в Праге", false],
    ["The session was chaired by Yelena Bortnik.", "", false],
  ])("%s under “%s” → %s", (sentence, title, another) => {
    expect(speaksOfAnother(chaired, sentence, `${title}\n${sentence}`, title)).toBe(another);
  });

  // An ordinal says which session only before the question's noun: "the first reading" is not "the first session".
  it.each([
    [
      "The draft, by the committee chaired by Vera Kuzmina, passed its first reading.",
      "The sixth session closes",
      true,
    ],
    ["It was chaired by Vera Kuzmina, as at the first, plenary session.", "The sixth session closes", false],
    ["The first plenary session was chaired by Vera Kuzmina.", "The sixth session closes", false],
    ["The first session was chaired by Vera Kuzmina.", "The sixth session closes", false],
    // Nothing after it, a stop word or another ordinal: nothing else is counted.
    ["Vera Kuzmina chaired it, as she had chaired the first.", "The sixth session closes", false],
    ["Vera Kuzmina chaired the first and the second.", "The sixth session closes", false],
  ])("“%s” under “%s” for the first session → %s", (sentence, title, another) => {
    const first = readQuestion("Who chaired the first session?");
    expect(speaksOfAnother(first, sentence, `${title}\n${sentence}`, title)).toBe(another);
  });
});

describe("a document about another place by its title", () => {
  // As the corpus's expansion reads it: "Tbilisi" is also "Тбилиси".
  const chaired = withForm(readQuestion("Who chaired the Tbilisi session?"), "tbilisi", "тбилис");
  it.each([
    [
      "The session was chaired by Igor Lapshin.",
      "Walkout in Berlin: the Assembly rejects a charter",
      "",
      true,
    ],
    // The question's place in the sentence or just before it; the title's place one it is near; no place at all.
    ["The session was chaired by Igor Lapshin.", "Walkout in Berlin", "The delegates met in Tbilisi.", false],
    [
      "The session was chaired by Igor Lapshin.",
      "Exiled politicians convene a congress near Berlin",
      "",
      false,
    ],
    ["The session was chaired by Igor Lapshin.", "Walkout: the Assembly rejects a charter", "", false],
    // A Russian document's title: the question's place in Russian is its own.
    ["Сессию вёл Игорь Лапшин.", "В Праге прошла пятая сессия Ассамблеи", "", true],
    ["Сессию вёл Игорь Лапшин.", "В Тбилиси прошла вторая сессия Ассамблеи", "", false],
  ])("%s under “%s” → %s", (sentence, title, before, another) => {
    expect(speaksOfAnother(chaired, sentence, `${title}\n${before}\n${sentence}`, title)).toBe(another);
  });
});

it("reads another session's ordinal in the sentences before", () => {
  const question = readQuestion("Who chaired the fourth session?");
  const sentence = "It was chaired by Elena Strelnikova.";
  const context = (before: string) => `Sessions\n\n${before}\n${sentence}`;
  expect(speaksOfAnother(question, sentence, context("The third session opened in Riga."), "Sessions")).toBe(
    true,
  );
  expect(speaksOfAnother(question, sentence, context("The fourth session opened in Riga."), "Sessions")).toBe(
    false,
  );
});

describe("another year in a sentence's context", () => {
  const question = readQuestion("How many private donors contributed to the fund in 2023?");
  it.each([
    ["Some 1,904 private donors gave.", "Fund report\nIn 2024 income rose.", true],
    ["Some 1,904 private donors gave.", "Fund report\nIn 2023 income rose.", false],
    ["Some 1,904 private donors gave.", "A chronology, 2011–2025", false],
    ["Some 1,904 private donors gave.", "Fund report", false],
  ])("%s after “%s” → %s", (sentence, before, another) => {
    expect(speaksOfAnother(question, sentence, `${before}\n${sentence}`)).toBe(another);
  });
});

describe("a section about another session by its heading", () => {
  const sentence = "The session was chaired by Elena Strelnikova.";
  const title = "From Riga to Prague: two sessions";
  it.each([
    ["Who chaired the Prague session?", "Riga", true],
    ["Who chaired the Prague session?", "Prague", false],
    ["Who chaired the Prague session?", "Who chaired", false],
    ["Who chaired the fourth session?", "The third session", true],
    ["Who chaired the fourth session?", "The fourth session", false],
  ])("%s, under “%s” → %s", (question, heading, another) => {
    const context = `${title}\n${heading}\n${sentence}`;
    expect(speaksOfAnother(readQuestion(question), sentence, context, title, heading)).toBe(another);
  });
});

describe("an English document about another place, for a Russian question", () => {
  // As the corpus's expansion reads it: "Праге" is also "Prague".
  const read = readQuestion("Кто председательствовал на сессии в Праге?");
  const withLatin = withForm(read, "праге", stem("prague"));
  it.each([
    ["its Latin spelling known", "Walkout in Berlin", true, withLatin],
    ["its Latin spelling known", "From Riga to Prague: two sessions", false, withLatin],
    // No Latin spelling of the question's place in the corpus: an English title names it only by its sound, and
    // "Berlin" is not "Гданьске"'s; "Берлине" is "Berlin" by its sound. "Праге" is too short to be told by it.
    [
      "no Latin spelling in the corpus",
      "Walkout in Berlin",
      true,
      readQuestion("Кто председательствовал на сессии в Гданьске?"),
    ],
    ["too short to be told by its sound", "Walkout in Berlin", false, read],
    [
      "said by its sound",
      "Walkout in Berlin",
      false,
      readQuestion("Кто председательствовал на сессии в Берлине?"),
    ],
    [
      "said by its sound",
      "From Prague to Berlin",
      false,
      readQuestion("Кто председательствовал на сессии в Берлине?"),
    ],
    // A place written with "ё" is the question's word all the same (its reading folds "ё" to "е").
    [
      "written with ё",
      "Walkout in Berlin",
      true,
      readQuestion("Кто председательствовал на сессии в Королёве?"),
    ],
  ])("%s, under “%s” → %s", (_, title, another, question) => {
    const sentence = "The session was chaired by Igor Lapshin.";
    expect(speaksOfAnother(question, sentence, `${title}\n${sentence}`, title)).toBe(another);
  });
});

describe("which check finds another", () => {
  // One case per check, each found by it alone or by the first of several in order.
  it.each([
    ["How many donors gave in 2023?", "In 2024 some 1,904 donors gave.", "", "", "", "year"],
    [
      "How many donors gave in 2023?",
      "Some 1,904 donors gave.",
      "Fund report",
      "In 2024 income rose.",
      "",
      "year",
    ],
    [
      "Who chaired the Warsaw session?",
      "The Helsinki session was chaired by Olga Kim.",
      "",
      "",
      "",
      "picked",
    ],
    [
      "Who chaired the fourth session?",
      "It was chaired by Olga Kim.",
      "",
      "The third session opened.",
      "",
      "ordinalAround",
    ],
    [
      "Кто вёл сессию в Праге?",
      "The session was chaired by Olga Kim.",
      "Walkout in Berlin",
      "",
      "",
      "titleAcross",
    ],
    [
      "Who chaired the Prague session?",
      "The session was chaired by Olga Kim.",
      "From Riga to Prague",
      "",
      "Riga",
      "headingPlace",
    ],
    [
      "Who chaired the Tbilisi session?",
      "The session was chaired by Olga Kim.",
      "Walkout in Berlin",
      "",
      "",
      "titlePlace",
    ],
    ["What did Radulova say?", "Hostova said she would run.", "", "", "", "otherName"],
    ["What did Radulova say?", "Radulova said she would run.", "Votes", "", "", undefined],
  ])("%s · %s → %s", (question, sentence, title, before, heading, check) => {
    const read = readQuestion(question);
    // As the corpus's expansion reads it: "Праге" is also "Prague".
    const q = read.cyrillic ? withForm(read, "праге", stem("prague")) : read;
    const context = [title, heading, before, sentence].filter(Boolean).join("\n");
    expect(anotherBy(q, sentence, context, title, heading)).toBe(check);
  });
});

describe("an English sentence that picks another place than a Russian question's", () => {
  // As the corpus's expansion reads it (the cognates find them too): "сессии" is also "session".
  const questions: Record<string, Question> = {
    riga: withForm(readQuestion("Кто был председателем сессии Ассамблеи в Риге?"), "сессии", "session"),
    bonn: withForm(readQuestion("Сколько членов следили за конференцией в Бонне?"), "конференцией", "confer"),
  };
  it.each([
    [
      "riga",
      "The Helsinki session, which fifty-eight delegates attended, was chaired by Oleg Tarasenko.",
      true,
    ],
    ["riga", "The Riga session was chaired by Oleg Tarasenko.", false],
    ["riga", "After the Helsinki session, the next one, in Riga, was chaired by Oleg Tarasenko.", false],
    ["riga", "The session was chaired by Oleg Tarasenko.", false],
    ["bonn", "The Bonn conference drew 158 members.", false],
    ["bonn", "The Paris conference drew 158 members.", true],
    // "Germany" is no conference: the word after it is not what the question asks about in a place.
    ["bonn", "About thirty members in Germany followed the sessions.", false],
  ])("%s: %s → %s", (question, sentence, ruledOut) => {
    expect(anotherBy(questions[question]!, sentence, sentence, "", "", PICKING_CHECKS) !== undefined).toBe(
      ruledOut,
    );
  });
});

describe("the checks that rule a sentence out", () => {
  // A sentence that picks another itself, or a title in the other script about another place: not the year of the
  // sentences before, nor a title in the question's script.
  const read = withForm(readQuestion("How much did the Prague session cost?"), "prague", "праг");
  it.each([
    ["The Helsinki session cost €38,500.", "Sessions", "", true],
    ["Сессия обошлась в 21 тысячу евро.", "В Вильнюсе прошла седьмая сессия", "", true],
    ["Сессия обошлась в 21 тысячу евро.", "В Праге прошла пятая сессия", "", false],
    ["The session cost €31,000.", "Walkout in Berlin", "", false],
    ["The session cost €31,000.", "Sessions", "The third session opened.", false],
  ])("%s under “%s” → %s", (sentence, title, before, ruledOut) => {
    const context = [title, before, sentence].filter(Boolean).join("\n");
    expect(anotherBy(read, sentence, context, title, "", PICKING_CHECKS) !== undefined).toBe(ruledOut);
  });
});

describe("a name the question uses, in a text", () => {
  // The reading of "Who won the Voronov Prize?" against a corpus that writes the name in Russian too.
  const question = readQuestion("Who won the Voronov Prize?");
  const read = withForm(question, "voronov", "воронов");

  it.each([
    ["The Voronov Prize went to Marina Kim.", true],
    ["Voronov's prize went to Marina Kim.", true],
    ["Первым лауреатом премии Воронова стала Марина Ким.", true],
    ["Первым лауреатом премии стала Марина Ким.", false],
    ["The prize went to Marina Kim.", false],
  ])("%s → %s", (text, named) => {
    expect(nameIn("Voronov", read)(text)).toBe(named);
  });

  it("finds a possessive's name in the other script: “Lapshin's expulsion” in “исключения Лапшина”", () => {
    const possessive = withForm(readQuestion("Who voted for Lapshin's expulsion?"), "lapshin's", "лапшин");
    expect(nameIn("Lapshin", possessive)("За исключение Лапшина проголосовали 58 членов.")).toBe(true);
  });

  it("looks for no other script where the reading found no form in it", () => {
    expect(nameIn("Voronov", question)("Первым лауреатом премии Воронова стала Марина Ким.")).toBe(false);
  });

  // A register writes the given name as its initial before the surname the question gives after it.
  const full = readQuestion("How many votes did Vera Kholodova receive when she was elected?");
  it.each([
    ["| 13 | V | Election of V. Kholodova as Co-ordinator | 34 | 12 | 6 | Adopted |", "Vera", true],
    ["Election of V.Kholodova as Co-ordinator", "Vera", true],
    ["Election of A. Kholodova as Co-ordinator", "Vera", false],
    ["Election of V. Petrova as Co-ordinator", "Vera", false],
    ["Election of V. Kholodova as Co-ordinator", "Kholodova", true],
  ])("%s names %s of 'Vera Kholodova': %s", (text, name, named) => {
    expect(nameIn(name, full)(text)).toBe(named);
  });

  it("reads no initial for a name no other name follows", () => {
    expect(nameIn("Kholodova", readQuestion("Whom did Kholodova defeat?"))("K. Kholodova won.")).toBe(true);
    expect(nameIn("Vera", readQuestion("When was Vera elected?"))("V. Kholodova was elected.")).toBe(false);
  });
});

describe("a name the question itself names", () => {
  it.each([
    ["Who stood against Ponomarev for the chair?", "Ильи Пономарёва", true],
    ["Who stood against Ponomarev for the chair?", "Ilya Ponomarev", true],
    ["Who stood against Ponomarev for the chair?", "Анны Черных", false],
    ["Кто возглавил совет Пономарёва?", "Ponomarev", true],
  ])("%s names %s: %s", (question, name, named) => {
    expect(namedByQuestion(readQuestion(question), name)).toBe(named);
  });
});

describe("a name written with either apostrophe", () => {
  it("is the same name: “O’Brien” as a phone types it is the “O'Brien” of the documents", () => {
    const text = "Sean O'Brien is a former deputy from Omsk.";
    const says = (q: string, name: string) => nameIn(name, readQuestion(q))(text);
    expect(says("Which committee does O’Brien chair?", "O’Brien")).toBe(true);
    expect(says("Which committee does O'Brien chair?", "O'Brien")).toBe(true);
    expect(says("Which committee does O’Connor chair?", "O’Connor")).toBe(false);
    expect(
      nameIn("O'Brien", readQuestion("Which committee does O'Brien chair?"))("Шон O’Brien, депутат."),
    ).toBe(true);
  });
});

describe("answerMentions, the name of the body a question asks for", () => {
  const names = (question: string, sentence: string) =>
    answerMentions(readQuestion(question), sentence).map((s) => sentence.slice(s.start, s.end));

  it.each([
    [
      "Which museum restored the steamship?",
      "The steamship returned to the water after a restoration led by the Kessling Maritime Museum in the harbour.",
      ["Kessling Maritime Museum"],
    ],
    [
      "And which body had she previously been elected to?",
      "The meeting was chaired by Marina Voloshina, a former member of the Yekaterinburg City Duma.",
      ["Yekaterinburg City Duma"],
    ],
    // Latin letters in a Russian sentence are a name; a body's name in quotation marks is one.
    [
      "Which company audited the common fund for 2023?",
      "Аудит общего фонда за 2023 год провела компания Baltic Audit Partners.",
      ["Baltic Audit Partners"],
    ],
    [
      "Which newspaper does she edit?",
      "Она главный редактор варшавской газеты «Точка опоры».",
      ["Точка опоры"],
    ],
    // A university mentioned is no university named; nor is the question's own Olga in Cyrillic.
    [
      "At which university does Zelenin's wife Olga work?",
      "Жена, Ольга, химик, работает в университете.",
      [],
    ],
    ["At which university does she work?", "She teaches at a university in Samara.", []],
    // A body of another kind does not name a hotel.
    [
      "Which hotel hosted the session's delegates?",
      "The session of the Congress of People's Deputies ended on Saturday.",
      [],
    ],
  ])("%s in %s: %j", (question, sentence, expected) => {
    expect(names(question, sentence)).toEqual(expected);
  });
});

describe("answerMentions, a length of time answers only a question about time", () => {
  const counts = (question: string, sentence: string) =>
    answerMentions(readQuestion(question), sentence).map((s) => sentence.slice(s.start, s.end));

  it.each([
    // "два года", "five years" count no votes and cost no money.
    [
      "How many votes were required to expel him?",
      "Конференция завершилась самым острым решением за два года существования организации.",
      [],
    ],
    ["how much to replace a lost passport", "Срок действия паспорта — пять лет.", []],
    [
      "How many members does the council have?",
      "The council, elected for two years, has nine members.",
      ["nine"],
    ],
    // A question about time, an age, a term, a count of years keeps them.
    ["How long is the president's term?", "The president is elected for five years.", ["five"]],
    ["На какой срок избирается президиум?", "Президиум избирается сроком на два года.", ["два"]],
    ["How many years did she sit on the council?", "She sat on the council for eleven years.", ["eleven"]],
    ["How much speaking time was he given?", "He was given ten minutes to speak.", ["ten"]],
  ])("%s in %s: %j", (question, sentence, expected) => {
    expect(counts(question, sentence)).toEqual(expected);
  });
});

describe("answerMentions, a share is answered by a percentage or a part of a whole", () => {
  const shares = (question: string, sentence: string) =>
    answerMentions(readQuestion(question), sentence).map((s) => sentence.slice(s.start, s.end));

  it.each([
    ["What share of applicants live in Georgia?", "Заявители проживают в 41 стране.", []],
    ["What share of respondents live in Germany?", "В Германии живут 34 процента респондентов.", ["34"]],
    [
      "What proportion of the cards went to freelancers?",
      "About sixty per cent went to freelancers.",
      ["sixty"],
    ],
    [
      "What share of the payouts went on administration?",
      "Расходы составили 30 840 евро, или 7,2% от выплат.",
      ["7,2"],
    ],
    ["What share of the delegates voted online?", "Of the 64 delegates, 23 of them joined online.", ["23"]],
  ])("%s in %s: %j", (question, sentence, expected) => {
    expect(shares(question, sentence)).toEqual(expected);
  });
});

describe("answerMentions, a list of names counts no money", () => {
  it("does not answer 'how much did the council pay' with a list of cities", () => {
    const sentence =
      "Our readers may ask which foundations are paying for the hotels in Vilnius, Prague, Warsaw, Berlin and Riga.";
    expect(answerMentions(readQuestion("how much did the council pay for the riga hotel"), sentence)).toEqual(
      [],
    );
  });

  it("still counts countries by their list", () => {
    const sentence = "Members live in Latvia, Lithuania, Estonia and Germany.";
    const found = answerMentions(readQuestion("How many countries do members live in?"), sentence);
    expect(found.map((m) => sentence.slice(m.start, m.end))).toEqual([
      "Latvia, Lithuania, Estonia and Germany",
    ]);
  });
});

describe("answerMentions, a birthplace is where the sentence says someone was born", () => {
  const places = (question: string, sentence: string) =>
    answerMentions(readQuestion(question), sentence).map((s) => sentence.slice(s.start, s.end));

  it.each([
    [
      "Where was Ingrid Halvorsen born?",
      "Halvorsen was born in 1955 and moved to Alta at the age of six.",
      [],
    ],
    [
      "Where was Galina Verkhovtseva born?",
      "Verkhovtseva, born in 1969, is the Secretary-General of a body founded near Warsaw.",
      [],
    ],
    ["Where was Ingrid Halvorsen born?", "Halvorsen was born in Alta in 1955.", ["Alta"]],
    [
      "Where was Ingrid Halvorsen born?",
      "Halvorsen was born on 3 May 1955 in Tromsø, Norway.",
      ["Tromsø", "Norway"],
    ],
    ["Где родилась Ольга Ветрова?", "Ветрова родилась в 1969 году в Самаре.", ["Самаре"]],
  ])("%s in %s: %j", (question, sentence, expected) => {
    expect(places(question, sentence)).toEqual(expected);
  });
});
