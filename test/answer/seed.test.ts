import { describe, expect, it } from "vitest";
import { FEATURES } from "../../src/answer/features.js";
import type { TraceEntry } from "../../src/answer/pipeline.js";
import { Scorer } from "../../src/answer/scorer.js";
import { suiteApp, type TempApp } from "../helpers/app.js";

/** What an answer says of a part it leaves unanswered, in either wording. */
const PART_UNANSWERED = /no passage that answers|may also answer|найти не удалось|уверенности в этом нет/;

describe("answers on the seed corpus (extractive)", () => {
  const app = suiteApp();

  it("names the leader and quotes the sentence that says so", async () => {
    const a = await app().pipeline.ask("Who leads the congress?");
    expect(a.abstained).toBe(false);
    expect(a.mode).toBe("extractive");
    expect(a.answer).toContain("Ilya Ponomarev");
    expect(a.answer).toContain("[1]");
    expect(a.citations[0]!.quote).toContain("Spearheaded by Ilya Ponomarev");
    expect(a.citations[0]!.docId).toBe("congress-fifth-session-warsaw.md");
  });

  it("answers an English follow-up in English, though the last answer named a Russian name", async () => {
    const history = [
      { question: "Кто возглавляет съезд?", answer: "Илья Пономарёв [1]", lead: "Илья Пономарёв" },
    ];
    const a = await app().pipeline.ask("and what is his date of birth?", { history });
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/^The documents I have do not answer this question\./);
  });

  it("reads the Polish capital as Warsaw", async () => {
    const a = await app().pipeline.ask(
      "Which Russian exile body opened a plenary meeting in the Polish capital?",
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Congress of People's Deputies");
    expect(a.citations[0]!.quote).toContain("fifth plenary session in Warsaw, Poland");
  });

  it("answers where the fifth session took place", async () => {
    const a = await app().pipeline.ask("Where did the fifth session take place?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Warsaw");
    expect(a.citations.some((c) => c.quote.includes("fifth plenary session in Warsaw"))).toBe(true);
  });

  it("takes a shortened name for the whole one, and cites only the sentence that answers", async () => {
    // The answer says "this congress"; the sentences that spell out "Congress of People's Deputies" add nothing.
    const a = await app().pipeline.ask("Who is at the head of the Congress of People's Deputies?");
    expect(a.citations.map((c) => c.quote)).toEqual([
      expect.stringContaining("Spearheaded by Ilya Ponomarev"),
    ]);
  });

  it("reads a phrase by what it means: what the congress stands for", async () => {
    const a = await app().pipeline.ask(
      "What does the congress stand for with regard to the present authorities?",
    );
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toContain(
      "represents a bold statement against the current Russian government",
    );
  });

  it("finds a synonym WordNet gives for a word's later sense: its first (inaugural) session", async () => {
    const a = await app().pipeline.ask("When did the congress first convene?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("November 2022");
  });

  it("prefers the sentence that names several countries when asked which countries", async () => {
    const a = await app().pipeline.ask("Which countries are named as the congress's strategic allies?");
    expect(a.citations[0]!.quote).toContain("Ukraine, Poland, the United States, Canada, and Germany");
  });

  it("finds a way of doing what the question's verb says: a session set to conclude is scheduled to finish", async () => {
    const a = await app().pipeline.ask("On which day is the current session scheduled to finish?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("set to conclude on Saturday");
  });

  it("quotes 'These partnerships…' with the sentence before it, which names the partners", async () => {
    const a = await app().pipeline.ask("How many foreign partners did Ponomarev list, and which are they?");
    expect(a.abstained).toBe(false);
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]!.quote).toMatch(
      /^During the session, Ponomarev outlined .* These partnerships are/,
    );
    expect(a.answer).toContain("Ukraine, Poland, the United States, Canada, and Germany");
  });

  it("does not count sessions with a list of countries, nor with the year of a date", async () => {
    const a = await app().pipeline.ask("How many sessions has the congress held?");
    expect(a.abstained).toBe(true);
  });

  it("answers what the congress is with the sentence that says it, by its full name or a short one", async () => {
    for (const q of ["What is the Congress of People's Deputies?", "What is the congress?"]) {
      const a = await app().pipeline.ask(q);
      expect(a.abstained).toBe(false);
      expect(a.citations.map((c) => c.quote)).toEqual([
        expect.stringContaining("a self-described shadow Russian parliament in exile"),
      ]);
    }
  });

  it("answers how the congress describes itself with its self-description, in any of the verbs", async () => {
    for (const q of ["How does the congress characterize itself?", "What does the congress call itself?"]) {
      const a = await app().pipeline.ask(q);
      expect(a.citations.map((c) => c.quote)).toEqual([
        expect.stringContaining("a self-described shadow Russian parliament in exile"),
      ]);
    }
    // How it positions itself, the document says in so many words.
    const positioned = await app().pipeline.ask("How does the congress position itself?");
    expect(positioned.citations[0]!.quote).toContain("positioning itself as the political wing");
  });

  it("takes a list of names as the answer to how many", async () => {
    const a = await app().pipeline.ask("How many strategic allies does the congress have?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Ukraine, Poland, the United States, Canada, and Germany");
  });

  it("answers which country the congress is meeting in: a session is a kind of meeting, Poland a country", async () => {
    // WordNet glosses "session" as "a meeting for…"; Warsaw is a city, so the sentence about the inaugural session
    // "near Warsaw" names no country.
    const a = await app().pipeline.ask("In which country is the congress meeting?");
    expect(a.abstained).toBe(false);
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]!.quote).toContain("session in Warsaw, Poland");
  });

  it("answers both days of the fifth session, though the sentence on its end does not say 'fifth'", async () => {
    // The document says which session it is; "the ongoing session … set to conclude on Saturday" is the same one.
    const a = await app().pipeline.ask("On which days does the fifth session start and end?");
    expect(a.answer).toContain("Wednesday");
    expect(a.answer).toContain("Saturday");
    expect(a.answer).not.toMatch(PART_UNANSWERED);
  });

  it("abstains on a meeting of another number than any sentence gives, and answers the first with the inaugural", async () => {
    // The fifth plenary session is a meeting of the Congress, which is a meeting too; but no sixth, and no next.
    for (const q of ["Where did the sixth meeting take place?", "When is the next meeting?"])
      expect((await app().pipeline.ask(q)).abstained, q).toBe(true);
    const first = await app().pipeline.ask("Where did the first meeting take place?");
    expect(first.citations.map((c) => c.quote)).toEqual([expect.stringContaining("inaugural session")]);
  });

  it("does not take the fifth session for the sixth", async () => {
    expect((await app().pipeline.ask("Where will the sixth plenary session take place?")).abstained).toBe(
      true,
    );
    const fifth = await app().pipeline.ask("Where did the fifth plenary session take place?");
    expect(fifth.answer).toContain("Warsaw");
  });

  it("abstains on the president of Ukraine: the sentence naming Ukraine and Ponomarev names no president", async () => {
    const a = await app().pipeline.ask("Who is the president of Ukraine?");
    expect(a.abstained).toBe(true);
  });

  it("abstains on what the documents never mention of a place they name: its population, its weather", async () => {
    for (const q of ["What is the population of Warsaw?", "What is the weather in Warsaw?"])
      expect((await app().pipeline.ask(q)).abstained).toBe(true);
    // A name is asked for, not mentioned: the sentence that names the shadow parliament answers.
    const named = await app().pipeline.ask("What is the name of the shadow parliament?");
    expect(named.abstained).toBe(false);
    expect(named.answer).toContain("Congress of People's Deputies");
  });

  it("abstains on a date of birth, though the person is named", async () => {
    const a = await app().pipeline.ask("What is Ilya Ponomarev's date of birth?");
    expect(a.abstained).toBe(true);
  });

  it("abstains on how the Kremlin responded: the sentence naming it and its authority gives no response", async () => {
    for (const q of [
      "How did the Kremlin officially respond to the Warsaw session?",
      "What did the Kremlin say?",
    ])
      expect((await app().pipeline.ask(q)).abstained, q).toBe(true);
    // Ponomarev's words are quoted.
    const said = await app().pipeline.ask("What did Ponomarev say about the future of his country?");
    expect(said.citations[0]!.quote).toContain("is being decided right here");
  });

  it("abstains on the annual budget, which the documents never mention", async () => {
    const a = await app().pipeline.ask("What is the congress's annual budget?");
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/do not answer/);
    expect(a.answer).not.toMatch(/\d{3,}/);
  });

  it("abstains on the budget asked in Russian, as it does in English", async () => {
    // "съезд" weighs what "congress" weighs in the English article, not what a word it never uses would.
    expect((await app().pipeline.ask("What is the congress's annual budget?")).abstained).toBe(true);
    expect((await app().pipeline.ask("Каков годовой бюджет съезда?")).abstained).toBe(true);
    // And answers what it does answer in English.
    const first = await app().pipeline.ask("Когда съезд провёл своё первое заседание?");
    expect(first.abstained).toBe(false);
    expect(first.answer).toContain("November 2022");
  });

  it("finds the English sentence for a Russian question through cognates", async () => {
    const a = await app().pipeline.ask("В каких регионах России действуют партизанские формирования?");
    // Whether it answers or offers the sentence as related, the sentence is the one that names the regions.
    expect(a.citations[0]!.quote).toContain("Belgorod and Kursk regions");
  });

  it("reads a Russian 'первое' as 'first', which 'inaugural' is, and answers when the first session was", async () => {
    const a = await app().pipeline.ask("Когда съезд провёл своё первое заседание?");
    expect(a.abstained).toBe(false);
    expect(a.citations.map((c) => c.quote)).toEqual([
      expect.stringContaining("inaugural session in November 2022"),
    ]);
  });

  it("does not take 'Russia's political future' for the next session", async () => {
    // "future" is a synonym of "next", but there it qualifies no session.
    const a = await app().pipeline.ask("In which city will the next session be held?");
    expect(a.abstained).toBe(true);
  });

  it("answers a Russian question naming a person in Cyrillic letters, which no English document uses", async () => {
    const a = await app().pipeline.ask("Кто такой Илья Пономарёв?");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toContain("Spearheaded by Ilya Ponomarev");
  });

  it("answers a Russian question by its ordinal and cognates: the fifth session's city", async () => {
    // "пятая" is "fifth" in any language; "сессия" and "депутатов" are cognates of "session" and "Deputies".
    const a = await app().pipeline.ask("В каком городе проходит пятая сессия Съезда народных депутатов?");
    expect(a.abstained).toBe(false);
    expect(a.citations.map((c) => c.quote)).toEqual([
      expect.stringContaining("fifth plenary session in Warsaw"),
    ]);
  });

  it("answers a Russian question whose asking word the stop-word list lacks: the regions of the partisans", async () => {
    // "каких" (which) was a term of its own, absent from every sentence, and the question abstained.
    const a = await app().pipeline.ask("В каких регионах России действуют партизанские формирования?");
    expect(a.abstained).toBe(false);
    expect(a.citations.map((c) => c.quote)).toEqual([expect.stringContaining("Belgorod and Kursk regions")]);
  });

  it("keeps answers short: at most three cited sentences", async () => {
    for (const q of [
      "Which countries are the congress's partners?",
      "When will the session conclude?",
      "What does the framework encompass?",
    ]) {
      const a = await app().pipeline.ask(q);
      expect(a.citations.length).toBeLessThanOrEqual(3);
    }
  });

  it("reports passages in rank order and timings", async () => {
    const a = await app().pipeline.ask("When will the session conclude?", { k: 3 });
    expect(a.passages).toHaveLength(3);
    const scores = a.passages.map((p) => p.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(a.timings.totalMs).toBeGreaterThanOrEqual(a.timings.retrieveMs);
    expect(a.answer).toContain("Saturday");
  });

  it("refuses LLM mode when no model is configured, naming the variable", async () => {
    await expect(app().pipeline.ask("Who leads the congress?", { mode: "llm" })).rejects.toThrow(
      /LLM_PROVIDER/,
    );
  });
});

