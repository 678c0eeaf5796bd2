// The answer's type is checked by the tagger on the sentence that answers, not only on the few read for it first.
import { describe, expect, it } from "vitest";
import { asks } from "../../src/answer/extractive.js";
import { sharedEvalApps } from "../helpers/app.js";

const evalApp = sharedEvalApps();

describe("a sentence the scorer puts first is checked for the answer's type", () => {
  const app = evalApp("d10");

  it("answers a count with the sentence that counts it, not one with a number of something else", async () => {
    const a = await app().pipeline.ask("how many members does the legislative committee have");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toContain("The committee has eleven members");
  });
});

describe("no sentence answers by the surface shape of its type alone", () => {
  const app = evalApp("d9");

  it("refuses 'How old…?' where the documents give no age, only years", async () => {
    const a = await app().pipeline.ask("How old is Gennady Lapshin?");
    expect(a.abstained).toBe(true);
  });
});

describe("a sentence about another session by its own words or its title in the other script cannot answer", () => {
  const app = evalApp("d11");

  it("refuses the Prague congress's attendance where a Russian report of the Tbilisi congress gives its own", async () => {
    const a = await app().pipeline.ask("How many delegates attended the union's congress in Prague?");
    expect(a.abstained).toBe(true);
  });

  it("answers it for the Tbilisi congress", async () => {
    const a = await app().pipeline.ask("How many delegates attended the union's congress in Tbilisi?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("64");
  });
});

describe("'Who is the <post>?' is answered by a name, and not by the name the question gives", () => {
  const app = evalApp("d11");

  it("answers who the union's Secretary-General is", async () => {
    const a = await app().pipeline.ask("Who is the union's Secretary-General?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Timur Akhmetov");
  });

  it("refuses who held the post before him, where the only name the sentences give is his", async () => {
    const a = await app().pipeline.ask("Who was the union's Secretary-General before Timur Akhmetov?");
    expect(a.abstained).toBe(true);
  });
});

describe("'What is the name of the deputy who…?' is answered by a name", () => {
  const app = evalApp("d8");

  it("refuses the Kaliningrad deputy's name where the report says only 'a former deputy from the Kaliningrad region'", async () => {
    const a = await app().pipeline.ask(
      "What is the name of the Kaliningrad deputy who voted against the Founding Declaration?",
    );
    expect(a.abstained).toBe(true);
  });
});

describe("a question about someone's salary is answered by a figure", () => {
  const app = evalApp("d6");

  it("refuses 'whats verkhovtseva's salary' where the documents give none, not quoting a sentence about her", async () => {
    const a = await app().pipeline.ask("whats verkhovtseva's salary at the congress");
    expect(a.abstained).toBe(true);
  });
});

describe("'Where was the session held?' is answered by a sentence with a place", () => {
  const app = evalApp("d1");

  it("answers where the third session was held", async () => {
    const a = await app().pipeline.ask("Where was the third session held?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Riga");
  });

  it("refuses where the seventh was held, where the documents only say when it should take place", async () => {
    const a = await app().pipeline.ask("Where was the seventh session of the Congress held?");
    expect(a.abstained).toBe(true);
  });
});

describe("where the best sentence says what is asked is not known yet, none answers, and the answer says so", () => {
  const app = evalApp("d6");

  it("refuses the exact dates of a session whose dates 'have not yet been set', citing that passage", async () => {
    const a = await app().pipeline.ask("What are the exact dates of the eighth session in Prague?");
    expect(a.abstained).toBe(true);
    expect(a.answer).toBe(
      "The documents I have do not answer this question. The nearest passage says it has not been decided or made public [1].",
    );
    expect(a.citations[0]!.quote).toContain("exact dates have not yet been set");
  });

  it("answers where that session will be held from the same sentence", async () => {
    const a = await app().pipeline.ask("Where will the eighth session be held?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Prague");
  });

  it("says so in Russian for a Russian question", async () => {
    const a = await app().pipeline.ask("Когда откроется приёмная «Правового щита» в Ереване?");
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain("В ближайшем фрагменте сказано, что это пока не решено или не раскрыто [1]");
  });
});

describe("where the best sentence picks another session itself, none answers", () => {
  const app = evalApp("d8");

  it("refuses the Berlin session's cost, not answering with the next best sentence", async () => {
    const a = await app().pipeline.ask("how much did the berlin session cost");
    expect(a.abstained).toBe(true);
  });

  it("answers the Helsinki session's", async () => {
    const a = await app().pipeline.ask("how much did the helsinki session cost");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("38,500");
  });

  it("refuses a Russian question about the Riga session where the English sentence names the Helsinki one", async () => {
    const a = await app().pipeline.ask("Кто был председателем сессии Ассамблеи в Риге?");
    expect(a.abstained).toBe(true);
  });

  it("answers it about the Helsinki session from the same sentence", async () => {
    const a = await app().pipeline.ask("Кто был председателем сессии Ассамблеи в Хельсинки?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Tarasenko");
  });
});

describe("a year the question names may stand in the document's dateline", () => {
  const app = evalApp("d10");

  it("answers from a column dated October 2024 for '…in the October 2024 column'", async () => {
    const a = await app().pipeline.ask(
      "According to the Congress's figures quoted in the October 2024 column, how many passport applications had been filed by the end of September?",
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("1,300");
  });
});

describe("a question about someone's birth needs a sentence that says so", () => {
  const app = evalApp("d10");

  it("refuses Vera Kuzmina's birthplace where the documents only say where she lives", async () => {
    const a = await app().pipeline.ask("Where was Vera Kuzmina born?");
    expect(a.abstained).toBe(true);
  });
});

describe("a question about someone's birth is answered where a sentence says so", () => {
  const app = evalApp("d12");

  it("answers Nina Farkhutdinova's birthplace", async () => {
    const a = await app().pipeline.ask("Где родилась Нина Фархутдинова?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Набережных Челнах");
  });
});

describe("a second part asks about the session the first part picks out", () => {
  const app = evalApp("d3");

  it("counts the fourth session's delegates, not another session's", async () => {
    const a = await app().pipeline.ask(
      "Where was the fourth session held and how many delegates attended it?",
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Berlin");
    expect(a.answer).toContain("131 delegates");
    expect(a.answer).not.toContain("143 delegates");
  });
});

describe("a second part that says 'he' or 'she' asks about the one the first part's answer names", () => {
  const app = evalApp("set4", "held-out");

  it("answers why the first chair resigned from the sentence about him, adding no sentence about another", async () => {
    const a = await app().pipeline.ask("Who was the assembly's first chair, and why did he resign?");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Andrei Lesnov");
    expect(a.answer).toContain("health reasons");
    expect(a.answer).not.toContain("Lena Oskarova");
  });

  it("lends nothing where the first part's lead is no name", async () => {
    const a = await app().pipeline.ask("Who designed the library building, and how old was she at the time?");
    expect(a.answer).toContain("then aged 29");
    expect(a.answer).not.toMatch(/no passage that answers|may also answer/);
  });
});

describe("a part left unanswered whose best sentence the answer quotes for the other part", () => {
  const app = evalApp("set3", "held-out");

  it("is said to be perhaps answered by that quote, not unanswered by the documents", async () => {
    const a = await app().pipeline.ask(
      "Who received the Brekk Prize in 2023, and what instrument does she play?",
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("concertina player");
    expect(a.answer).toMatch(
      /Passage \[1\] may also answer “what instrument does she play\?”, but I am not sure/,
    );
    expect(a.answer).not.toMatch(/no passage that answers/);
  });

  const d2 = evalApp("d2");

  it("is said in Russian to a Russian question, without a gendered 'I'", async () => {
    const a = await d2().pipeline.ask(
      "На какой реке стоит станция Birch Bend и сколько стоило её строительство?",
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/Фрагмента, который отвечал бы на вопрос «[^»]+», найти не удалось\./);
  });
});

describe("a sentence that asks cannot answer; one that answers a question is quoted with it", () => {
  it.each([
    ["Do you have a Free Russia passport yourself?", true],
    ["**Q:** Do you have a Free Russia passport yourself?**", true],
    ["— Будете ли вы снова баллотироваться в 2026 году?", true],
    ["He asked: “Where is the money?”", false],
    ["Он спросил: «Где деньги?»", false],
    ["**A:** Yes, number 000112.", false],
    ["The question of who pays (and why?) stayed open.", false],
    ["The question stayed open (and why?)", false],
    ["Что такое «паспорт свободной России»?", true],
    ['Have you read "War and Peace"?', true],
    ["Do you have a “Free Russia” passport?", true],
    ['Q: "Do you have a passport?"', true],
  ])("%s asks: %s", (sentence, expected) => {
    expect(asks(sentence)).toBe(expected);
  });

  const d10 = evalApp("d10");
  const d9 = evalApp("d9");

  it("answers the number of a passport with the interview's answer, after its question", async () => {
    const a = await d10().pipeline.ask("Какой номер у «паспорта свободной России» Тимура Газиева?");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toMatch(/Do you have a Free Russia passport yourself\?.*number 000112/s);
  });

  it("answers 'is he running again' with the reply, not the interviewer's question alone", async () => {
    const a = await d9().pipeline.ask("is zelenin gonna run for president again in 2026");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toMatch(/баллотироваться в 2026 году\?\s*— Нет\./);
  });
});

describe("'Which university…?' is answered by a university's name, not by 'a university'", () => {
  const app = evalApp("d9");

  it("refuses where Olga's university is 'в университете' only", async () => {
    const a = await app().pipeline.ask("At which university does Zelenin's wife Olga work?");
    expect(a.abstained).toBe(true);
  });

  it("answers which foundation funds the scholarships with the one named", async () => {
    const a = await app().pipeline.ask("Which foundation is the scholarship programme's main funder?");
    expect(a.abstained).toBe(false);
    expect(a.lead).toBe("Weidner Foundation");
  });
});

describe("'Which company…?' leads with the company's name from a Russian report", () => {
  const app = evalApp("d7");

  it("answers who audited the common fund", async () => {
    const a = await app().pipeline.ask("Which company audited the common fund for 2023?");
    expect(a.abstained).toBe(false);
    expect(a.lead).toBe("Baltic Audit Partners");
  });
});

describe("a length of time does not answer 'How much…?'", () => {
  const app = evalApp("d10");

  it("does not answer the price of replacing a lost passport with how long a passport is valid", async () => {
    const a = await app().pipeline.ask("how much to replace a lost free russia passport");
    expect(a.answer).not.toContain("пять лет");
    expect(a.lead).toBeUndefined();
  });
});

describe("'Which court…?' of a Russian report: a body's name capitalised at its first word only", () => {
  const app = evalApp("d6");

  it("answers which court sentenced Tsyganov, leading with the court", async () => {
    const a = await app().pipeline.ask("which court gave tsyganov nine years");
    expect(a.abstained).toBe(false);
    expect(a.lead).toBe("Мещанский районный суд");
  });
});

describe("a share is answered by a percentage, not by a count", () => {
  const app = evalApp("d10");

  it("refuses what share of passport applicants live in Georgia, where the documents count countries", async () => {
    const a = await app().pipeline.ask("What share of Free Russia passport applicants live in Georgia?");
    expect(a.abstained).toBe(true);
  });
});

describe("a birthplace is a place the sentence says someone was born in", () => {
  const app = evalApp("d2");

  it("refuses where Halvorsen was born, where the profile says she was born in 1955 and moved to Alta", async () => {
    const a = await app().pipeline.ask("Where was Ingrid Halvorsen born?");
    expect(a.abstained).toBe(true);
  });
});
