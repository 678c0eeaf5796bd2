// The short answer a chosen sentence gives: what the question asked for, or nothing where no span fits.
import { describe, expect, it } from "vitest";
import { leadSpan, leadText, tallySpan } from "../../src/answer/lead.js";
import { expandQuestion } from "../../src/answer/expand.js";
import { readQuestion } from "../../src/answer/question.js";
import { Vocabulary } from "../../src/retrieval/vocabulary.js";
import { Lexicon } from "../../src/text/lexicon.js";
import { termSource } from "../helpers/terms.js";

const lead = (question: string, sentence: string) => {
  const span = leadSpan(readQuestion(question), sentence);
  return span && sentence.slice(span.start, span.end);
};

describe("leadSpan", () => {
  it.each([
    // "Which museum…?" leads with the museum's name, not the ship's.
    [
      "Which museum restored the steamship?",
      "The steamship Margit Holm returned to the water after a restoration led by the Kessling Maritime Museum.",
      "Kessling Maritime Museum",
    ],
    [
      "Who leads the congress?",
      "Spearheaded by Ilya Ponomarev, this congress represents a bold statement.",
      "Ilya Ponomarev",
    ],
    [
      "Who chaired the Umeå meeting?",
      "The meeting was chaired by Lars Ekdahl of the Umeå Laboratory.",
      "Lars Ekdahl",
    ],
    // "him", "его": not who the clause is about ("she", "он" are: below).
    [
      "Who was asked to remain coordinator?",
      "Andrej Lutsko ran an honest campaign, and I have asked him to remain coordinator.",
      "Andrej Lutsko",
    ],
    ["Кто председатель совета?", "Его председателем избран Павел Кузьмичёв.", "Павел Кузьмичёв"],
    // A date the tagger reads in pieces, and the first day of a range, are one answer.
    [
      "When did the network switch?",
      "Valmora switched to a new network on Sunday, 3 November 2024, after two years.",
      "Sunday, 3 November 2024",
    ],
    [
      "When was the third session held?",
      "The third session was held in Riga from 9 to 11 June 2023.",
      "9 to 11 June 2023",
    ],
    // A count keeps the words of the noun it counts, up to the noun, and no verb after it.
    [
      "How many written amendments came in by the deadline?",
      "After the first reading, the committee received 236 written amendments by the 15 December deadline.",
      "236 written amendments",
    ],
    [
      "How many young people had signed up?",
      "He said that 140 young people had signed up.",
      "140 young people",
    ],
    ["How many deputies took part?", "In all, 84 deputies took part in the session.", "84 deputies"],
    // "when" opening a clause of the question asks nothing more: the count leads.
    [
      "How many votes did Lev Terentyev receive when he was elected ombudsperson?",
      "Lev Terentyev, a former court reporter from Samara, was then elected the first ombudsperson unopposed, with 109 votes in favour.",
      "109 votes",
    ],
    // Two counts in two statements: the one about whom the question names, in either script.
    [
      "How many votes did Andrej Lutsko receive?",
      "Hostova received 71 votes. Her only rival, Andrej Lutsko, the coordinator of the committee, received 40 votes.",
      "40 votes",
    ],
    [
      "Сколько голосов получил Андрей Луцко?",
      "Hostova received 71 votes. Her only rival, Andrej Lutsko, the coordinator of the committee, received 40.",
      "40",
    ],
    [
      "How many votes did Hostova receive?",
      "Hostova received 71 votes. Her only rival, Andrej Lutsko, the coordinator of the committee, received 40.",
      "71 votes",
    ],
    // A vote's result is its whole tally; one side of it is the number next to that side's word.
    [
      "What was the vote on the Declaration?",
      "The Declaration was adopted with 61 votes in favour, 3 against and 5 abstentions.",
      "61 votes in favour, 3 against and 5 abstentions",
    ],
    [
      "What was the vote on Resolution No. 1?",
      "Authorities of the Russian Federation. For 64, against 2, abstained 3.",
      "For 64, against 2, abstained 3",
    ],
    [
      "Каким был результат голосования по резолюции?",
      "Резолюция принята: за — 78, против — 7, воздержались — 4.",
      "за — 78, против — 7, воздержались — 4",
    ],
    ["How many voted against Resolution No. 1?", "Authorities. For 64, against 2, abstained 3.", "2"],
    // A margin is the tally, not the first number of the sentence.
    [
      "By what margin did the draft constitution pass its first reading?",
      "The 142-article draft passed its first reading by 41 votes to 6, with 3 abstentions.",
      "41 votes to 6, with 3 abstentions",
    ],
    // A length of time keeps its unit: "nine" alone says not what of.
    [
      "Under the plan, how soon after the collapse would an assembly be chosen?",
      "It adopted a plan for elections to a Constituent Assembly within nine months of the collapse.",
      "nine months",
    ],
    [
      "How long a provisional period does the act foresee?",
      "The act sets out a two-year period.",
      "two-year",
    ],
    ["На какой срок избирается президиум?", "Президиум теперь избирается на два года.", "два года"],
    // "by 40 votes to 8": against is the number after "to", though no "against" is written.
    [
      "How many delegates voted against the Code of Conduct?",
      "The Assembly adopted a Code of Conduct by 40 votes to 8, with 4 abstentions.",
      "8",
    ],
    [
      "how many deputies voted against it",
      "It passed with 39 deputies for, 12 against and 2 abstaining.",
      "12",
    ],
    [
      "Сколько депутатов голосовали против?",
      "За закон проголосовали 70 участников, против — 6, воздержались 7.",
      "6",
    ],
    // Numbers a few words apart with no vote between them are no tally, nor a vote the question does not ask about.
    [
      "How many delegates were still in the hall?",
      "On Sunday the 114 delegates who remained adopted a declaration by 101 votes to 3.",
      "114 delegates",
    ],
    [
      "How many deputies took part?",
      "A total of 84 deputies took part: 61 in the hall and 23 connected remotely.",
      "84 deputies",
    ],
    // A count keeps the noun the question counts; the list's head the tagger missed belongs to the list.
    [
      "How many delegates came?",
      "The gathering brought together 412 delegates from eleven countries.",
      "412 delegates",
    ],
    [
      "Which countries sent delegates?",
      "Delegates came from seven countries: Estonia, Finland, Germany and Poland.",
      "Estonia, Finland, Germany and Poland",
    ],
    // A list ends with its sentence: one read with the next does not run on into it.
    [
      "Which countries did he name as allies?",
      "He named Ukraine, Poland, Canada and Germany as allies. These partnerships help the partisan groups in Russia.",
      "Ukraine, Poland, Canada and Germany",
    ],
    ["Сколько человек работало на станции?", "В 2022 году на станции работали 17 человек.", "17 человек"],
    // An amount leads with its currency, and its magnitude.
    ["Сколько стоит удостоверение?", "Каждое стоит заявителю 25 евро.", "25 евро"],
    [
      "How big was the fund's budget in 2025?",
      "В 2025 году бюджет фонда вырос до 1,6 миллиона евро.",
      "1,6 миллиона евро",
    ],
    ["What did the restoration cost?", "Restoring her cost 38 million kroner.", "38 million kroner"],
    ["How much does it cost to join?", "Members buy a single share costing €400.", "€400"],
    [
      "Кто возглавляет съезд?",
      "Spearheaded by Ilya Ponomarev, this congress represents a bold statement.",
      "Ilya Ponomarev",
    ],
    // A Russian sentence leads with a name of two or three words and with a date as Russian writes it.
    ["Кто руководит станцией?", "Станцией руководит Андрей Лукин.", "Андрей Лукин"],
    [
      "Who heads the ethics commission?",
      "Её председателем избран Виктор Нагорный, бывший депутат.",
      "Виктор Нагорный",
    ],
    ["Кого избрали вместо Ольги Ветровой?", "Вместо Ольги Ветровой избрали Ивана Петрова.", "Ивана Петрова"],
    ["Who chaired the fifth session?", "Председательствовал член Президиума Олег Рудаков.", "Олег Рудаков"],
    ["Кто руководит станцией?", "Станцией руководит Галина Петровна Сивцева.", "Галина Петровна Сивцева"],
    // A surname alone and a place, by the dictionary of Russian names; the place with its preposition.
    ["Кто руководит станцией?", "Станцией руководит Лукин.", "Лукин"],
    ["Где прошла третья сессия?", "Третья сессия прошла в Риге.", "в Риге"],
    ["Where did Vetrova work?", "Ветрова проработала в Самаре четырнадцать лет.", "в Самаре"],
    ["С какого числа действует правило?", "Правило действует с 1 января 2025 года.", "1 января 2025 года"],
    ["Когда прошла третья сессия?", "Третья сессия — Рига, 17–18 июня 2023 года.", "17–18 июня 2023 года"],
    // A number that changed: what it became, unless the question asks what it was before.
    [
      "Какой размер стипендии с 2025/26 учебного года?",
      "Повысить размер стипендии с 300 до 350 евро в месяц начиная с 2025/26 учебного года.",
      "350",
    ],
    ["Сколько стоил взнос раньше?", "Взнос повысили с 300 до 350 евро в год.", "300"],
    ["How much does a freelance card cost?", "The freelance card went from €20 to €30 in May.", "€30"],
    ["What did a freelance card cost before?", "The freelance card went from €20 to €30 in May.", "€20"],
    [
      "How many members does the council have?",
      "Delegates expanded the council from five to seven members.",
      "seven members",
    ],
    [
      "How many members did the council have originally?",
      "Delegates expanded the council from five to seven members.",
      "five",
    ],
    ["How long is the upload deadline?", "The upload deadline is extended from 90 to 150 days.", "150 days"],
    // A count taken from a whole leads with the count; a number in words, whole.
    [
      "Of the people there, how many had ever sat in the State Duma?",
      "Only four of the 69 had ever sat in the federal parliament.",
      "four",
    ],
    ["Сколько депутатов приехали?", "Приехали 12 из 40 депутатов.", "12"],
    [
      "How many names were on the list?",
      "The list contained one thousand two hundred and three names.",
      "one thousand two hundred and three names",
    ],
    ["How many twenty-euro notes were found?", "Police found twenty-five notes.", "twenty-five notes"],
    // The clause with the question's words that the others lack.
    [
      "In which year was she first elected to the City Duma?",
      "In 2008 she ran for the City Duma as an independent candidate, and won. She was re-elected in 2013.",
      "2008",
    ],
    // Without a verb of change, "from … to …" is a range, said whole.
    [
      "How many participants are expected?",
      "Organisers expect from 200 to 300 participants.",
      "200 to 300 participants",
    ],
    [
      "How many members will it have?",
      "The council will have from five to seven members.",
      "five to seven members",
    ],
    // A count of people, not of votes, where the question's "vote" is no verb of voting.
    [
      "How many delegates were still in the hall for the vote?",
      "On Sunday the 114 delegates who remained adopted the declaration by 101 votes to 3.",
      "114 delegates",
    ],
    [
      "How many delegates voted against it?",
      "On Sunday the 114 delegates who remained adopted the declaration by 101 votes to 3.",
      "3",
    ],
    // Not a change: a range of days, a vote.
    ["How many delegates attended?", "It was attended by 87 delegates from 12 to 14 June.", "87 delegates"],
  ])("%s → %s", (question, sentence, expected) => {
    expect(lead(question, sentence)).toBe(expected);
  });

  it.each([
    // The sentence is the answer: a description, a reason, two questions in one.
    ["What is the congress?", "The congress is a shadow parliament of former deputies."],
    ["Why did the meeting move online?", "It was moved online because of the pandemic in 2020."],
    ["When and where was the forum set up?", "The forum was founded in 2024 in Lindholm."],
    [
      "How many delegates attended, and from how many countries?",
      "412 delegates came from eleven countries.",
    ],
    // Nothing of the asked type, or only what the question itself names.
    ["Who chaired the Umeå meeting?", "The meeting in Umeå was long."],
    // The one asked about is "she", named before the sentence; the name further off is someone else.
    [
      "Who chairs the Legislative Committee?",
      "Since June 2023 she has chaired the Legislative Committee of the congress convened by Ilya Ponomarev.",
    ],
    [
      "Кто возглавляет комитет?",
      "С 2023 года она возглавляет комитет, созданный по предложению Ильи Пономарёва.",
    ],
    // A capitalised word the dictionary does not know is not told apart as a name or a place.
    ["Кто руководит станцией?", "Станцией руководит Кюсюр."],
    ["Где находится станция?", "Станция стоит у посёлка Кюсюр."],
    // Nor is the name the question itself gives, in another case or other letters, or a title before a name.
    ["Who stood against Ponomarev?", "Кандидатуру Ильи Пономарёва поддержали 47 делегатов."],
    ["Кто сменил Олега Рудакова?", "Решение об отставке Олега Рудакова приняли единогласно."],
    ["When did the breakup begin in 2022?", "Вскрытие реки в 2022 году началось рано."],
    [
      "Where does the congress meet?",
      "It signals a challenge to the Kremlin, influencing perceptions of Russia's political landscape.",
    ],
  ])("%s: none", (question, sentence) => {
    expect(lead(question, sentence)).toBeUndefined();
  });
});