describe("says an answer tentatively where answers as sure were often wrong on unseen corpora", () => {
  const app = suiteApp();
  const { hedge, threshold } = Scorer.load();

  it("below the fitted hedge and only there, and plainly where it is sure", async () => {
    expect(hedge).toBeGreaterThanOrEqual(threshold);
    const questions = [
      "Who leads the congress?",
      "Кто возглавляет съезд?",
      "Что такое Съезд народных депутатов?",
      "Why has the congress's work become more relevant and urgent?",
      "Where did the fifth session open?",
    ];
    for (const q of questions) {
      const a = await app().pipeline.ask(q);
      if (a.abstained) expect(a.tentative, q).toBeUndefined();
      else expect(a.tentative === true, q).toBe(a.confidence! < hedge);
    }
    const sure = await app().pipeline.ask("Who leads the congress?");
    expect(sure.tentative).toBeUndefined();
  });
});

describe("answers on the seed corpus among many short notes", () => {
  // Short notes that all repeat "congress": BM25 and the vectors rank them above the seed's long passage for "Who
  // leads the congress?", whose answer says "Spearheaded". Re-ranking by the sentences finds it again.
  const NOTES = [
    "The congress held a donor conference in Oslo with twenty foundations.",
    "The congress met supporters in Prague to discuss humanitarian corridors.",
    "The congress opened a representation office in Berlin in May 2024.",
    "The congress adopted a resolution on prisoners of war in Tallinn.",
    "The congress elected a presidium of seven members at its third session.",
    "The congress issued a statement in Riga on independent media.",
    "The congress signed a memorandum in Helsinki with student groups.",
  ];
  const app2 = suiteApp({ docs: Object.fromEntries(NOTES.map((n, i) => [`note-${i}.md`, `${n}\n`])) });

  it("still names the leader, citing the seed", async () => {
    const a = await app2().pipeline.ask("Who leads the congress?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Ilya Ponomarev");
    expect(a.citations[0]!.docId).toBe("congress-fifth-session-warsaw.md");
    expect(a.passages[0]!.docId).toBe("congress-fifth-session-warsaw.md");
    expect(a.passages.length).toBe(5);
  });

  it("answers a question of two parts with a sentence for each", async () => {
    const a = await app2().pipeline.ask(
      "Where did the congress hold its donor conference, and when did it open a representation office?",
    );
    expect(a.answer).toContain("Oslo");
    expect(a.answer).toContain("May 2024");
    expect(a.citations).toHaveLength(2);
    expect(a.answer).not.toMatch(PART_UNANSWERED);
  });

  it("answers the part of a question the documents support, and says which part they do not", async () => {
    // The user's words never read as a citation mark.
    const marked = await app2().pipeline.ask(
      "Where did the congress hold its donor conference, and what was [9]?",
    );
    // (Not [2]: the notes' titles, "note-0" … "note-6", hold that number.)
    expect(marked.answer).toContain("“what was (9)?”");
    expect(marked.answer.match(/\[\d+\]/g)).toEqual(["[1]"]);
  });

  it("keeps the answer's citations among the passages it reports", async () => {
    const a = await app2().pipeline.ask("Where did the congress hold a donor conference?");
    expect(a.answer).toContain("Oslo");
    for (const c of a.citations) expect(a.passages.map((p) => p.passageId)).toContain(c.passageId);
  });
});

