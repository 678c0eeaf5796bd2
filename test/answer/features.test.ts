// Each feature of the answer scorer, on a table of questions and sentences: a failure names the feature.
import { describe, expect, it } from "vitest";
import type { Passage } from "../../src/corpus/types.js";
import { type CandidateView, FEATURES, hasShape, type QuestionContext } from "../../src/answer/features.js";
import { countedTranslations } from "../../src/answer/entities.js";
import { needsType } from "../../src/answer/extractive.js";
import { readQuestion } from "../../src/answer/question.js";

function passage(text: string, docId = "a.md", heading = ""): Passage {
  return {
    passageId: "p",
    docId,
    title: "T",
    text,
    start: 0,
    end: text.length,
    line: 1,
    heading,
    sentences: [],
  };
}

function view(text: string, over: Partial<CandidateView> = {}): CandidateView {
  return {
    text,
    read: text,
    passage: passage(text),
    span: { start: 0, end: text.length },
    rank: 0,
    coverage: 0.5,
    softCoverage: 0.5,
    contextCoverage: 0.5,
    worstMiss: 0,
    documentWorstMiss: 0,
    headingCoverage: 0,
    contextText: text,
    documentCoverage: 0.5,
    bestCoverage: 0.5,
    similarity: 0.2,
    plainScore: 0.7,
    plainBest: true,
    matched: new Set(),
    documentMatched: new Set(),
    givesResponse: false,
    speaksOfAnother: false,
    picksAnother: false,
    ...over,
  };
}

function context(question: string, over: Partial<Omit<QuestionContext, "question">> = {}): QuestionContext {
  return {
    question: readQuestion(question),
    unknownShare: 0,
    worstUnknown: 0,
    corrections: 0,
    needsType: false,
    usedNames: [],
    namedIn: () => true,
    names: (name, text) => text.toLowerCase().includes(name.toLowerCase()),
    previous: [],
    ...over,
  };
}

const value = (name: string, c: CandidateView, ctx: QuestionContext) => {
  const f = FEATURES.find((x) => x.name === name);
  if (!f) throw new Error(`no feature ${name}`);
  return f.value(c, ctx);
};

