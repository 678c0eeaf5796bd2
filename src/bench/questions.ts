// Questions for the benchmark, made from sentences of the synthetic corpus: typed (who, when…), plain, and unanswerable.
import type { Random } from "./random.js";
import type { Vocabulary } from "./vocabulary.js";

export type QueryType = "person" | "place" | "date" | "number" | "other";

export interface BenchQuery {
  text: string;
  lang: "en" | "ru";
  type: QueryType;
  /** False for questions made of words the corpus never uses. */
  answerable: boolean;
  /** The sentence the question was made from, and its document: the passage holding it is the one to find. */
  source?: { docId: string; sentence: string };
}

/** What a written sentence holds, enough to ask about it. */
export interface SentenceFacts {
  lang: "en" | "ru";
  content: string[];
  kinds: Exclude<QueryType, "other">[];
  /** Where it stands (set once the document's name is known), and its text. */
  docId?: string;
  sentence?: string;
}

const OPENERS: Record<BenchQuery["lang"], Record<QueryType, string[]>> = {
  en: {
    person: ["Who", "Who was"],
    place: ["Where", "Where did"],
    date: ["When", "When did"],
    number: ["How many"],
    other: ["What about", "What is", "Tell me about", ""],
  },
  ru: {
    person: ["Кто"],
    place: ["Где"],
    date: ["Когда"],
    number: ["Сколько"],
    other: ["Что", "Расскажи про", ""],
  },
};

/** Share of questions the corpus cannot answer. */
const UNANSWERABLE = 0.1;

/** Keeps a uniform sample of the sentences written (reservoir sampling), then turns them into questions. */
export class QuestionMaker {
  private readonly pool: SentenceFacts[] = [];
  private seen = 0;

  constructor(
    private readonly random: Random,
    private readonly vocabulary: Vocabulary,
    private readonly count: number,
  ) {}

  see(facts: SentenceFacts): void {
    if (facts.content.length < 2) return;
    const j = this.seen++;
    if (this.pool.length < this.count) this.pool.push(facts);
    else {
      const slot = this.random.int(0, j);
      if (slot < this.count) this.pool[slot] = facts;
    }
  }

  private ask(facts: SentenceFacts): BenchQuery {
    const r = this.random;
    const type: QueryType = facts.kinds.length > 0 && r.chance(0.7) ? r.pick(facts.kinds) : "other";
    // A few of the sentence's content words, in their order: how people half-remember what they read.
    const words = [...new Set(facts.content)];
    const keep = Math.min(words.length, r.int(2, 5));
    const start = r.int(0, words.length - keep);
    const opener = r.pick(OPENERS[facts.lang][type]);
    const body = words.slice(start, start + keep).join(" ");
    const source =
      facts.docId && facts.sentence ? { docId: facts.docId, sentence: facts.sentence } : undefined;
    return {
      text: `${opener ? `${opener} ` : ""}${body}?`,
      lang: facts.lang,
      type,
      answerable: true,
      ...(source ? { source } : {}),
    };
  }

  private unanswerable(): BenchQuery {
    const u = this.vocabulary.unused;
    const text = `What is the ${this.random.pick(u)} of the ${this.random.pick(u)} ${this.random.pick(u)}?`;
    return { text, lang: "en", type: "other", answerable: false };
  }

  /** Exactly `count` questions (fewer only if the corpus has fewer usable sentences), in a seeded order. */
  make(): BenchQuery[] {
    const out = this.random
      .shuffle([...this.pool])
      .map((f) => (this.random.chance(UNANSWERABLE) ? this.unanswerable() : this.ask(f)));
    return out;
  }
}