describe("answers a question that ends in two words it asks about alike", () => {
  const summit = suiteApp({
    seed: false,
    docs: {
      "summit.md":
        "The third summit of the council opened on Monday in Vilnius, where the third summit heard its first speeches.\n\n" +
        "Delegates argued about the budget for hours.\n\n" +
        "The summit closes on Friday with a vote.\n",
    },
  });
  const forum = suiteApp({
    seed: false,
    docs: {
      "forum.md":
        "The second forum of the council opened on Tuesday in Riga, with the second forum's keynote.\n\n" +
        "Delegates argued about the budget for hours.\n",
    },
  });

  it("with a sentence for each word", async () => {
    const a = await summit().pipeline.ask("On which days does the third summit open and close?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Monday");
    expect(a.answer).toContain("Friday");
    expect(a.citations).toHaveLength(2);
    expect(a.answer).not.toMatch(PART_UNANSWERED);
  });

  it("and says which word the documents leave unanswered, rather than citing the other's sentence for it", async () => {
    const a = await forum().pipeline.ask("On which days does the second forum open and close?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Tuesday");
    expect(a.answer).toMatch(
      /I found no passage that answers “On which days does the second forum close\?”$/,
    );
    expect(a.citations).toHaveLength(1);
  });
});

describe("answers a question for several things", () => {
  const app3 = suiteApp({
    seed: false,
    docs: {
      "reform.md":
        "The council presented the reform plan and its elements in March.\n\n" +
        "The reform plan includes new schools, cheaper transport, and cleaner water.\n",
    },
  });

  it("with the sentence that lists them", async () => {
    const a = await app3().pipeline.ask("What elements does the reform plan include?");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toBe(
      "The reform plan includes new schools, cheaper transport, and cleaner water.",
    );
  });
});

