// Offline, deterministic embeddings: signed feature hashing of word stems and character n-grams. No weights, no network.
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { hasCyrillic, type Token, tokenize } from "../text/tokenize.js";
import { toLatin } from "../text/transliterate.js";
import { tagCount } from "../text/wordnet.js";

/** Which features a word gives, and how much they weigh. */
export interface HashScheme {
  /** Lengths of the character n-grams of "<word>". */
  grams: number[];
  /** An n-gram's weight, against 1 for the word's stem. */
  gramWeight: number;
  /** Weigh each word by how rare it is in English (a static IDF; see `prior`). */
  prior: boolean;
}

/**
 * For search over passages: a passage has a thousand features in a few hundred dimensions, so every n-gram of a word
 * the question lacks is noise in the question's buckets. Few, light n-grams and rare words first keep that noise
 * under the signal.
 */
export const SEARCH_SCHEME: HashScheme = { grams: [4], gramWeight: 0.2, prior: true };

/** For comparing a question with one sentence: few features each, so n-grams can weigh more. */
export const SENTENCE_SCHEME: HashScheme = { grams: [3, 4], gramWeight: 0.35, prior: false };

export interface LocalEmbeddingsOptions extends EmbeddingsParams {
  /** Vector size; more dimensions mean fewer hash collisions. */
  dimension?: number;
  scheme?: HashScheme;
}
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
  static readonly LIMIT = 1_000_000;
  private readonly ids = new Map<string, number>();
  hash = new Uint32Array(1024);
  sign = new Int8Array(1024);
  /** Per-call scratch: the feature's count so far (0 = not seen in this text yet), and its summed weight. */
  counts = new Float64Array(1024);
  sums = new Float64Array(1024);

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
    // The sign is the top bit of one more FNV step. (Revision 1 took its low bit, which is the low bit of the hash,
    // so of the bucket too: every bucket had one sign, and every pair of texts leaned alike.)
    this.sign[id] = Math.imul(h ^ 0x23, FNV_PRIME) >>> 31 ? 1 : -1;
    return id;
  }

  private grow(): void {
    const n = this.hash.length * 2;
    const copy = <T extends Uint32Array | Int8Array | Float64Array>(a: T, b: T) => {
      b.set(a);
      return b;
    };
    this.hash = copy(this.hash, new Uint32Array(n));
    this.sign = copy(this.sign, new Int8Array(n));
    this.counts = copy(this.counts, new Float64Array(n));
    this.sums = copy(this.sums, new Float64Array(n));
  }
}

let table = new FeatureTable();
interface WordFeatures {
  /** Numbers of its features: its stem's, then its n-grams' (of "<word>", then of its transliteration). */
  ids: Int32Array;
  /** The word's weight, from how common it is. */
  prior: number;
}

/** Per scheme: word → its features. */
let featuresOfWord = new Map<HashScheme, Map<string, WordFeatures>>();
const WORD_CACHE_LIMIT = 200_000;

/**
 * A Cyrillic word in Latin letters ("пономарёв" → "ponomarev"), so that names and loanwords of a Russian question
 * share n-grams with an English text; undefined for other words.
 */
function latinOf(word: string): string | undefined {
  if (!hasCyrillic(word)) return undefined;
  const latin = toLatin(word);
  return latin.length >= 3 ? latin : undefined;
}

const LATIN = /^[a-z']+$/;
/** How steeply a common word's weight falls with its frequency. */
const PRIOR_EXPONENT = 0.4;

/**
 * A corpus-independent IDF: (1 + f)^-0.4 for an English word that WordNet's tagged corpus has f times ("take" 0.07,
 * "congress" 0.27, "spearhead" 0.76); 1 for words it lacks (names, numbers, rare words, other languages). A passage
 * that shares the question's rare word then outranks one that repeats its common word; and as it does not depend on
 * the corpus, a vector never changes when documents are added.
 */
function prior(word: string): number {
  return LATIN.test(word) ? (1 + tagCount(word)) ** -PRIOR_EXPONENT : 1;
}

function wordFeatures(scheme: HashScheme, word: string, term: string): WordFeatures {
  let cache = featuresOfWord.get(scheme);
  if (!cache) featuresOfWord.set(scheme, (cache = new Map()));
  let features = cache.get(word);
  if (features) return features;
  const out = [table.id(`w:${term}`, true)];
  const latin = latinOf(word);
  for (const form of latin ? [word, latin] : [word]) {
    const padded = `<${form}>`;
    for (const n of scheme.grams) {
      for (let i = 0; i + n <= padded.length; i++) out.push(table.id(padded.slice(i, i + n), false));
    }
  }
  features = { ids: Int32Array.from(out), prior: scheme.prior ? prior(word) : 1 };
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word, features);
  return features;
}

