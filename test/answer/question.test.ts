// What a question asks for, and what a sentence offers as its answer.
import { describe, expect, it } from "vitest";
import { asked } from "../helpers/asked.js";
import { answerMentions, definitionsOf, enumeration, longestList } from "../../src/answer/entities.js";
import { isCompoundOf, StemMatcher } from "../../src/answer/extractive.js";
import { isCognate, ordinalRank, pointedAt, readQuestion, subjectHead } from "../../src/answer/question.js";
import { stem, writtenInCyrillic } from "../../src/text/tokenize.js";

const ALLIES =
  "During the session, Ponomarev outlined the congress's strategic alliances with several key international " +
  "players, including Ukraine, Poland, the United States, Canada, and Germany.";

describe("readQuestion: a place described, not named", () => {
  const placesOf = (q: string) =>
    Object.fromEntries(
      readQuestion(q)
        .terms.filter((t) => t.places)
        .map((t) => [t.term, t.places]),
    );

  it.each([
    ["What was the turnout at the session in the Latvian capital?", "latvian", "riga"],
    ["Who chaired the session in the capital of the Czech Republic?", "czech", "prague"],
    ["Which city hosted the session held in Poland's capital?", "poland", "warsaw"],
    ["Who presided at the session held in the Polish port city?", "polish", "gdansk"],
  ])("%s: each word of the description gets the place", (q, word, place) => {
    const found = placesOf(q);
    expect(found[stem(word)]).toContain(place);
    expect(Object.keys(found).length).toBeGreaterThanOrEqual(2);
  });

  it("leaves words alone that describe no place: the Latvian government, the city council", () => {
    expect(placesOf("What did the Latvian government say?")).toEqual({});
    expect(placesOf("Who chairs the city council?")).toEqual({});
    expect(placesOf("Кто выступил в латвийской столице?")).toEqual({});
  });
});