describe("reads what a Russian question asks for", () => {
  const ru = suiteApp({
    seed: false,
    docs: {
      "forum-ru.md":
        "Форум депутатов собрался в Вильнюсе.\n\n" +
        "Делегаты долго спорили о бюджете.\n\n" +
        "После долгого перерыва и споров о бюджете форум депутатов снова собрался 14 мая.\n",
    },
  });

  it("'когда' asks for a date: of two sentences that match alike, the one with a date answers", async () => {
    const a = await ru().pipeline.ask("Когда собрался форум депутатов?");
    expect(a.abstained).toBe(false);
    expect(a.citations.map((c) => c.quote)).toEqual([
      "После долгого перерыва и споров о бюджете форум депутатов снова собрался 14 мая.",
    ]);
  });
});

describe("does not take the question's own name for whom it asks about", () => {
  const votes = suiteApp({
    seed: false,
    docs: {
      "vote-ru.md":
        "На выборах председателя президиума в Берлине Илья Пономарёв получил 61 голос.\n\n" +
        "Заседание продолжалось до вечера.\n",
    },
  });

  it("does not answer 'Who stood against Ponomarev?' with Ponomarev, written in Russian", async () => {
    const a = await votes().pipeline.ask("Who stood against Ponomarev in the presidium election in Berlin?");
    expect(a.abstained).toBe(true);
  });
});

