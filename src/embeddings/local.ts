// Offline, deterministic embeddings: signed feature hashing of word stems and character n-grams. No weights, no network.
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { tokenize } from "../text/tokenize.js";

export interface LocalEmbeddingsOptions extends EmbeddingsParams {
  /** Vector size; more dimensions mean fewer hash collisions. */
  dimension?: number;
}

const NGRAM_WEIGHT = 0.35;

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
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

  private features(text: string): Map<string, number> {
    const counts = new Map<string, number>();
    const add = (f: string, w: number) => counts.set(f, (counts.get(f) ?? 0) + w);
    for (const t of tokenize(text)) {
      if (t.stop) continue;
      add(`w:${t.term}`, 1);
      const padded = `<${t.word}>`;
      for (const n of [3, 4]) {
        for (let i = 0; i + n <= padded.length; i++) add(`g:${padded.slice(i, i + n)}`, NGRAM_WEIGHT);
      }
    }
    return counts;
  }

  embedText(text: string): number[] {
    const v = new Float64Array(this.dimension);
    for (const [feature, count] of this.features(text)) {
      const h = fnv1a(feature);
      const sign = fnv1a(`${feature}#`) & 1 ? 1 : -1;
      // Sublinear term weight: repeats count, but less and less.
      const weight = feature.startsWith("w:")
        ? 1 + Math.log(count)
        : NGRAM_WEIGHT * (1 + Math.log(count / NGRAM_WEIGHT));
      v[h % this.dimension]! += sign * weight;
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    return Array.from(v, (x) => (norm > 0 ? x / norm : 0));
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedText(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }
}
