// BM25 over stemmed terms through an inverted index: a query touches only the postings of its own terms.
import { contentTerms } from "../text/tokenize.js";

export interface LexicalHit {
  label: number;
  score: number;
}

/** A stemmed query term and how much it counts: 1 for the question's own words, less for expansions. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** A term's postings, flat [label, tf, label, tf, …]; lists read from a file stay Int32Arrays until a change. */
type Postings = number[] | Int32Array;

/** What Bm25Index writes (src/index/formats.ts puts it in files): JSON-able structure, and the postings' bytes. */
export interface Bm25Files {
  meta: {
    lengths: [number, number][];
    /** Terms, and how many numbers of the postings each one has, in the order of the postings. */
    terms?: string[];
    counts?: number[];
    /** Written before the postings had their own bytes: term → plain number array. */
    postings?: Record<string, number[]>;
  };
  /** Every term's postings one after another, as little-endian Int32s. */
  postings: Buffer;
}

/** Checks a term's postings against the passage lengths: a passage with postings has a length of at least 1. */
function checkPostings(term: string, list: Postings, lengthOf: Int32Array): void {
  if (list.length % 2 !== 0) throw new Error(`bm25: the postings of "${term}" are cut short`);
  for (let i = 0; i < list.length; i += 2) {
    if (!(lengthOf[list[i]!]! > 0) || !(list[i + 1]! > 0)) {
      throw new Error(`bm25: the postings of "${term}" name passage ${list[i]}, which it does not list`);
    }
  }
}

/** The k best of `labels` by score, then label: the same list a full sort would start with, without sorting all. */
function topK(labels: number[], score: Float64Array, k: number): LexicalHit[] {
  // a goes after b in the result.
  const after = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && a > b);
  const heap: number[] = []; // the k best so far, the worst at the root
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && after(heap[l]!, heap[worst]!)) worst = l;
      if (r < heap.length && after(heap[r]!, heap[worst]!)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const label of labels) {
    if (heap.length < k) {
      heap.push(label);
      for (let i = heap.length - 1; i > 0 && after(heap[i]!, heap[(i - 1) >> 1]!); i = (i - 1) >> 1) {
        [heap[i], heap[(i - 1) >> 1]] = [heap[(i - 1) >> 1]!, heap[i]!];
      }
    } else if (k > 0 && after(heap[0]!, label)) {
      heap[0] = label;
      down(0);
    }
  }
  return heap
    .sort((a, b) => score[b]! - score[a]! || a - b)
    .map((label) => ({ label, score: score[label]! }));
}

export class Bm25Index {
  private postings = new Map<string, Postings>();
  private lengths = new Map<number, number>();
  private totalLength = 0;
  /**
   * Search scratch, indexed by label (PassageIndex numbers passages from 0, so labels are small): each passage's
   * length, its score so far, and the search that last touched it. Arrays instead of maps: a common term has
   * postings in a fifth of the corpus, and map lookups were most of the search time.
   */
  private lengthOf = new Int32Array(0);
  private score = new Float64Array(0);
  private touchedBy = new Uint32Array(0);
  private searches = 0;

  constructor(
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {}

  get size(): number {
    return this.lengths.size;
  }

  private setLength(label: number, length: number): void {
    if (!Number.isInteger(label) || label < 0)
      throw new RangeError(`BM25 labels are whole numbers >= 0, not ${label}`);
    if (label >= this.lengthOf.length) {
      const n = Math.max(1024, label + 1, this.lengthOf.length * 2);
      const grown = new Int32Array(n);
      grown.set(this.lengthOf);
      this.lengthOf = grown;
      this.score = new Float64Array(n);
      this.touchedBy = new Uint32Array(n);
    }
    this.lengthOf[label] = length;
    this.lengths.set(label, length);
    this.totalLength += length;
  }

  add(label: number, text: string): void {
    this.remove([label]);
    const terms = contentTerms(text);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      let list = this.postings.get(term);
      if (!Array.isArray(list)) this.postings.set(term, (list = list ? Array.from(list) : []));
      list.push(label, n);
    }
    this.setLength(label, terms.length);
  }

  /** Removes passages; one pass over the postings however many labels go. */
  remove(labels: Iterable<number>): void {
    const gone = new Set<number>();
    for (const label of labels) {
      const len = this.lengths.get(label);
      if (len === undefined) continue;
      gone.add(label);
      this.lengths.delete(label);
      this.lengthOf[label] = 0;
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

  /** Every stemmed term the index holds. */
  vocabulary(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** How many passages hold `term`. */
  df(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  search(query: string, k: number): LexicalHit[] {
    return this.searchTerms(
      [...new Set(contentTerms(query))].map((term) => ({ term, weight: 1 })),
      k,
    );
  }

  /** BM25 with each term's contribution scaled by its weight; a term given twice counts once, at its best weight. */
  searchTerms(query: WeightedTerm[], k: number): LexicalHit[] {
    const weights = new Map<string, number>();
    for (const { term, weight } of query) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const avg = this.totalLength / Math.max(1, this.size);
    const { k1, b, lengthOf, score, touchedBy } = this;
    if (this.searches === 0xffffffff) {
      this.touchedBy.fill(0);
      this.searches = 0;
    }
    const search = ++this.searches;
    const touched: number[] = [];
    for (const [term, weight] of weights) {
      const list = this.postings.get(term);
      if (!list || weight <= 0) continue;
      const idf = this.idf(term) * weight;
      for (let i = 0; i < list.length; i += 2) {
        const label = list[i]!;
        const tf = list[i + 1]!;
        const s = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengthOf[label]!) / avg));
        // Summed term by term in query order, as the scores always were.
        if (touchedBy[label] === search) score[label]! += s;
        else {
          touchedBy[label] = search;
          score[label] = s;
          touched.push(label);
        }
      }
    }
    return topK(touched, score, k);
  }

  toFiles(): Bm25Files {
    const terms = [...this.postings.keys()];
    const counts = terms.map((t) => this.postings.get(t)!.length);
    const all = new Int32Array(counts.reduce((a, b) => a + b, 0));
    let at = 0;
    for (const t of terms) {
      const list = this.postings.get(t)!;
      all.set(list, at);
      at += list.length;
    }
    const postings = Buffer.from(all.buffer, all.byteOffset, all.byteLength);
    return { meta: { lengths: [...this.lengths], terms, counts }, postings };
  }

  /** Reads what toFiles wrote (or the older all-JSON form); throws when the postings do not fit the lengths. */
  static fromFiles(meta: Bm25Files["meta"], postings?: Buffer): Bm25Index {
    const index = new Bm25Index();
    for (const [label, len] of meta.lengths) index.setLength(label, len);
    if (meta.postings) {
      for (const [term, list] of Object.entries(meta.postings)) {
        checkPostings(term, list, index.lengthOf);
        index.postings.set(term, list);
      }
      return index;
    }
    const { terms, counts } = meta;
    const bytes = postings ?? Buffer.alloc(0);
    if (
      !terms ||
      !counts ||
      terms.length !== counts.length ||
      bytes.length !== 4 * counts.reduce((a, b) => a + b, 0)
    )
      throw new Error("bm25: the terms and their postings do not match");
    // Each term's list is a view of the file's bytes (copied once if they are not 4-byte aligned), and is copied
    // only when add() changes it. The bytes are what toFiles wrote (formats.ts checks their CRC), so they are
    // not checked posting by posting as the older JSON form is.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
    const all = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
    let at = 0;
    terms.forEach((term, i) => {
      index.postings.set(term, all.subarray(at, (at += counts[i]!)));
    });
    return index;
  }
}
