// BM25 over stemmed terms through an inverted index: a query touches only the postings of its own terms.
import { contentTerms } from "../text/tokenize.js";

export interface LexicalHit {
  label: number;
  score: number;
}

interface Serialized {
  lengths: [number, number][];
  postings: Record<string, number[]>;
}

export class Bm25Index {
  /** term → flat [label, tf, label, tf, …] */
  private postings = new Map<string, number[]>();
  private lengths = new Map<number, number>();
  private totalLength = 0;

  constructor(
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {}

  get size(): number {
    return this.lengths.size;
  }

  add(label: number, text: string): void {
    this.remove([label]);
    const terms = contentTerms(text);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push(label, n);
    }
    this.lengths.set(label, terms.length);
    this.totalLength += terms.length;
  }

  /** Removes passages; one pass over the postings however many labels go. */
  remove(labels: Iterable<number>): void {
    const gone = new Set<number>();
    for (const label of labels) {
      const len = this.lengths.get(label);
      if (len === undefined) continue;
      gone.add(label);
      this.lengths.delete(label);
      this.totalLength -= len;
    }
    if (gone.size === 0) return;
    for (const [term, list] of this.postings) {
      const kept: number[] = [];
      for (let i = 0; i < list.length; i += 2) if (!gone.has(list[i]!)) kept.push(list[i]!, list[i + 1]!);
      if (kept.length === 0) this.postings.delete(term);
      else if (kept.length !== list.length) this.postings.set(term, kept);
    }
  }

  /** Inverse document frequency of a stemmed term (0 when absent). */
  idf(term: string): number {
    const df = (this.postings.get(term)?.length ?? 0) / 2;
    if (df === 0) return 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  search(query: string, k: number): LexicalHit[] {
    const terms = [...new Set(contentTerms(query))];
    const avg = this.totalLength / Math.max(1, this.size);
    const scores = new Map<number, number>();
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (let i = 0; i < list.length; i += 2) {
        const label = list[i]!;
        const tf = list[i + 1]!;
        const len = this.lengths.get(label)!;
        const s = (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * len) / avg));
        scores.set(label, (scores.get(label) ?? 0) + s);
      }
    }
    return [...scores]
      .map(([label, score]) => ({ label, score }))
      .sort((a, b) => b.score - a.score || a.label - b.label)
      .slice(0, k);
  }

  toJSON(): Serialized {
    return { lengths: [...this.lengths], postings: Object.fromEntries(this.postings) };
  }

  static fromJSON(data: Serialized): Bm25Index {
    const index = new Bm25Index();
    for (const [label, len] of data.lengths) {
      index.lengths.set(label, len);
      index.totalLength += len;
    }
    index.postings = new Map(Object.entries(data.postings));
    return index;
  }
}
