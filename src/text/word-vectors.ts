// English word vectors (GloVe, data/glove-50k.bin, from `npm run build-vectors`): how near two words are in meaning.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { stem } from "./tokenize.js";

const DEFAULT_FILE = fileURLToPath(new URL("./data/glove-50k.bin", import.meta.url));

export class WordVectorsError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}. Rebuild it with \`npm run build-vectors\` (see src/cli/build-vectors.ts).`);
    this.name = "WordVectorsError";
  }
}

/** 50,000 frequent English words as unit vectors of signed bytes. */
export class WordVectors {
  private readonly index = new Map<string, number>();
  private readonly byStem = new Map<string, string | undefined>();

  private constructor(
    private readonly dims: number,
    private readonly vectors: Int8Array,
    words: string[],
  ) {
    words.forEach((w, i) => {
      this.index.set(w, i);
    });
  }

  static readonly none = new WordVectors(0, new Int8Array(0), []);

  static fromBuffer(buf: Buffer, file = "word vectors"): WordVectors {
    if (buf.length < 16 || buf.toString("ascii", 0, 4) !== "GLV1")
      throw new WordVectorsError(file, "not a GLV1 file");
    const count = buf.readUInt32LE(4);
    const dims = buf.readUInt32LE(8);
    const wordBytes = buf.readUInt32LE(12);
    if (buf.length !== 16 + wordBytes + count * dims) throw new WordVectorsError(file, "cut short or padded");
    const words = buf.toString("utf8", 16, 16 + wordBytes).split("\n");
    if (words.length !== count) throw new WordVectorsError(file, "its word list does not match its count");
    const start = 16 + wordBytes;
    return new WordVectors(dims, new Int8Array(buf.buffer, buf.byteOffset + start, count * dims), words);
  }

  /** The project's vectors; read once, when first asked for. */
  static load(file = DEFAULT_FILE): WordVectors {
    let v = loaded.get(file);
    if (!v) loaded.set(file, (v = WordVectors.fromBuffer(readFileSync(file), file)));
    return v;
  }

  /**
   * The commonest word with this stem ("partner" for "partner", "allies" for "alli"), for a word known only by its
   * stem: the stem and its usual endings are looked up (stemming all 50,000 words would take a second; this finds the
   * same word for 97% of their stems, and none for most of the rest).
   */
  wordOfStem(s: string): string | undefined {
    if (this.byStem.has(s)) return this.byStem.get(s);
    const bases = s.endsWith("i") ? [s, `${s.slice(0, -1)}y`, s.slice(0, -1)] : [s];
    let best: string | undefined;
    let at = Number.POSITIVE_INFINITY;
    for (const base of bases)
      for (const ending of ENDINGS) {
        const w = base + ending;
        const i = this.index.get(w);
        if (i !== undefined && i < at && stem(w) === s) [best, at] = [w, i];
      }
    if (this.byStem.size >= STEM_CACHE_LIMIT) this.byStem.clear();
    this.byStem.set(s, best);
    return best;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /** Cosine similarity of two words (-1..1); undefined when either is unknown. */
  similarity(a: string, b: string): number | undefined {
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return undefined;
    const { vectors, dims } = this;
    let dot = 0;
    for (let d = 0, x = i * dims, y = j * dims; d < dims; d++, x++, y++) dot += vectors[x]! * vectors[y]!;
    return dot / (127 * 127);
  }
}

const loaded = new Map<string, WordVectors>();

/** Endings an English word may have beyond its stem. */
const ENDINGS = [
  "",
  ..."e s es ed ing y ies ion ions al er ers ment ly ity ive ate ation ance ence".split(" "),
  ..."ous ful ism ist ists ize ized ization ness ic ical ent ant ary ory ual ually ally able ible".split(" "),
];

/** Stems looked up (`wordOfStem`) before the cache is emptied: a long-running bot is asked about ever more words. */
const STEM_CACHE_LIMIT = 50_000;