describe("readQuestion", () => {
  it("reads the language from the asker's own words, not from names in the other script", () => {
    expect(readQuestion("Who is Пономарёв?").cyrillic).toBe(false);
    expect(readQuestion("Кто такой Ponomarev?").cyrillic).toBe(true);
    expect(readQuestion("что такое legal defence desk").cyrillic).toBe(true);
    // A follow-up with the names it borrows from the last answer is asked in the language of its own words.
    const q = readQuestion(
      "and where does he live (Григорий Островский)?",
      writtenInCyrillic("and where does he live?"),
    );
    expect(q.cyrillic).toBe(false);
    expect(q.type).toBe("place");
  });

  it("knows when a question asks for several of its kind", () => {
    expect(readQuestion("Which countries are allies?").several).toBe(true);
    expect(readQuestion("Who are the deputies?").several).toBe(true);
    expect(readQuestion("Which country hosts the session?").several).toBe(false);
    // A number of them: "Which five institutes…?", "Which two private foundations…?".
    expect(readQuestion("Which five institutes set up the network in 2009?").several).toBe(true);
    expect(readQuestion("Which two private foundations pledged the money?").several).toBe(true);
    expect(readQuestion("Which 2019 decision set the deadline?").several).toBe(false);
    expect(readQuestion("Who leads the congress?").several).toBe(false);
    expect(readQuestion("What elements make up the plan?").several).toBe(true);
    expect(readQuestion("What role does the congress play?").several).toBe(false);
    // Russian asks for several by its plural.
    expect(readQuestion("С какими странами у съезда партнёрство?").several).toBe(true);
    expect(readQuestion("В каких регионах действуют отряды?").several).toBe(true);
    expect(readQuestion("В какой стране проходит сессия?").several).toBe(false);
  });

  it("reads a question of two parts as two questions", () => {
    const q = readQuestion("Where did the congress meet, and when did it open an office?");
    expect(q.parts.map((p) => [p.text, p.type])).toEqual([
      ["Where did the congress meet?", "place"],
      ["when did it open an office?", "date"],
    ]);
    expect(q.parts[1]!.terms.map((t) => t.term)).toEqual(["open", "offic"]);
    expect(readQuestion("Где прошла сессия и когда она закончилась?").parts.map((p) => p.text)).toEqual([
      "Где прошла сессия?",
      "когда она закончилась?",
    ]);
    expect(readQuestion("Which countries and regions are named?").parts).toEqual([]);
    // Two words it asks about alike, at the end: a part for each, which a sentence must match to answer.
    const pair = readQuestion("On which days does the session start and end?");
    expect(pair.parts.map((p) => [p.text, p.focus])).toEqual([
      ["On which days does the session start?", "start"],
      ["On which days does the session end?", "end"],
    ]);
    expect(readQuestion("Where are Ukraine and Poland?").parts).toEqual([]);
    // "place" is part of the phrase "take place", no term of its own: no sentence could match it alone.
    expect(readQuestion("When does the session take place and end?").parts).toEqual([]);
    expect(readQuestion("Who leads the congress?").parts).toEqual([]);
  });

  it("lends the session or year the first part picks out to a second part that picks out none, for less", () => {
    const borrowed = (q: string) =>
      readQuestion(q).parts[1]!.terms.map((t) => `${t.term}${t.context ? " (borrowed)" : ""}`);
    const fourth = borrowed("Where was the fourth session held and how many delegates attended it?");
    expect(fourth.slice(0, 2)).toEqual(["deleg", "attend"]);
    expect(fourth).toEqual(expect.arrayContaining(["fourth (borrowed)", "session (borrowed)"]));
    expect(borrowed("What was decided in 2024, and who voted against?")).toContain("2024 (borrowed)");
    // A part that picks out its own keeps to it; a name is not lent (the second part may ask about someone else).
    expect(borrowed("Who chaired the third session, and who chaired the fifth session?")).toEqual([
      "chair",
      "fifth",
      "session",
    ]);
    expect(borrowed("Who ran against Arseny Dolgikh in Tallinn, and how many votes did she get?")).toEqual([
      "vote",
    ]);
  });

  it("puts the first part's noun for the second part's 'one'", () => {
    const q = readQuestion("Who chaired the Tallinn congress and who chaired the Warsaw one?");
    expect(q.parts.map((p) => p.text)).toEqual([
      "Who chaired the Tallinn congress?",
      "who chaired the Warsaw congress?",
    ]);
    expect(q.parts[1]!.terms.map((t) => t.term)).toEqual(["chair", "warsaw", "congress"]);
    expect(
      pointedAt(
        "which city hosted the one that created the School?",
        "Which city hosted the session that set up the Fund",
      ),
    ).toBe("which city hosted the session that created the School?");
    expect(pointedAt("who chaired the one in 2025", "where was the 2024 assembly")).toBe(
      "who chaired the assembly in 2025",
    );
    // "one of", a number, or no noun phrase to take it from: as asked.
    expect(pointedAt("who was the one of them", "where was the 2024 assembly")).toBe(
      "who was the one of them",
    );
    expect(pointedAt("how many had one vote", "where was the 2024 assembly")).toBe("how many had one vote");
    expect(pointedAt("who chaired the Warsaw one", "Who spoke first")).toBe("who chaired the Warsaw one");
  });

  it.each([
    ["Who chaired the Tallinn congress", "congress"],
    ["When did the Kyiv representative office open", "office"],
    ["What does the AI resolution oblige members to do", "resolution"],
    ["How many votes did the remote-voting amendment need", "amendment"],
    ["At which session was the Budget and Audit Commission set up", "Commission"],
    ["How big is the Aptechka fund's yearly budget", "budget"],
    ["How many deputies backed the offer of mediation with the Assembly", "offer"],
    ["Where was the fourth session held", "session"],
    ["Who spoke first", undefined],
  ])("finds the head of the first noun phrase: %s", (text, head) => {
    expect(subjectHead(text)).toBe(head);
  });

  it("notes the ordinal that says which one of a series is meant", () => {
    const ordinals = (q: string) =>
      readQuestion(q).terms.flatMap((t) => (t.ordinal ? [[t.term, t.ordinal]] : []));
    expect(ordinals("Where will the sixth plenary session be held?")).toEqual([
      ["plenari", "sixth"],
      ["session", "sixth"],
    ]);
    expect(ordinals("When is the next session?")).toEqual([["session", "next"]]);
    expect(ordinals("Когда пройдёт следующая сессия?")).toEqual([["сесс", "след"]]);
    expect(ordinals("When did the congress first convene?")).toEqual([]);
    expect(ordinals("how much did the very first congress cost to put on")).toEqual([
      ["congress", "first"],
      ["cost", "first"],
    ]);
    expect(ordinals("Was it the very best session?")).toEqual([]);
  });

  it("reads a verb by its dictionary form, irregular participles too", () => {
    const forms = (q: string, word: string) => readQuestion(q).terms.find((t) => t.term === word)?.forms;
    // compromise tags "grown" a participle but gives it no root; its conjugator knows "grow".
    expect(forms("What has the congress grown into?", "grown")).toEqual(["grow", "grew"]);
    // An irregular verb's past and participle, which no stemmer brings back to it; "found" is not taken for "find".
    expect(forms("Where did the union hold its assembly?", "hold")).toEqual(["held"]);
    expect(forms("Who did the delegates choose?", "choos")).toEqual(["chose", "chosen"]);
    expect(forms("Who took part in the session?", "took")).toEqual(["take", "taken"]);
    expect(forms("When was the forum founded?", "found")).toEqual([]);
  });

  it("drops the measure a 'how' asks for: an answer gives the age or length, not the word", () => {
    const terms = (q: string) => readQuestion(q).terms.map((t) => t.term);
    // "Lebedeva, 41, built her reputation…" answers "How old is Lebedeva?" without the word "old".
    expect(terms("How old is Lebedeva?")).toEqual(["lebedeva"]);
    expect(terms("how long was her report")).toEqual(["report"]);
    expect(readQuestion("How old is Lebedeva?").type).toBe("number");
    // The same in Russian ("how many years"), with a pronoun or "было" between; a name between is a name.
    expect(terms("Сколько лет Маргарите Величко?")).toEqual(["маргар", "величк"]);
    expect(terms("Сколько ей лет?")).toEqual([]);
    expect(terms("Сколько лет было Тимуру Газиеву?")).toEqual(["тимур", "газиев"]);
    // "How many" and "how much" were never terms; the counted noun stays.
    expect(terms("How many delegates attended?")).toEqual(["deleg", "attend"]);
  });

  it("drops the words that ask, in Russian in any case and gender", () => {
    const terms = (q: string) => readQuestion(q).terms.map((t) => t.term);
    // The stop-word list has "какой" but not "каких" or "какими": their stem "как" is no word of any answer.
    expect(terms("В каких регионах действуют формирования?")).toEqual(["регион", "действ", "формирован"]);
    expect(terms("С какими странами сотрудничает съезд?")).toEqual(["стран", "сотруднича", "съезд"]);
    expect(terms("Почему и зачем?")).toEqual([]);
    // "в какой день" asks for a date as "on which day" does; "должна" is a modal, "своё" a pronoun ("its own").
    expect(terms("В какой день должна закончиться сессия?")).toEqual(["законч", "сесс"]);
    expect(terms("Когда съезд провёл своё первое заседание?")).toEqual([
      "съезд",
      "провел",
      "перв",
      "заседан",
    ]);
  });

  it("reads what a 'What is X?' question asks to have defined, and not an attribute or a role", () => {
    const defines = (q: string) => readQuestion(q).defines;
    expect(defines("What is the Congress of People's Deputies?")).toBe("the Congress of People's Deputies");
    expect(defines("What is the congress?")).toBe("the congress");
    expect(defines("Who is Ilya Ponomarev?")).toBe("Ilya Ponomarev");
    expect(defines("Что такое Съезд народных депутатов?")).toBe("Съезд народных депутатов");
    expect(defines("What is the weather in Warsaw?")).toBeUndefined();
    expect(defines("What is the congress's annual budget?")).toBeUndefined();
    expect(defines("Who is the press secretary?")).toBeUndefined();
    expect(defines("Where is the congress?")).toBeUndefined();
    // Asking how X describes itself asks what X is, by its own account.
    expect(defines("How does the congress characterize itself?")).toBe("the congress");
    expect(defines("What does the Amber Guild call itself?")).toBe("the Amber Guild");
    expect(defines("How does the congress work with itself?")).toBeUndefined();
    // "self-described" is "described itself".
    expect(
      readQuestion("How does the congress see itself?").terms.find((t) => t.term === "itself")?.forms,
    ).toEqual(["self"]);
    // "Who is X?" keeps its type: without a sentence saying what X is, a person is what it asks for.
    expect(readQuestion("Who is Ilya Ponomarev?").type).toBe("person");
  });

  it("reads the role or attribute a 'Who/What is the X of Y?' question asks about", () => {
    const role = (q: string) => readQuestion(q).attribute;
    expect(role("Who is the president of Ukraine?")).toBe("presid");
    expect(role("Who is the congress's press secretary?")).toBe("secretari");
    expect(role("Who was the first speaker at the session?")).toBe("speaker");
    // A name is no role; nor is a thing; nor is "head" in its first senses (a body part).
    expect(role("Who is at the head of the Congress of People's Deputies?")).toBeUndefined();
    expect(role("Who is the winner of the vote?")).toBe("winner");
    expect(role("Who is the outcome of the vote?")).toBeUndefined();
    expect(role("Who leads the congress?")).toBeUndefined();
    // "What is the X of Y?" asks about X, unless X only asks for a kind of answer.
    expect(role("What is the population of Warsaw?")).toBe("popul");
    expect(role("What is the congress's annual budget?")).toBe("budget");
    expect(role("What is the name of the shadow parliament?")).toBeUndefined();
    expect(role("What was the result of the vote on the draft constitution?")).toBeUndefined();
    // A possessor of several words is a name; "What is X?" asks what X is, not about a part of its name.
    expect(role("What is the Free Dastova Forum's annual budget?")).toBe("budget");
    expect(role("What is the Congress of People's Deputies?")).toBeUndefined();
    // A possessor with a word before it, two words before the noun, a year after it.
    expect(role("What is the rescue team's total annual budget?")).toBe("budget");
    expect(role("What was the festival's total revenue in 2023?")).toBe("revenu");
    // A question about someone's birth asks for a sentence that says "born", in either language.
    expect(role("Where was Vera Kuzmina born?")).toBe("born");
    expect(role("In which city was Anastasia Lebedeva born?")).toBe("born");
    expect(role("В каком году родилась Марина Ким?")).toBe(stem("родилась"));
    expect(role("What is the total annual budget of the team?")).toBe("budget");
  });

  it("notes the names a question uses: capitalised words after the first, without a possessive", () => {
    expect(readQuestion("How many people live on Skarvøy?").names).toEqual(["Skarvøy"]);
    expect(readQuestion("What did Ponomarev say about the Kremlin's plans?").names).toEqual([
      "Ponomarev",
      "Kremlin",
    ]);
    expect(readQuestion("Who leads the congress?").names).toEqual([]);
    expect(readQuestion("Кто возглавляет Съезд?").names).toEqual([]);
    // An apostrophe before a capital belongs to the name.
    expect(readQuestion("Which committee does Sean O'Brien chair?").names).toEqual(["Sean", "O'Brien"]);
    expect(readQuestion("What is O’Brien’s role?").names).toEqual(["O’Brien"]);
    expect(readQuestion("WHAT IS NATO'S ROLE IN PONOMAREV'S PLAN?").names).toEqual([
      "IS",
      "NATO",
      "ROLE",
      "IN",
      "PONOMAREV",
      "PLAN",
    ]);
    expect(readQuestion("Who is Sean O'SULLIVAN?").names).toEqual(["Sean", "O'SULLIVAN"]);
  });

  it("notes the response a 'How did X respond to Y?' or 'What did X say?' question asks for", () => {
    expect(readQuestion("How did the Kremlin officially respond to the Warsaw session?").response).toBe(
      "respond",
    );
    expect(readQuestion("How did Dastova's government react to the meeting?").response).toBe("react");
    expect(readQuestion("How did the congress respond?").response).toBe("respond");
    expect(readQuestion("What did the Kremlin say?").response).toBe("say");
    expect(readQuestion("What did the Kremlin do?").response).toBeUndefined();
  });

  it("notes the years a question names", () => {
    expect(readQuestion("How many tonnes were collected in the 2027 Sweep?").years).toEqual(["2027"]);
    expect(readQuestion("Сколько игроков было на турнире 2031 года?").years).toEqual(["2031"]);
    expect(readQuestion("How many of the 12000 fish died?").years).toEqual([]);
  });

  it.each([
    ["What was the vote on the Berlin Roadmap?", "number", "vote"],
    ["What budget did the Congress approve for 2025?", "number", "budget"],
    ["What does a small newsroom pay in yearly dues?", "number", "pay"],
    ["how long did the youth walkout in riga last", "number", "walkout"],
    ["Какой бюджет утвердили на 2026 год?", "number", "бюджет"],
    ["Как проголосовали за закон в первом чтении?", "number", "закон"],
    ["Против скольких чиновников ввели санкции?", "number", "чиновник"],
    ["Where was Ilya Ponomarev born?", "place", "born"],
    ["When was he born?", "date", "born"],
    // The asking words that come first ask; a later "when" opens a clause.
    ["What was the tally when the security committee was created?", "number", "tally"],
    ["Where was the chair when the vote was taken?", "place", "chair"],
    ["What was the final count when the Duma voted?", "number", "count"],
    // Whose budget or salary, however many words name the whose; the chat spelling "whats".
    ["What was the Platform of Democratic Deputies' budget for 2024?", "number", "budget"],
    ["What is the Youth Chamber's total annual budget?", "number", "budget"],
    ["whats verkhovtseva's salary at the congress", "number", "salary"],
    ["whats the 2024 budget of the assembly", "number", "budget"],
    ["Какую зарплату получает омбудсмен Съезда?", "number", "зарплату"],
    ["Какой была общая стоимость программы?", "number", "стоимость"],
    // A Russian tally: "с каким счётом", "итог голосования".
    ["С каким счётом был принят Акт о преемственности?", "number", "акт"],
    ["итог голосования по исключению лаврова какой был", "number", "исключению"],
    // "The number of…" after "what is", with one word before it ("minimum", "total").
    ["What's the minimum number of members who must be in the room?", "number", "member"],
    ["What is the number of deputies on the register?", "number", "deputies"],
    ["What is the quorum for a session?", "number", "session"],
    // A share, a count, how close a vote was, what was spent, how fast: figures too.
    ["what % of members are still on the staff of russian institutes", "number", "member"],
    ["vote count for setting up the committee on regions in riga?", "number", "committee"],
    ["How close was the vote on giving the group observer status?", "number", "vote"],
    ["What was the result of the first-reading vote on the constitution?", "number", "constitution"],
    ["What was the network's total expenditure in 2023?", "number", "expenditure"],
    ["how fast did the fund process a full application in 2024", "number", "application"],
    ["Каким было наименьшее число депутатов, приехавших лично?", "number", "депутатов"],
    ["Какую смету расходов Исполкома утвердили в Кракове?", "number", "смету"],
    // Not a figure: which resolution drew most votes; what someone did after a vote; which account to pay into.
    ["Which resolution attracted the largest number of votes against?", "other", "resolution"],
    ["На какой счёт переводить членские взносы?", "other", "переводить"],
    ["what did she do after the vote on the statement?", "other", "vote"],
  ])(
    "types %j as %s and keeps %s a term: a vote, a budget, a fee are answered with figures",
    (text, type, term) => {
      const q = readQuestion(text);
      expect(q.type).toBe(type);
      expect(q.terms.map((t) => t.term)).toContain(stem(term));
    },
  );

  it.each([
    ["how many ppl showed up in prague", "how many people showed up in prague"],
    ["which uni kicked kolosova out", "which university kicked kolosova out"],
    ["скока чел было на сессии", "сколько человек было на сессии"],
    ["Who is U Thant?", "Who is U Thant?"],
  ])("writes out chat spellings: %j reads as %j", (typed, read) => {
    expect(readQuestion(typed).text).toBe(read);
  });

  it("asks a second part of another type, after a preposition and in no words of its own, of the first's words", () => {
    const q = readQuestion("When was the Charter adopted, and in which city?");
    expect(q.parts.map((p) => p.type)).toEqual(["date", "place"]);
    expect(q.parts[1]!.terms.map((t) => t.term)).toEqual(q.parts[0]!.terms.map((t) => t.term));
  });

  it.each([
    [
      "When and where was Novaya Smena founded?",
      ["When was Novaya Smena founded?", "where was Novaya Smena founded?"],
    ],
    ["Где и когда прошла первая сессия?", ["Где прошла первая сессия?", "когда прошла первая сессия?"]],
  ])("asks two asking words first of the same words: %s", (text, parts) => {
    expect(readQuestion(text).parts.map((p) => p.text)).toEqual(parts);
  });

  it("keeps a question whole when a part has no words of its own", () => {
    const q = readQuestion("How many partners did Ponomarev list, and which are they?");
    expect(q.parts).toEqual([]);
    expect(q.type).toBe("number");
  });
});

