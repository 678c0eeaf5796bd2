// Writes a seeded synthetic corpus of a given number of passages (English and Russian documents) plus questions on it.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { documentFromBytes } from "../corpus/documents.js";
import { splitPassages } from "../corpus/passages.js";
import { type BenchQuery, QuestionMaker, type SentenceFacts } from "./questions.js";
import { Random } from "./random.js";
import { buildVocabulary, type Language, MONTHS, PEOPLE, PLACES, RUSSIAN_ENDINGS } from "./vocabulary.js";

export interface GeneratorOptions {
  corpusDir: string;
  passages: number;
  seed?: number;
  /** Questions to measure with, and questions to warm up with first (different ones). */
  queries?: number;
  warmup?: number;
}

export interface GeneratedCorpus {
  documents: number;
  /** Passages the project's splitter makes of the documents (what ingest will index). */
  passages: number;
  /** UTF-16 characters and UTF-8 bytes of all files. */
  chars: number;
  bytes: number;
  queries: BenchQuery[];
  warmup: BenchQuery[];
}

const DOCS_PER_FOLDER = 100;
/** A document's paragraphs share a few topic words, as real articles do; BM25 and vectors see bursty terms. */
const TOPIC_WORDS = 40;
const TOPIC_SHARE = 0.2;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

class DocumentWriter {
  private topic: string[] = [];

  constructor(
    private readonly random: Random,
    /** Sees every sentence written, to sample questions from. */
    private readonly onSentence: (facts: SentenceFacts) => void,
  ) {}

  private contentWord(lang: Language): string {
    let rank: number;
    do rank = lang.zipf.sample(this.random);
    while (rank < lang.firstContent);
    return this.inflect(lang, lang.words[rank]!);
  }

  /** Russian stems take a random case ending: the same word appears in several forms, as it does in Russian. */
  private inflect(lang: Language, word: string): string {
    return lang.code === "ru" ? word + this.random.pick(RUSSIAN_ENDINGS) : word;
  }

  private word(lang: Language): { word: string; content: boolean } {
    if (this.random.chance(TOPIC_SHARE))
      return { word: this.inflect(lang, this.random.pick(this.topic)), content: true };
    const rank = lang.zipf.sample(this.random);
    const w = lang.words[rank]!;
    return rank < lang.firstContent
      ? { word: w, content: false }
      : { word: this.inflect(lang, w), content: true };
  }

  private entity(lang: Language, kind: SentenceFacts["kinds"][number]): string {
    const r = this.random;
    const c = lang.code;
    switch (kind) {
      case "person":
        return `${r.pick(PEOPLE[c].first)} ${r.pick(PEOPLE[c].last)}`;
      case "place":
        return `${c === "en" ? "in" : "в"} ${r.pick(PLACES[c])}`;
      case "date": {
        const year = r.int(1991, 2025);
        if (r.chance(0.5)) return c === "en" ? `in ${year}` : `в ${year} году`;
        const day = r.int(1, 28);
        return c === "en"
          ? `on ${day} ${r.pick(MONTHS.en)} ${year}`
          : `${day} ${r.pick(MONTHS.ru)} ${year} года`;
      }
      case "number":
        return `${r.int(2, 950)} ${this.contentWord(lang)}`;
    }
  }

  sentence(lang: Language): string {
    const r = this.random;
    const words: string[] = [];
    const content: string[] = [];
    for (let n = r.lengthAround(17, 0.4, 4, 60); n > 0; n--) {
      const { word, content: isContent } = this.word(lang);
      words.push(word);
      if (isContent) content.push(word);
    }
    const kinds = (["person", "place", "date", "number"] as const).filter((_, i) =>
      r.chance([0.3, 0.2, 0.2, 0.15][i]!),
    );
    for (const kind of kinds) words.splice(r.int(0, words.length), 0, this.entity(lang, kind));
    for (let i = 0; i < words.length - 1; i++) if (r.chance(0.06)) words[i] += ",";
    const sentence = `${capitalize(words.join(" "))}${r.chance(0.03) ? "!" : "."}`;
    this.onSentence({ lang: lang.code, content, kinds, sentence });
    return sentence;
  }

  private heading(lang: Language, min: number, max: number): string {
    const words: string[] = [];
    for (let n = this.random.int(min, max); n > 0; n--) words.push(this.contentWord(lang));
    return words.map(capitalize).join(" ");
  }

  private paragraph(lang: Language): string {
    const out: string[] = [];
    for (let n = this.random.lengthAround(4, 0.5, 1, 14); n > 0; n--) out.push(this.sentence(lang));
    return out.join(" ");
  }

  /** Starts a document: its language, topic and title block. Paragraphs follow through `next`. */
  begin(lang: Language): { head: string; next: () => string } {
    this.topic = Array.from({ length: TOPIC_WORDS }, () => {
      let rank: number;
      do rank = lang.zipf.sample(this.random);
      while (rank < lang.firstContent);
      return lang.words[rank]!;
    });
    const title = this.heading(lang, 3, 7);
    const head = this.random.chance(0.25) ? `---\ntitle: "${title}"\n---\n` : `# ${title}\n\n`;
    let untilHeading = this.random.int(2, 8);
    const next = () => {
      if (--untilHeading > 0) return this.paragraph(lang);
      untilHeading = this.random.int(2, 8);
      return `## ${this.heading(lang, 2, 5)}\n\n${this.paragraph(lang)}`;
    };
    return { head, next };
  }
}

function countPassages(docId: string, text: string): number {
  return splitPassages(documentFromBytes(docId, Buffer.from(text))).length;
}

/**
 * Writes documents into `corpusDir` until the project's splitter makes `passages` passages of them (the last
 * document is grown a paragraph at a time to land on the count), and samples questions from the sentences written.
 */
export async function generateCorpus(options: GeneratorOptions): Promise<GeneratedCorpus> {
  const seed = options.seed ?? 1;
  const random = new Random(seed);
  const vocabulary = buildVocabulary(new Random(seed ^ 0x5eed));
  const wanted = (options.queries ?? 1000) + (options.warmup ?? 200);
  const questions = new QuestionMaker(new Random(seed ^ 0x9e37), vocabulary, wanted);
  let docId = "";
  const writer = new DocumentWriter(random, (facts) => questions.see({ ...facts, docId }));
  const result = { documents: 0, passages: 0, chars: 0, bytes: 0 };

  while (result.passages < options.passages) {
    docId = `part-${String(Math.floor(result.documents / DOCS_PER_FOLDER)).padStart(4, "0")}/doc-${String(result.documents).padStart(6, "0")}.md`;
    const lang = random.chance(0.2) ? vocabulary.ru : vocabulary.en;
    const { head, next } = writer.begin(lang);
    const left = options.passages - result.passages;
    const paragraphs: string[] = [];
    let text = head;
    let count: number;
    if (left > 80) {
      // About 1.4 paragraphs make a passage; the exact count comes from the splitter.
      for (let n = random.int(10, 80); n > 0; n--) paragraphs.push(next());
      text = head + paragraphs.join("\n\n") + "\n";
      count = countPassages(docId, text);
    } else {
      do {
        paragraphs.push(next());
        text = head + paragraphs.join("\n\n") + "\n";
        count = countPassages(docId, text);
      } while (count < left);
    }
    const file = path.join(options.corpusDir, docId);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    result.documents++;
    result.passages += count;
    result.chars += text.length;
    result.bytes += Buffer.byteLength(text);
  }
  const all = questions.make();
  const warmup = all.slice(0, options.warmup ?? 200);
  return { ...result, warmup, queries: all.slice(warmup.length) };
}
