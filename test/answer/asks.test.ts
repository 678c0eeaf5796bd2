// What a question asks for beyond its type, read once with the question (`Question.asks`).
import { describe, expect, it } from "vitest";
import { readQuestion } from "../../src/answer/question.js";

const asks = (question: string) => readQuestion(question).asks;

describe("the kind of place asked for", () => {
  it.each([
    ["Which city hosted the fifth session?", "city", true],
    ["In what towns did the deputies meet?", "city", true],
    ["Which countries does the congress count as partners?", "country", true],
    ["Which nations backed the charter?", "country", true],
    ["В каком городе прошла сессия?", "city", true],
    ["Какие государства поддержали съезд?", "country", true],
    // A birthplace, or where a meeting was held, only a place answers; "Where does the congress meet?" may be
    // answered by "in exile, online".
    ["Where was Ponomarev born?", undefined, true],
    ["Where was the second session held?", undefined, true],
    ["Где прошло учредительное собрание?", undefined, true],
    ["Where does the congress meet?", undefined, false],
    ["In which region does it work?", undefined, false],
  ])("%s: %s, only a place answers: %s", (question, place, placeOnly) => {
    expect(asks(question).place).toBe(place);
    expect(asks(question).placeOnly).toBe(placeOnly);
  });
});

describe("a vote asked about", () => {
  it.each([
    ["How many delegates voted against the resolution?", true, true, "against", true],
    ["How many abstained?", true, true, "abstain", false],
    ["How many deputies backed the offer?", true, false, undefined, false],
    ["What was the tally?", true, true, undefined, false],
    ["Сколько голосов было за?", false, true, "for", false],
    // A Russian vote word with its perfective prefix.
    ["Сколько депутатов проголосовали за?", false, true, "for", false],
    ["Каким был результат голосования?", false, true, undefined, false],
    // "за" and "voted for" name what the vote was on, unless a count is asked.
    ["Как голосовали за этический кодекс?", false, true, undefined, false],
    ["How many voted for the code?", true, true, "for", true],
    ["What was the number of deputies who voted for it?", true, true, "for", true],
    ["Who filed an appeal against the ruling?", false, true, "against", false],
    ["How many people attended?", false, false, undefined, false],
  ])("%s: voters %s, a vote %s, side %s, says votes %s", (question, voters, vote, side, votes) => {
    const a = asks(question);
    expect([a.voters, a.vote, a.side, a.votes]).toEqual([voters, vote, side, votes]);
  });
});

describe("what a count counts", () => {
  it.each([
    ["How many delegates attended?", "delegates", true, false],
    ["How much prize money did the winner receive?", "money", false, false],
    ["How many are there?", undefined, true, false],
    ["Сколько депутатов присутствовало?", undefined, false, true],
    ["Сколько стран поддержали съезд?", undefined, false, false],
  ])("%s counts %s (how many: %s; Russian, of people: %s)", (question, counted, howMany, people) => {
    const a = asks(question);
    expect([a.counted, a.howMany, a.countsPeople]).toEqual([counted, howMany, people]);
  });
});