describe("reads a sentence that points back ('This charter…', 'She said…') with the one before it", () => {
  const guild = suiteApp({
    seed: false,
    docs: {
      "guild.md":
        "The guild of millers in Gdansk adopted a new charter last spring after a long dispute with the city " +
        "council. This charter names auditing, milling and baking as its duties.\n\n" +
        "The weather in Gdansk was mild that year.\n",
      "forum.md":
        "Marta Kowalski opened the forum of exiled deputies in Vilnius on Friday. She said the forum would meet " +
        "again in May.\n\nThe hall was full, and the debate ran late.\n",
    },
  });
  // Its own corpus: the English report answers the same question ("would meet again in May").
  const forumRu = suiteApp({
    seed: false,
    docs: {
      "forum-ru.md":
        "Марта Ковальская открыла форум депутатов в Вильнюсе в пятницу. Она сказала, что форум снова соберётся " +
        "14 мая.\n\nЗал был полон.\n",
      "guild.md":
        "The guild of millers in Gdansk adopted a new charter last spring after a long dispute with the city " +
        "council.\n",
    },
  });

  it("quotes the one before it with a chosen sentence that points back at it", async () => {
    const a = await guild().pipeline.ask("Which duties does the charter name?");
    expect(a.citations.map((c) => c.quote)).toEqual([
      "The guild of millers in Gdansk adopted a new charter last spring after a long dispute with the city " +
        "council. This charter names auditing, milling and baking as its duties.",
    ]);
  });

  it("quotes a sentence that opens with a pronoun with the one that names whom it means", async () => {
    const a = await guild().pipeline.ask("When will the forum meet again?");
    expect(a.abstained).toBe(false);
    expect(a.citations.map((c) => c.quote)).toEqual([
      "Marta Kowalski opened the forum of exiled deputies in Vilnius on Friday. She said the forum would meet again in May.",
    ]);
  });

  it("does so in Russian too: 'Она сказала…'", async () => {
    const a = await forumRu().pipeline.ask("Когда форум снова соберётся?");
    expect(a.citations.map((c) => c.quote)).toEqual([
      "Марта Ковальская открыла форум депутатов в Вильнюсе в пятницу. Она сказала, что форум снова соберётся 14 мая.",
    ]);
  });

  it("says once, and whole, what both parts of a question quote: the longer quote holds the shorter", async () => {
    const a = await guild().pipeline.ask(
      "Who adopted a new charter last spring, and which duties does the charter name?",
    );
    expect(a.citations.map((c) => c.quote)).toEqual([
      "The guild of millers in Gdansk adopted a new charter last spring after a long dispute with the city " +
        "council. This charter names auditing, milling and baking as its duties.",
    ]);
  });
});