describe("the answer scorer's features", () => {
  it("have unique names", () => {
    expect(new Set(FEATURES.map((f) => f.name)).size).toBe(FEATURES.length);
  });

  it.each([
    // feature, question, sentence, extra view, extra context, expected
    [
      "typeMissing",
      "Who chairs the session?",
      "Putin's regime rules.",
      { typeFound: false },
      { needsType: true },
      1,
    ],
    [
      "typeMissing",
      "Who chairs the session?",
      "Anna Kowal chairs it.",
      { typeFound: true },
      { needsType: true },
      0,
    ],
    ["typeMissing", "What is the plan?", "The plan is bold.", {}, { needsType: false }, 0],
    ["numberMissing", "What was the vote on Resolution No. 31?", "Resolution No. 30 passed.", {}, {}, 1],
    [
      "numberMissing",
      "What was the vote on Resolution No. 31?",
      "Resolution No. 31 passed 60 to 4.",
      {},
      {},
      0,
    ],
    [
      "numberMissing",
      "What share of members lived in Germany in 2024?",
      "34 per cent live in Germany.",
      {
        passage: { ...passage("34 per cent live in Germany."), title: "Member survey: the results of 2024" },
      },
      {},
      0,
    ],
    // The year in the document's dateline, not the passage.
    [
      "numberMissing",
      "How many applications had been filed, according to the October 2024 column?",
      "Some 1,300 applications had been filed.",
      {},
      { opening: (): string => "# Opinion: stop playing government\n\n*By Anton Rezvin — 2 October 2024*" },
      0,
    ],
    [
      "numberMissing",
      "How many applications had been filed, according to the October 2024 column?",
      "Some 1,300 applications had been filed.",
      {},
      { opening: (): string => "# Opinion: stop playing government\n\n*By Anton Rezvin — 2 October 2023*" },
      1,
    ],
    ["numbersNear", "What was the vote on Resolution No. 31?", "Resolution No. 31 passed.", {}, {}, 1],
    [
      "ordinalMissing",
      "Where did the sixth session take place?",
      "The fifth session met in Warsaw.",
      {},
      {},
      1,
    ],
    ["termUnknown", "What is the annual budget?", "The congress met.", {}, { worstUnknown: 0.4 }, 1],
    ["termUnknown", "Who leads the congress?", "Ilya Ponomarev leads it.", {}, { worstUnknown: 0 }, 0],
    [
      "responseMissing",
      "How did the Kremlin respond?",
      "The Kremlin's authority.",
      { givesResponse: false },
      {},
      1,
    ],
    [
      "responseMissing",
      "How did the Kremlin respond?",
      'The Kremlin said "no".',
      { givesResponse: true },
      {},
      0,
    ],
    [
      "speaksOfAnother",
      "What was the budget for 2025?",
      "The budget for 2026 is 740,000 euros.",
      { speaksOfAnother: true },
      {},
      1,
    ],
    ["speaksOfAnother", "What was the budget for 2025?", "x", { speaksOfAnother: false }, {}, 0],
    [
      "picksAnother",
      "How much did the Berlin session cost?",
      "The Helsinki session cost €38,500.",
      { picksAnother: true },
      {},
      1,
    ],
    ["picksAnother", "How much did the Berlin session cost?", "x", {}, {}, 0],
    [
      "tallyFound",
      "How did the vote on readmitting the newspaper go?",
      "Adopted: 58 for, 24 against, 15 abstentions.",
      {},
      {},
      1,
    ],
    [
      "tallyFound",
      "What was the tally on letting the fund take government money?",
      "Решение приняли 42 голосами против 38 при двух воздержавшихся.",
      {},
      {},
      1,
    ],
    [
      "tallyFound",
      "How did the vote on readmitting the newspaper go?",
      "The newspaper was suspended for twelve months in 2024.",
      {},
      {},
      0,
    ],
    ["tallyFound", "How many members does the union have?", "Adopted: 58 for, 24 against.", {}, {}, 0],
    ["crossScript", "Кто возглавляет съезд?", "Ilya Ponomarev leads it.", {}, {}, 1],
    ["crossScript", "Who leads the congress?", "Ilya Ponomarev leads it.", {}, {}, 0],
    ["rankPrior", "Who leads?", "x", { rank: 1 }, {}, 0.5],
    ["shortOfBest", "Who leads?", "x", { coverage: 0.2, bestCoverage: 0.5 }, {}, 0.3],
  ] as const)("%s for %j over %j (%o, %o) is %s", (name, question, sentence, over, ctx, expected) => {
    expect(value(name, view(sentence, over), context(question, ctx))).toBeCloseTo(expected);
  });

  it("attributeMissing: the role asked about must be named", () => {
    const ctx = context("Who is the president of Ukraine?");
    expect(ctx.question.attribute).toBeDefined();
    const attr = ctx.question.attribute!;
    expect(value("attributeMissing", view("Ponomarev thanked Ukraine."), ctx)).toBe(1);
    expect(value("attributeMissing", view("x", { matched: new Set([attr]) }), ctx)).toBe(0);
  });

  it("nameElsewhere: a name the question uses must be used by the sentence's document", () => {
    const ctx = context("How many people live on Skarvøy?", {
      usedNames: ["Skarvøy"],
      namedIn: (_, docId) => docId === "island.md",
    });
    expect(value("nameElsewhere", view("The union has 640 members."), ctx)).toBe(1);
    const onIsland = view("About 300 people live there.", {
      passage: passage("About 300 people.", "island.md"),
    });
    expect(value("nameElsewhere", onIsland, ctx)).toBe(0);
  });

  it("namesNear: the question's names in the sentence or just before it", () => {
    const ctx = context("Who chaired the Riga session?", { usedNames: ["Riga"] });
    expect(
      value("namesNear", view("x", { contextText: "Riga, June 2023\nThe session was chaired by P." }), ctx),
    ).toBe(1);
    expect(value("namesNear", view("x", { contextText: "Prague\nThe session was chaired by S." }), ctx)).toBe(
      0,
    );
  });
  it("nearPrevious: for a follow-up, a sentence next to the last answer's quote, less elsewhere in its document", () => {
    const ctx = context("and where was she a deputy before?", {
      previous: [{ docId: "vote.md", start: 1000, end: 1100 }],
    });
    const at = (docId: string, start: number) =>
      view("She sat in the Yekaterinburg City Duma.", {
        passage: passage("She sat in the Yekaterinburg City Duma.", docId),
        span: { start, end: start + 40 },
      });
    expect(value("nearPrevious", at("vote.md", 1150), ctx)).toBe(1);
    expect(value("nearPrevious", at("vote.md", 5000), ctx)).toBe(0.5);
    expect(value("nearPrevious", at("other.md", 1150), ctx)).toBe(0);
    expect(value("nearPrevious", at("vote.md", 1150), context("Where was she a deputy?"))).toBe(0);
  });
  it("repeatsPrevious: for a follow-up, the very sentence the last answer quoted", () => {
    const ctx = context("and how much of that is for sessions?", {
      previous: [{ docId: "budget.md", start: 1000, end: 1100 }],
    });
    const at = (docId: string, start: number, end: number) =>
      view("The budget is €410,000.", {
        passage: passage("The budget is €410,000.", docId),
        span: { start, end },
      });
    expect(value("repeatsPrevious", at("budget.md", 1000, 1100), ctx)).toBe(1);
    expect(value("repeatsPrevious", at("budget.md", 1050, 1200), ctx)).toBe(1);
    expect(value("repeatsPrevious", at("budget.md", 1100, 1200), ctx)).toBe(0);
    expect(value("repeatsPrevious", at("other.md", 1000, 1100), ctx)).toBe(0);
    expect(value("repeatsPrevious", at("budget.md", 1000, 1100), context("How much is for sessions?"))).toBe(
      0,
    );
  });
});