describe("who did it, and a name or a date whatever the type", () => {
  it.each([
    ["Who chaired the session?", true],
    ["Who is the secretary of the Presidium?", true],
    ["Who was chosen to lead the council?", true],
    ["Кто был избран председателем?", true],
    ["Как зовут депутата из Калининграда?", true],
    ["Who is Ilya Ponomarev?", false],
    ["Кто такой Пономарёв?", false],
    ["Who is allowed to become a member?", false],
  ])("%s asks who did it: %s", (question, whoDid) => {
    expect(asks(question).whoDid).toBe(whoDid);
  });

  it("reads a name or a date asked for in any type of question", () => {
    expect(asks("What are the names of the commission's members?").aName).toBe(true);
    expect(asks("Назовите членов комиссии").aName).toBe(true);
    expect(asks("What are the exact dates of the eighth session?").aDate).toBe(true);
    expect(asks("Какого числа открылся конкурс?").aDate).toBe(true);
    expect(asks("Why did the congress move?")).toMatchObject({ aName: false, aDate: false });
  });

  it("knows a question that asks two things", () => {
    expect(asks("When and where was the charter adopted?").twoThings).toBe(true);
    expect(asks("Когда и где прошла сессия?").twoThings).toBe(true);
    expect(asks("Where was the charter adopted?").twoThings).toBe(false);
    // Every case of "кто", "что" and "какой": "чем" after "и" ("and what does she do"), not as "than".
    expect(asks("Где живёт Калинский и чем занимается его жена?").twoThings).toBe(true);
    expect(asks("Кем был избран Иванов и когда?").twoThings).toBe(true);
    expect(asks("Сколько было делегатов, больше, чем в Варшаве?").twoThings).toBe(false);
  });

  it.each([
    // "when" or "where" inside the first question opens a clause of it.
    ["How many votes did Lev Terentyev receive when he was elected ombudsperson?", false],
    ["What was the vote when the constitution was adopted at second reading?", false],
    ["Who chaired the session where the charter was adopted?", false],
    // After "and", "or", a comma (perhaps with a preposition) or a follow-up's bracket, it asks again.
    ["How many votes did he receive, and when was he elected?", true],
    ["Who chaired it and where?", true],
    ["How many delegates came, and from where?", true],
    ["and what can people get for taking part (When Supreme Court declare Council extremist)?", true],
    // Another question word counts wherever it stands.
    ["What is the hometown of the geologist who presided over the Almaty conference?", true],
  ])("%s → %s", (q, two) => {
    expect(asks(q).twoThings).toBe(two);
  });
});

describe("a length of time or an age asked for", () => {
  it.each([
    ["How long is the president's term?", true],
    ["How many years did she sit on the council?", true],
    ["How much speaking time was he given?", true],
    ["С какого возраста можно получить удостоверение?", true],
    ["How many votes were required to expel him?", false],
    ["how much to replace a lost passport", false],
  ])("%s: %s", (question, time) => {
    expect(asks(question).time).toBe(time);
  });
});

describe("a birthplace asked for", () => {
  it.each([
    ["Where was Ingrid Halvorsen born?", true],
    ["Где родилась Ольга Ветрова?", true],
    ["When was Ingrid Halvorsen born?", false],
    ["Where was the second session held?", false],
  ])("%s: %s", (question, birthplace) => {
    expect(asks(question).birthplace).toBe(birthplace);
  });
});

describe("a share asked for", () => {
  it.each([
    ["What share of applicants live in Georgia?", true],
    ["What percentage of Valdorians support the Council?", true],
    ["what % of members are still on the staff of russian institutes", true],
    ["Какая доля бюджета выделена на Реестр граждан?", true],
    ["Сколько процентов респондентов довольны работой Форума?", true],
    ["Which institute cast the single vote against the Shared Data Protocol?", false],
    ["How many applicants live in Georgia?", false],
  ])("%s: %s", (question, share) => {
    expect(asks(question).share).toBe(share);
  });
});

describe("the body, building or publication whose name is asked", () => {
  it.each([
    ["Which museum restored the steamship?", "museum"],
    ["At which university does Zelenin's wife Olga work?", "university"],
    ["Which company audited the common fund for 2023?", "company"],
    ["Which German foundation paid for the first year?", "foundation"],
    ["And which body had she previously been elected to?", "body"],
    ["which hotel in riga hosted the fifth session", "hotel"],
    // A job, a document, a kind of place or of person is no body with a name of its own.
    ["What academic post did Gennady Lapshin hold?", undefined],
    ["Which resolution did the session adopt?", undefined],
    ["Which city hosted the fifth session?", undefined],
    ["Which deputy cast the deciding vote?", undefined],
    ["What did the museum restore?", undefined],
  ])("%s → %s", (question, institution) => {
    expect(asks(question).institution).toBe(institution);
  });
});

describe("each part of a two-part question asks its own", () => {
  it("reads the kind of place in the part that asks it", () => {
    const q = readQuestion("When was the charter adopted, and in which city?");
    expect(q.parts.map((p) => p.asks.place)).toEqual([undefined, "city"]);
  });
});