describe("a list of names as a count", () => {
  const counted = (question: string) =>
    answerMentions(asked("number", question), ALLIES).map((m) => ALLIES.slice(m.start, m.end));

  it("answers how many countries, not how many people a Russian question counts", () => {
    expect(counted("Сколько стран названо союзниками?")).toEqual([
      "Ukraine, Poland, the United States, Canada, and Germany",
    ]);
    expect(counted("Сколько депутатов входит в съезд?")).toEqual([]);
  });

  it("answers a Russian count of people with no sum of money, the noun found past the words before it", () => {
    const fee = "Associate members pay 50 euros a year, and 12 members joined in 2024.";
    const numbers = (q: string) =>
      answerMentions(asked("number", q), fee).map((m) => fee.slice(m.start, m.end));
    expect(numbers("Сколько у ассоциации ассоциированных членов?")).toEqual(["12"]);
    expect(numbers("Сколько стоит членство?")).toEqual(["50"]);
  });
});

describe("longestList", () => {
  it("finds three or more names joined by commas and a last 'and'", () => {
    expect(longestList(ALLIES).map((s) => ALLIES.slice(s.start, s.end))).toEqual([
      "Ukraine",
      "Poland",
      "United States",
      "Canada",
      "Germany",
    ]);
  });

  it("is no list without the 'and', or with two names only", () => {
    expect(longestList("The session opened in Warsaw, Poland, on Wednesday.")).toEqual([]);
    expect(longestList("Operations in the Belgorod and Kursk regions.")).toEqual([]);
  });
});