describe("hasShape: what an answer of each type looks like", () => {
  it.each([
    ["number", "It was attended by 134 delegates.", true],
    ["number", "Пришли сто двадцать человек.", true],
    ["number", "На сессии присутствовали трое наблюдателей.", true],
    ["number", "The meeting was long.", false],
    ["date", "It opened on 14 May.", true],
    ["date", "Сессия открылась в апреле 2024 года.", true],
    ["date", "It opened with a speech.", false],
    ["person", "The chair was Marjatta Koskinen, head of the centre.", true],
    ["person", "The chair was elected.", false],
    ["place", "They met in Oslo.", true],
    ["reason", "It moved online because of the pandemic.", true],
    ["other", "Anything.", false],
  ] as const)("%s in %j: %s", (type, text, expected) => {
    expect(hasShape(type, text)).toBe(expected);
  });
});

describe("needsType: questions only a mention of their type answers", () => {
  it.each([
    ["When was the charter adopted?", true],
    ["How many delegates came?", true],
    ["Who won the Open?", true],
    ["Кто возглавил Военный совет?", true],
    // A role or a deed after "is" / "был": only a name answers ("Secretary-General Timur Akhmetov reported…" does not
    // say who held the post before him).
    ["Who was the union's Secretary-General before Timur Akhmetov?", true],
    ["Who is the secretary of the Presidium?", true],
    ["and who were its founders?", true],
    ["Кто был избран председателем Совета на сессии в Риге?", true],
    ["Who was chosen to lead the Interim State Council?", true],
    ["and who was re-elected chair?", true],
    ["Who is allowed to become a member of the Congress?", false],
    ["Кто является художественным руководителем фестиваля?", true],
    ["What is the name of the Kaliningrad deputy who voted against the declaration?", true],
    ["Как зовут председателя латвийского Управления по лицензированию СМИ?", true],
    // A place of a kind, or a birthplace.
    ["Which city hosted the fifth session?", true],
    ["Where was Ilya Ponomarev born?", true],
    ["Где родилась Ольга Ветрова?", true],
    // Where a meeting was or will be held.
    ["Where was the assembly's second session held?", true],
    ["Where will the assembly's fifth session take place?", true],
    ["and where did they meet?", true],
    ["Где прошло учредительное собрание «Платформы диалога»?", true],
    // "Where…?" may be answered by a description; "Who is X?" too.
    ["Where does the congress meet?", false],
    ["Where does the Congress say its money comes from?", false],
    ["Who is Ilya Ponomarev?", false],
    ["Кто такой Илья Пономарёв?", false],
    ["Who was Grigory Ostrovsky?", false],
    ["Кто был Григорий Островский?", false],
    ["Кто была такая Вера Холодова?", false],
  ])("%s: %s", (question, needed) => {
    expect(needsType(readQuestion(question))).toBe(needed);
  });
});

describe("countedTranslations", () => {
  it("gives the Russian forms of the noun a question counts, and nothing for other questions", () => {
    const q = readQuestion("How many delegates attended?");
    const term = q.terms.find((t) => t.term === "deleg")!;
    const expanded = {
      ...q,
      terms: q.terms.map((t) => (t === term ? { ...t, forms: [...t.forms, "делегат"] } : t)),
    };
    expect([...countedTranslations(expanded)]).toEqual(["делегат"]);
    expect([...countedTranslations(readQuestion("When did the delegates meet?"))]).toEqual([]);
  });
});