describe("a Russian question's place, of an English sentence", () => {
  const words = Lexicon.fromText(
    "Russia\tРоссия\nsession\tсессия\nfifth\tпятый\nregion\tрегион\nunit\tотряд\n",
  );
  const leadOf = (question: string, sentence: string) => {
    const { question: q } = expandQuestion(
      readQuestion(question),
      Vocabulary.of(termSource(sentence)),
      words,
    );
    return leadText(q, sentence);
  };

  it("leads with the place, as the English question's answer does", () => {
    const sentence = "The congress commenced its fifth plenary session in Warsaw, Poland, on Wednesday.";
    expect(leadOf("Где проходила пятая сессия?", sentence)).toBe("Warsaw, Poland");
    expect(leadOf("Where was the fifth session held?", sentence)).toBe("Warsaw, Poland");
  });

  it("a count: the number its noun follows, in the question's translation", () => {
    const counted = Lexicon.fromText("delegate\tделегат\nnewsroom\tредакция\none\tодин|одна\n");
    const sentence =
      "Each member newsroom may send up to three delegates, and every accredited delegate has one vote.";
    const { question: q } = expandQuestion(
      readQuestion("Сколько делегатов может прислать одна редакция?"),
      Vocabulary.of(termSource(sentence)),
      counted,
    );
    expect(leadText(q, sentence)).toBe("three delegates");
  });

  it("a person: of the clause with the question's word the other lacks", () => {
    const roles = Lexicon.fromText("secretary\tсекретарь\npresidium\tпрезидиум\n");
    const sentence = "Председатель Президиума — Илья Пономарёв; секретарь Президиума — Вадим Коростелёв.";
    const { question: q } = expandQuestion(
      readQuestion("Who is the secretary of the Presidium?"),
      Vocabulary.of(termSource(sentence)),
      roles,
    );
    expect(leadText(q, sentence)).toBe("Вадим Коростелёв");
  });

  it("not with the question's own place in English letters", () => {
    expect(leadOf("Где в России действуют отряды?", "The units operate in Belgorod, Russia.")).toBe(
      "Belgorod",
    );
    const sentence = "The units operate in Russia, in the Belgorod and Kursk regions.";
    expect(leadOf("В каких регионах России действуют отряды?", sentence)).toBeUndefined();
  });
});