describe("answerMentions", () => {
  it("leaves out what the question itself names", () => {
    const s = "The congress met in Warsaw, Poland, on Wednesday.";
    const found = (q: string) => answerMentions(asked("place", q), s).map((m) => s.slice(m.start, m.end));
    expect(found("Where did the congress meet?")).toEqual(["Warsaw", "Poland"]);
    expect(found("Where in Poland did the congress meet?")).toEqual(["Warsaw"]);
  });

  it("finds a cause or a purpose as news writes them", () => {
    const reason = (s: string) =>
      answerMentions(asked("reason", "Why?"), s).map((m) => s.slice(m.start, m.end));
    expect(reason("The group walked out, complaining that the charter was written for diplomats.")).toEqual([
      "complaining",
    ]);
    expect(reason("He stepped down in January, citing his health.")).toEqual(["citing"]);
    expect(reason("She links the increase to walkers.")).toEqual(["links"]);
    expect(reason("It was built so that snow slides off.")).toEqual(["so that"]);
    expect(reason("The group walked out on Saturday.")).toEqual([]);
  });

  it("takes only places of the kind asked for: a country, a city; a name WordNet lacks may be either", () => {
    // WordNet has Kiev, not Kyiv.
    const s = "The congress met in Warsaw, Poland, then in Kyiv.";
    const found = (q: string) => answerMentions(asked("place", q), s).map((m) => s.slice(m.start, m.end));
    expect(found("In which country did the congress meet?")).toEqual(["Poland", "Kyiv"]);
    expect(found("What cities did the congress meet in?")).toEqual(["Warsaw", "Kyiv"]);
    expect(found("Where did the congress meet?")).toEqual(["Warsaw", "Poland", "Kyiv"]);
  });

  it("counts a list of names as the number a 'how many' asks for", () => {
    const [m] = answerMentions(asked("number", "How many allies are there?"), ALLIES);
    expect(ALLIES.slice(m!.start, m!.end)).toBe("Ukraine, Poland, the United States, Canada, and Germany");
    expect(answerMentions(asked("number", "How many allies are there?"), "It has allies.")).toEqual([]);
  });

  it("counts a list of names only for things that have names: people, places, bodies", () => {
    const counted = (q: string) => answerMentions(asked("number", q), ALLIES).length > 0;
    expect(counted("How many countries did he name?")).toBe(true);
    expect(counted("How many foreign partners does it have?")).toBe(true);
    expect(counted("Сколько стран он назвал?")).toBe(true);
    // "Sessions" is also a composer in WordNet; the plural is read by its singular.
    expect(counted("How many sessions has the congress held?")).toBe(false);
    expect(counted("How many votes did it get?")).toBe(false);
  });

  it("reads the noun a 'how many' or 'how much' question counts", () => {
    expect(readQuestion("How many tonnes of waste were collected in 2027?").asks.counted).toBe("tonnes");
    expect(readQuestion("How much prize money did the winner receive?").asks.counted).toBe("money");
    expect(readQuestion("How many of the delegates voted?").asks.counted).toBe("delegates");
    expect(readQuestion("How many people live in Brannvik?").asks.counted).toBe("people");
    // The tagger reads "delegates" after a name as a verb.
    expect(readQuestion("How many Tbilisi delegates were in the hall?").asks.counted).toBe("delegates");
    expect(readQuestion("how many people work at kyusyur").asks.counted).toBe("people");
    expect(readQuestion("How many are there?").asks.counted).toBeUndefined();
    expect(readQuestion("Сколько стран?").asks.counted).toBeUndefined();
  });

  it("takes a number for a 'how many' only where it counts what is asked", () => {
    const found = (q: string, s: string) =>
      answerMentions(asked("number", q), s).map((m) => s.slice(m.start, m.end));
    const s = "The fund, set up by two founders, paid €180,000 for 3,800 volunteers.";
    expect(found("How much money did the fund pay?", s)).toEqual(["€180,000"]);
    // Founders and volunteers are people; the money is not.
    expect(found("How many people did it pay for?", s)).toEqual(["two", "3,800"]);
    expect(found("How many founders set it up?", s)).toEqual(["two"]);
    expect(found("How many boats did it buy?", s)).toEqual([]);
  });

  it("takes a number for 'how old' only where it is an age", () => {
    const found = (s: string) =>
      answerMentions(asked("number", "How old is she?"), s).map((m) => s.slice(m.start, m.end));
    expect(found("She won 3 games as a 19-year-old student.")).toEqual(["19-"]);
    expect(found("She was elected, aged 54, with 51 votes.")).toEqual(["54"]);
    expect(found("She won 51 votes in the second round.")).toEqual([]);
    // An age set off by commas after a name, as news gives it; not a number in a list.
    expect(found("Lebedeva, 41, built her reputation as a reporter.")).toEqual(["41"]);
    expect(found("The vote was 41, 12 against.")).toEqual([]);
    expect(found("Its chairman, Declan Hurley, is 58 and fishes from the harbour.")).toEqual(["58"]);
    expect(found("The budget is 58 and growing.")).toEqual([]);
    expect(found("The vote against came from Boris Lazutin, at 78 the oldest participant.")).toEqual(["78"]);
    expect(found("The session opened at 10 in the morning.")).toEqual([]);
  });

  it("reads a Russian question of someone's age as 'how old', and Russian ages", () => {
    expect(
      [
        "Сколько лет Маргарите Величко?",
        "Сколько лет было Тимуру Газиеву, когда его назначили?",
        "а сколько лет ей?",
      ].map((q) => readQuestion(q).asks.age),
    ).toEqual([true, true, true]);
    // How long something lasts is no age.
    expect(readQuestion("Сколько лет существует съезд?").asks.age).toBe(false);
    const found = (s: string) =>
      answerMentions(asked("number", "Сколько лет Маргарите Величко?"), s).map((m) =>
        s.slice(m.start, m.end),
      );
    expect(found("Тимур Газиев, 24, стал первым координатором.")).toEqual(["24"]);
    expect(found("Он умер в возрасте 78 лет.")).toEqual(["78"]);
    expect(found("Ей 41 год.")).toEqual(["41"]);
    expect(found("Председатель: Маргарита Величко; голосовали 56 депутатов.")).toEqual([]);
  });

  it("takes no year or day of a date for the number a 'how many' asks for", () => {
    const found = (s: string) =>
      answerMentions(asked("number", "How many?"), s).map((m) => s.slice(m.start, m.end));
    expect(found("It first met in November 2022 near Warsaw.")).toEqual([]);
    expect(found("It met in 2021 and had 42 members.")).toEqual(["42"]);
    expect(found("About 300 delegates met on 5 November 2023.")).toEqual(["300"]);
    // The date is still a date.
    expect(answerMentions(asked("date", "When?"), "It first met in November 2022 near Warsaw.")).toHaveLength(
      1,
    );
  });
});

