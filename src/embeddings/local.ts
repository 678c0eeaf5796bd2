// Offline, deterministic embeddings: signed feature hashing of word stems and character n-grams. No weights, no network.
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { tokenize } from "../text/tokenize.js";

export interface LocalEmbeddingsOptions extends EmbeddingsParams {
  /** Vector size; more dimensions mean fewer hash collisions. */
  dimension?: number;
}

const NGRAM_WEIGHT = 0.35;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over UTF-16 code units, continuing from state `h`. */
function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** An n-gram feature is hashed as "g:" + the gram: the state after "g:" is shared. */
const GRAM_PREFIX_STATE = fnv1a("g:");

/**
 * Every distinct feature gets a number, with its hash and sign computed once: a passage's features are mostly
 * ones seen before, and hashing them again (and building their "g:…" strings) was most of the embedding time.
 * Shared by all instances (the hash does not depend on the dimension); emptied when it grows past a limit.
 */
class FeatureTable {
  static readonly LIMIT = 2_000_000;
  private readonly ids = new Map<string, number>();
  hash = new Uint32Array(1024);
  sign = new Int8Array(1024);
  isWord = new Uint8Array(1024);
  /** Per-call scratch: the feature's count so far (0 = not seen in this text yet). */
  counts = new Float64Array(1024);

  get size(): number {
    return this.ids.size;
  }

  /** The number of a word-stem feature (`key` = "w:" + stem) or an n-gram (`key` = the gram; it has no colon). */
  id(key: string, word: boolean): number {
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    id = this.ids.size;
    this.ids.set(key, id);
    if (id >= this.hash.length) this.grow();
    const h = word ? fnv1a(key) : fnv1a(key, GRAM_PREFIX_STATE);
    this.hash[id] = h;
    // The sign is the low bit of the hash of feature + "#": one more FNV step.
    this.sign[id] = Math.imul(h ^ 0x23, FNV_PRIME) & 1 ? 1 : -1;
    this.isWord[id] = word ? 1 : 0;
    return id;
  }

  private grow(): void {
    const n = this.hash.length * 2;
    const copy = <T extends Uint32Array | Int8Array | Uint8Array | Float64Array>(a: T, b: T) => {
      b.set(a);
      return b;
    };
    this.hash = copy(this.hash, new Uint32Array(n));
    this.sign = copy(this.sign, new Int8Array(n));
    this.isWord = copy(this.isWord, new Uint8Array(n));
    this.counts = copy(this.counts, new Float64Array(n));
  }
}

let table = new FeatureTable();
/** Word → numbers of its features: its stem's, then its 3-grams' and 4-grams' (of "<word>"), in that order. */
let featuresOfWord = new Map<string, Int32Array>();
const WORD_CACHE_LIMIT = 200_000;

function wordFeatures(word: string, term: string): Int32Array {
  let ids = featuresOfWord.get(word);
  if (ids) return ids;
  const padded = `<${word}>`;
  const out = [table.id(`w:${term}`, true)];
  for (const n of [3, 4]) {
    for (let i = 0; i + n <= padded.length; i++) out.push(table.id(padded.slice(i, i + n), false));
  }
  ids = Int32Array.from(out);
  if (featuresOfWord.size >= WORD_CACHE_LIMIT) featuresOfWord.clear();
  featuresOfWord.set(word, ids);
  return ids;
}

/**
 * Words are represented by their Snowball stem and by character 3- and 4-grams of the word, so that inflected
 * forms (Russian and Ukrainian cases, English suffixes) still share most of their features.
 */
export class LocalHashEmbeddings extends Embeddings {
  readonly dimension: number;

  constructor(options: LocalEmbeddingsOptions = {}) {
    super(options);
    this.dimension = options.dimension ?? 512;
  }

  get model(): string {
    return `hash-${this.dimension}`;
  }

  /** Numbers of the text's features in order of first occurrence; their summed counts are in table.counts. */
  private features(text: string): number[] {
    if (table.size > FeatureTable.LIMIT) {
      table = new FeatureTable();
      featuresOfWord = new Map();
    }
    const order: number[] = [];
    for (const t of tokenize(text)) {
      if (t.stop) continue;
      const ids = wordFeatures(t.word, t.term);
      // table.counts is read here, not before the loop: a new feature may have grown (replaced) it.
      const { counts } = table;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (counts[id] === 0) order.push(id);
        counts[id]! += i === 0 ? 1 : NGRAM_WEIGHT;
      }
    }
    return order;
  }

  embedText(text: string): number[] {
    const dimension = this.dimension;
    const v = new Float64Array(dimension);
    const order = this.features(text);
    const { counts, hash, sign, isWord } = table;
    // Features are added in order of first occurrence, so the floating-point sums are the same on every run.
    for (const id of order) {
      const count = counts[id]!;
      counts[id] = 0;
      // Sublinear term weight: repeats count, but less and less.
      const weight = isWord[id] ? 1 + Math.log(count) : NGRAM_WEIGHT * (1 + Math.log(count / NGRAM_WEIGHT));
      v[hash[id]! % dimension]! += sign[id]! * weight;
    }
    let norm = 0;
    for (let i = 0; i < dimension; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    const out: number[] = [];
    for (let i = 0; i < dimension; i++) out.push(norm > 0 ? v[i]! / norm : 0);
    return out;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedText(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }
}