describe("leadText: a table row leads with what its header labels", () => {
  const header = "| No. | Session | Decision | For | Against | Abst. | Outcome |";
  const row = "| 10 | IV | Joint Charter with the Platform | 24 | 33 | 6 | Rejected |";
  it.each([
    // Read alone, the row's first number after the session's is "IV"; read with its labels, the tally.
    ["What was the vote on the joint charter?", "For: 24; Against: 33; Abst.: 6"],
    ["How many voted against the joint charter?", "33"],
    ["How many abstentions were there on the joint charter?", "6"],
  ])("%s → %s", (question, expected) => {
    expect(leadText(readQuestion(question), row, header)).toBe(expected);
  });

  it("reads a sentence, or a row without its header, as it is", () => {
    const q = readQuestion("Who chaired the session?");
    expect(leadText(q, "The session was chaired by Lars Ekdahl.")).toBe("Lars Ekdahl");
    expect(leadText(q, "| I | Riga | Irina Melnikova |", "| Conf. | City | Chair |")).toBe("Irina Melnikova");
    // A header of another width is not this row's: the row is read alone.
    expect(leadText(q, "| I | Riga | Irina Melnikova |", "| Conf. | City |")).toBe(
      leadText(q, "| I | Riga | Irina Melnikova |"),
    );
  });
});

describe("tallySpan", () => {
  it("reads 'N votes to M' as against only for a question that asks of a vote", () => {
    const sentence = "By 90 votes to 2, with 4 abstentions, the congress authorised the board to continue.";
    const side = (question: string) => {
      const span = tallySpan(readQuestion(question).asks, sentence);
      return span && sentence.slice(span.start, span.end);
    };
    expect(side("How many deputies voted against continuing?")).toBe("2");
    // "an appeal against" asks of no vote's side.
    expect(side("What did the court decide on the appeal against the ruling?")).toBeUndefined();
  });
});