describe("definitionsOf", () => {
  const said = (subject: string, s: string) => definitionsOf(subject, s).map((m) => s.slice(m.start, m.end));
  it("finds the appositive or predicate after the subject, by its full name or a short one", () => {
    const s = "In Warsaw, the Congress of People's Deputies, a shadow parliament in exile, met on Wednesday.";
    expect(said("the Congress of People's Deputies", s)).toEqual(["a shadow parliament in exile"]);
    expect(said("the congress", s)).toEqual(["a shadow parliament in exile"]);
    expect(said("the forum", "The forum is a platform for exiles.")).toEqual(["a platform for exiles"]);
    expect(said("Форум", "Форум — площадка оппозиции, созданная в 2016 году.")).toEqual([
      "площадка оппозиции",
    ]);
  });

  it("finds nothing where the sentence only mentions the subject", () => {
    expect(said("the congress", "The congress met in Warsaw, Poland, on Wednesday.")).toEqual([]);
    expect(said("the congress", "This collaboration between the Congress and its allies grew.")).toEqual([]);
    expect(said("the session", "The congress's session, which opened on Monday, ended.")).toEqual([]);
  });
});

describe("enumeration", () => {
  it("finds three or more phrases joined by commas and a last 'and'", () => {
    const s =
      "This framework encompasses the development of legislative power, strategic planning for the nation, and " +
      "the establishment of temporary governing institutions.";
    expect(enumeration(s).map((m) => s.slice(m.start, m.end))).toEqual([
      "This framework encompasses the development of legislative power",
      "strategic planning for the nation",
      "the establishment of temporary governing institutions",
    ]);
    expect(enumeration("The congress, which met in Warsaw, has evolved into a force.")).toEqual([]);
    expect(enumeration("It met in Warsaw and Vilnius.")).toEqual([]);
  });
});