describe("answers 'What is X?' with what the documents say X is", () => {
  const guild = suiteApp({
    seed: false,
    docs: {
      "guild.md":
        "The Amber Guild met in Riga on Monday, where the Amber Guild elected its chair.\n\n" +
        "Members of the Amber Guild voted on the guild's budget for hours.\n\n" +
        "The Amber Guild is a union of amber carvers from the Baltic coast.\n",
      "forum-ru.md":
        "Форум свободной России провёл встречу в Вильнюсе, где выступил форум.\n\n" +
        "Форум свободной России — площадка российской оппозиции в эмиграции.\n",
    },
  });

  it("in English: the sentence that says what it is, not the ones that say more of its name", async () => {
    const a = await guild().pipeline.ask("What is the Amber Guild?");
    expect(a.citations.map((c) => c.quote)).toEqual([expect.stringContaining("a union of amber carvers")]);
  });

  it("in Russian", async () => {
    const a = await guild().pipeline.ask("Что такое Форум свободной России?");
    expect(a.citations.map((c) => c.quote)).toEqual([
      expect.stringContaining("площадка российской оппозиции"),
    ]);
  });
});

describe("answers about the year a question names, and only that year", () => {
  const river = suiteApp({
    seed: false,
    docs: {
      "river.md":
        "The Sarrow Sweep of 2031 drew 3,800 volunteers, who pulled 640 tonnes of waste from the river.\n\n" +
        "The alliance behind the sweep was founded by six towns after a chemical spill.\n\n" +
        "The Calder Fund paid for the sweep's two boats with a grant of €12,000.\n",
    },
  });

  it("answers for the year the documents speak of", async () => {
    const a = await river().pipeline.ask("How many tonnes of waste were collected in the 2031 Sarrow Sweep?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("640 tonnes");
  });

  it("counts what the question counts: people by volunteers, money in a currency, never boats for fish", async () => {
    const people = await river().pipeline.ask("How many people took part in the 2031 Sarrow Sweep?");
    expect(people.answer).toContain("3,800 volunteers");
    const money = await river().pipeline.ask("How much money did the Calder Fund give?");
    expect(money.answer).toContain("€12,000");
    expect((await river().pipeline.ask("How many fish did the Calder Fund save?")).abstained).toBe(true);
  });

  it("abstains for a year they never mention, rather than give another year's figure", async () => {
    const a = await river().pipeline.ask("How many tonnes of waste were collected in the 2027 Sarrow Sweep?");
    expect(a.abstained).toBe(true);
  });
});

describe("a question whose 'who' does something", () => {
  const open = suiteApp({
    seed: false,
    docs: {
      "open.md":
        "The Penn-Sokal Open is a weekend chess tournament held every January in Halden.\n\n" +
        "The Halden Savings Bank pays the tournament's prize fund.\n",
    },
  });
  const funded = suiteApp({
    seed: false,
    docs: {
      "open.md":
        "The Penn-Sokal Open is a weekend chess tournament held every January in Halden.\n\n" +
        "The Halden Savings Bank pays the prize fund of the Penn-Sokal Open.\n",
    },
  });

  it("abstains when no sentence names anyone, rather than quote the one about the tournament", async () => {
    const a = await open().pipeline.ask("Who won the Penn-Sokal Open?");
    expect(a.abstained).toBe(true);
  });

  it("is answered by a body as well as a person", async () => {
    const a = await funded().pipeline.ask("Who pays the prize fund of the Penn-Sokal Open?");
    expect(a.abstained).toBe(false);
    expect(a.citations.map((c) => c.quote)).toContainEqual(expect.stringContaining("Halden Savings Bank"));
  });
});

describe("a name the question uses", () => {
  const islands = suiteApp({
    seed: false,
    docs: {
      "festival.md":
        "The Skarvøy Folk Festival is held every July on Skarvøy, a small island in the Vellmar Archipelago.\n\n" +
        "Visitors travel by ferry from the port town of Hallvik.\n",
      "union.md": "The union has 640 members, and most of them now live in Estonia and Georgia.\n",
    },
  });

  it("is not answered from a document that never uses it, when another does", async () => {
    // The union's members live somewhere, but not on Skarvøy: the festival's document names it, the union's does not.
    const a = await islands().pipeline.ask("How many people live on Skarvøy?");
    expect(a.abstained).toBe(true);
  });

  it("answers from the document that names what is asked", async () => {
    const b = await islands().pipeline.ask("How many members does the union have?");
    expect(b.citations[0]!.quote).toContain("640 members");
  });
});

describe("a question on how someone responded", () => {
  const ministry = suiteApp({
    seed: false,
    docs: {
      "forum.md":
        "The forum met in Lindholm on Saturday, its largest meeting since 2024.\n\n" +
        'The foreign ministry in Rusk described the forum as "a theatre of fugitives".\n\n' +
        "The ministry of culture in Rusk funds the national theatre.\n\n" +
        "The forum, an assembly representing 400,000 exiles from Rusk, elected Ilona Marek as its new speaker.\n",
    },
  });

  it("is not answered by a sentence that represents something: WordNet's way of saying gives no response", async () => {
    // The one sentence naming Ilona Marek: "representing" is one of the ways of saying in WordNet.
    const a = await ministry().pipeline.ask("What did Ilona Marek say?");
    expect(a.abstained).toBe(true);
  });

  it("is not answered by a sentence that gives none", async () => {
    const a = await ministry().pipeline.ask("How did the ministry of culture in Rusk react to the forum?");
    expect(a.abstained).toBe(true);
  });
});

describe("what an answer on the seed corpus quotes, whatever the fitted threshold", () => {
  // Whether to answer is the fitted threshold's call, and this question sits near it (the eval sets measure that);
  // here, what is quoted once the answerer does answer.
  const quoting = suiteApp({ env: { ABSTAIN_THRESHOLD: "0.5" } });

  it("quotes the sentence that goes on with 'This framework…' when it names the plan's elements", async () => {
    const a = await quoting().pipeline.ask(
      "What elements make up the congress's plan for Russia after Putin?",
    );
    expect(a.abstained).toBe(false);
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]!.quote).toMatch(/comprehensive framework .* This framework encompasses/);
    expect(a.answer).toContain("strategic planning for the nation");
  });
});