/**
 * Words are represented by their Snowball stem and by character n-grams of the word, so that inflected forms
 * (Russian and Ukrainian cases, English suffixes) still share most of their features.
 */
export class LocalHashEmbeddings extends Embeddings {
  /**
   * The hashing scheme's version, recorded in the index: an index of another revision is rebuilt on open.
   * 2: a sign independent of the bucket; Cyrillic words also by their transliteration.
   */
  static readonly REVISION = 2;
  readonly dimension: number;
  readonly scheme: HashScheme;

  constructor(options: LocalEmbeddingsOptions = {}) {
    super(options);
    this.dimension = options.dimension ?? 512;
    this.scheme = options.scheme ?? SEARCH_SCHEME;
  }

  get model(): string {
    return `hash-${this.dimension}`;
  }

  /**
   * Numbers of the text's features in order of first occurrence; their counts are in table.counts, their summed
   * weights in table.sums.
   */
  private features(tokens: readonly Token[]): number[] {
    if (table.size > FeatureTable.LIMIT) {
      table = new FeatureTable();
      featuresOfWord = new Map();
    }
    const order: number[] = [];
    for (const t of tokens) {
      if (t.stop) continue;
      const { ids, prior } = wordFeatures(this.scheme, t.word, t.term);
      // The arrays are read here, not before the loop: a new feature may have grown (replaced) them.
      const { counts, sums } = table;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (counts[id] === 0) order.push(id);
        counts[id]!++;
        sums[id]! += i === 0 ? prior : prior * this.scheme.gramWeight;
      }
    }
    return order;
  }

  /** Scratch for `similarity`: bucket sums, and which buckets this text touched. */
  private scratch?: { v: Float64Array; touched: Uint8Array; list: number[] };

  /**
   * Adds the text's features into `v` (zeroed), in order of first occurrence, so that the floating-point sums are the
   * same on every run; `onBucket` sees each bucket the first time a feature lands in it.
   */
  private accumulate(tokens: readonly Token[], v: Float64Array, onBucket?: (bucket: number) => void): void {
    const dimension = this.dimension;
    const order = this.features(tokens);
    const { counts, sums, hash, sign } = table;
    for (const id of order) {
      const count = counts[id]!;
      // Sublinear term weight: repeats count, but less and less.
      const weight = (sums[id]! / count) * (1 + Math.log(count));
      counts[id] = 0;
      sums[id] = 0;
      const bucket = hash[id]! % dimension;
      onBucket?.(bucket);
      v[bucket]! += sign[id]! * weight;
    }
  }

  embedText(text: string): number[] {
    const dimension = this.dimension;
    const v = new Float64Array(dimension);
    this.accumulate(tokenize(text), v);
    let norm = 0;
    for (let i = 0; i < dimension; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    const out: number[] = [];
    for (let i = 0; i < dimension; i++) out.push(norm > 0 ? v[i]! / norm : 0);
    return out;
  }

  /**
   * Cosine between a vector of `embedText` and the text's embedding, without making the text's dense vector: only
   * the buckets the text touches are read. The extractive scorer compares a question with dozens of sentences, each
   * touching a few dozen of the 1,024 buckets. `tokens` are the text's, when the caller has them already.
   */
  similarity(query: ArrayLike<number>, text: string, tokens: readonly Token[] = tokenize(text)): number {
    const scratch = (this.scratch ??= {
      v: new Float64Array(this.dimension),
      touched: new Uint8Array(this.dimension),
      list: [],
    });
    const { v, touched, list } = scratch;
    this.accumulate(tokens, v, (bucket) => {
      if (touched[bucket]) return;
      touched[bucket] = 1;
      list.push(bucket);
    });
    let norm = 0;
    let dot = 0;
    for (const b of list) {
      norm += v[b]! * v[b]!;
      dot += v[b]! * query[b]!;
      v[b] = 0;
      touched[b] = 0;
    }
    list.length = 0;
    return norm > 0 ? dot / Math.sqrt(norm) : 0;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedText(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }
}