describe("isCompoundOf", () => {
  it("takes a word ending in the question's word after another word as a compound of it", () => {
    expect(isCompoundOf("spearhead", "head")).toBe(true);
    expect(isCompoundOf("headquart", "quart")).toBe(true);
    // A prefix is no word: "profound" is not a kind of "found", nor "misconduct" of "conduct".
    expect(isCompoundOf("profound", "found")).toBe(false);
    expect(isCompoundOf("misconduct", "conduct")).toBe(false);
    expect(isCompoundOf("head", "head")).toBe(false);
  });
});

describe("StemMatcher", () => {
  const match = (question: string, word: string) => {
    const q = readQuestion(question);
    return Object.fromEntries(q.terms.map((t, i) => [t.term, new StemMatcher(q.terms).of(stem(word))[i]]));
  };

  it("matches a word the stemmer left apart by an ending it leaves on, not by a shared start alone", () => {
    expect(match("Who are the partners?", "partnership").partner).toBeGreaterThan(0);
    expect(match("Which legislative body?", "legislature").legisl).toBeGreaterThan(0);
    expect(match("What was the tally?", "Tallinn").talli).toBe(0);
    expect(match("What was the vote count?", "countries").count).toBe(0);
    // Russian words have too many endings to list: a shared start of five letters.
    expect(match("Кто руководит программой?", "руководство")[stem("руководит")]).toBeGreaterThan(0);
  });

  it("matches an ordinal only by an ordinal of its rank, never by the cardinal it starts with", () => {
    expect(match("Who chaired the eighth session?", "eight").eighth).toBe(0);
    expect(match("Who chaired the seventh session?", "seven").seventh).toBe(0);
    expect(match("Who chaired the seventh session?", "седьмой").seventh).toBe(1);
    expect(match("Who chaired the seventh session?", "7th").seventh).toBeGreaterThan(0);
  });
});