const REGISTER_HEADER = "| No. | Decision | For | Against | Abstained |";

/** An app over one register of decisions: `rows` under REGISTER_HEADER. */
const registerApp = (rows: string[]) =>
  suiteApp({
    seed: false,
    docs: {
      "register.md": `# Register of decisions\n\n${REGISTER_HEADER}\n|---|---|---|---|---|\n${rows.join("\n")}\n`,
    },
  });

/** The register's "Shadow Mandate" row as the answerer read it for `question`. */
async function shadowMandateRow(app: TempApp, question: string) {
  const traced: TraceEntry[] = [];
  await app.pipeline.ask(question, { trace: (t) => traced.push(t) });
  return traced[0]!.candidates.find((c) => c.evidence.text.includes("Shadow Mandate"))!;
}

describe("reads a row of a long table with its header, many passages above it", () => {
  const rows = Array.from(
    { length: 90 },
    (_, i) =>
      `| ${i + 1} | Resolution on regional budget item number ${i + 1} of the annual plan | ${40 + (i % 9)} | ${i % 5} | ${2 + (i % 3)} |`,
  );
  rows[84] = '| 85 | "Shadow Mandate" programme | 45 | 6 | 7 |';
  const register = registerApp(rows);

  it("finds the header more than four passages above the row (twelve at most)", async () => {
    const row = await shadowMandateRow(register(), "What was the vote on the Shadow Mandate programme?");
    expect(row.evidence.header).toBe(REGISTER_HEADER);
  });
});