describe("cognates", () => {
  it("meets a Russian word's English cognate by sound, not an unrelated word", () => {
    const cognate = (ru: string) => readQuestion(`${ru}?`).terms[0]!.cognate!;
    expect(isCognate(cognate("сессия"), "session")).toBe(true);
    expect(isCognate(cognate("депутатов"), "deputi")).toBe(true);
    expect(isCognate(cognate("конференция"), "confer")).toBe(true);
    expect(isCognate(cognate("президент"), "presid")).toBe(true);
    expect(isCognate(cognate("регионах"), "region")).toBe(true);
    expect(isCognate(cognate("партнёрство"), "partnership")).toBe(true);
    // Where the vowels differ, by the consonants.
    expect(isCognate(cognate("спикером"), "speaker")).toBe(true);
    expect(isCognate(cognate("парламента"), "parliament")).toBe(true);
    // "ж" is an English "j": "журналистов" ~ "journalist".
    expect(isCognate(cognate("журналистов"), "journalist")).toBe(true);
    // Names as English romanises them: "х" is "kh", "ц" "ts", "щ" "shch".
    expect(isCognate(cognate("Холодова"), "kholodova")).toBe(true);
    expect(isCognate(cognate("Белецкого"), "beletski")).toBe(true);
    expect(isCognate(cognate("Щукина"), "shchukin")).toBe(true);
    expect(isCognate(cognate("спикером"), "spoke")).toBe(false);
    expect(isCognate(cognate("стал"), "still")).toBe(false);
    expect(isCognate(cognate("сессия"), "servic")).toBe(false);
    expect(isCognate(cognate("партнёрство"), "parti")).toBe(false);
    // A name's diacritics do not hide it: "Кракове" is "Kraków".
    expect(isCognate(cognate("кракове"), "kraków")).toBe(true);
    // Only a stem in Latin letters can be an English cognate.
    expect(isCognate(cognate("сессия"), "сесси")).toBe(false);
    expect(readQuestion("Where is the session?").terms.every((t) => t.cognate === undefined)).toBe(true);
  });

  it("ranks ordinals alike in either language", () => {
    expect(ordinalRank("fifth")).toBe(ordinalRank(readQuestion("пятая?").terms[0]!.term));
    expect(ordinalRank("5th")).toBe(5);
    expect(ordinalRank("sixth")).not.toBe(ordinalRank("fifth"));
    expect(ordinalRank("session")).toBeUndefined();
    // Adjectives that pick one of a series: "its inaugural session" is its first, "the upcoming one" the next.
    expect(ordinalRank("inaugur")).toBe(ordinalRank("first"));
    expect(ordinalRank("upcom")).toBe(ordinalRank("next"));
    // "following the fall" is no ordinal.
    expect(ordinalRank("follow")).toBeUndefined();
  });

  it("gives a Russian ordinal the English one's synonyms: 'первое заседание' is an 'inaugural session'", () => {
    const first = readQuestion("Когда прошло первое заседание?").terms.find((t) => t.term === "перв")!;
    expect(first.synonyms).toEqual(expect.arrayContaining(["first", "inaugur"]));
    const fifth = readQuestion("Где прошла пятая сессия?").terms.find((t) => t.term === "пят")!;
    expect(fifth.synonyms).toContain("fifth");
    expect(readQuestion("Где прошла сессия?").terms.every((t) => t.synonyms.length === 0)).toBe(true);
  });
});

describe("answer types", () => {
  it("reads the asking word of a Russian or Ukrainian question, as of an English one", () => {
    const type = (q: string) => readQuestion(q).type;
    expect(type("Когда съезд провёл первое заседание?")).toBe("date");
    expect(type("Сколько стран поддерживают съезд?")).toBe("number");
    expect(type("Почему съезд собрался в Варшаве?")).toBe("reason");
    expect(type("Скільки країн?")).toBe("number");
    expect(type("Где прошла сессия?")).toBe("place");
    expect(type("Кто возглавляет съезд?")).toBe("person");
    expect(type("Как зовут председателя комиссии?")).toBe("person");
    expect(type("В какой день закончится сессия?")).toBe("date");
    expect(type("В каком месяце съезд собрался впервые?")).toBe("date");
    expect(type("Какого числа открылась сессия?")).toBe("date");
    expect(type("When did the congress first convene?")).toBe("date");
    // "Which NOUN…?" asks for what the noun is a kind of: a person or a place; any other noun, other.
    expect(type("Which Council member failed to recuse himself?")).toBe("person");
    expect(type("Which deputies voted against the declaration?")).toBe("person");
    expect(type("In which town did Ingrid Halvorsen spend her childhood?")).toBe("place");
    expect(type("Which municipalities founded the alliance?")).toBe("place");
    expect(type("Какой депутат Верховной рады обращался к Съезду?")).toBe("person");
    expect(type("Which German foundation paid for the first year?")).toBe("other");
    expect(type("What academic post did Gennady Lapshin hold before he left Russia?")).toBe("other");
    // Whatever figures the rest names: "Which deputy cast the deciding vote?" asks for a person.
    expect(type("Which deputy cast the deciding vote?")).toBe("person");
    expect(type("Which two regional assemblies were recognised?")).toBe("other");
    expect(type("What did the forum's leader do before going into exile?")).toBe("other");
    expect(type("Какую позицию занял съезд?")).toBe("other");
    // A word that only contains one that asks is no asking word.
    expect(type("Всегда ли съезд собирается весной?")).toBe("other");
    expect(type("Is the whole plan somewhere?")).toBe("other");
  });
});

describe("narrower words of a question's terms", () => {
  const narrower = (q: string, term: string) =>
    readQuestion(q).terms.find((t) => t.term === stem(term))?.narrower;

  it("gives a noun the nouns its glosses call kinds of it", () => {
    expect(narrower("Where was the meeting held?", "meeting")).toContain(stem("session"));
  });

  it("gives a verb none of the nouns a word of its stem heads: 'presided' is no 'President' Coolidge", () => {
    expect(narrower("Who presided over the session?", "presided")).not.toContain(stem("coolidge"));
    expect(narrower("Who chaired the session?", "chaired")).not.toContain(stem("armchair"));
  });
});

describe("the names a question uses and the nouns it picks by them, read with it", () => {
  it("reads its names, its lower-case places and what each picks", () => {
    const q = readQuestion("who chaired the warsaw session with Ilya Ponomarev");
    expect(q.named).toEqual([
      { words: ["Ilya", "Ponomarev"], kind: "name" },
      { words: ["Warsaw"], kind: "place" },
    ]);
    expect(q.picks).toEqual([{ name: "warsaw", head: "session" }]);
  });

  it("reads each part's own", () => {
    const q = readQuestion("Who chaired the Berlin session, and who chaired the Riga one?");
    expect(q.parts.map((p) => p.picks.map((x) => x.name))).toEqual([["berlin"], ["riga"]]);
  });
});