describe("reads a table row with its header, though the header stands in an earlier passage", () => {
  const rows = Array.from(
    { length: 24 },
    (_, i) =>
      `| ${i + 1} | Resolution on regional budget item number ${i + 1} | ${40 + i} | ${i % 5} | ${2 + (i % 3)} |`,
  );
  rows[21] = '| 22 | "Shadow Mandate" programme | 45 | 6 | 7 |';
  const register = registerApp(rows);

  it("counts a number under 'Abstained' as abstentions", async () => {
    const row = await shadowMandateRow(
      register(),
      "How many abstentions were recorded on the Shadow Mandate programme?",
    );
    // The row's passage does not hold the header: the table runs over more than one passage.
    expect(row.evidence.passage.text).not.toContain("Abstained");
    expect(row.features[FEATURES.findIndex((f) => f.name === "typeFound")]).toBe(1);
  });

  it("says a row with its header's labels, leads with the column asked, and quotes the row as written", async () => {
    const a = await register().pipeline.ask("What was the vote on the Shadow Mandate programme?");
    expect(a.abstained).toBe(false);
    expect(a.lead).toBe("For: 45; Against: 6; Abstained: 7");
    expect(a.answer).toContain('Decision: "Shadow Mandate" programme; For: 45; Against: 6; Abstained: 7 [1]');
    expect(a.citations[0]!.quote).toBe('| 22 | "Shadow Mandate" programme | 45 | 6 | 7 |');
  });

  it("reads the row's number as next to the column's word, and its votes as a tally", async () => {
    // Read alone, "| 22 | … | 45 | 6 | 7 |" has no word of the question near its numbers; read as
    // "For: 45; Against: 6; Abstained: 7" it has.
    const row = await shadowMandateRow(
      register(),
      "How many deputies voted against the Shadow Mandate programme?",
    );
    const feature = (name: string) => row.features[FEATURES.findIndex((f) => f.name === name)];
    expect(feature("typeNear")).toBe(1);
    expect(feature("tallyFound")).toBe(1);
  });
});
