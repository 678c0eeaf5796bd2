// The yardstick for retrieval: plain BM25 over paragraphs (blank-line separated), stemmed words, no stop words.
import { contentTerms } from "../text/tokenize.js";
import type { DocSpan } from "./match.js";

const K1 = 1.2;
const B = 0.75;

interface Paragraph extends DocSpan {
  tf: Map<string, number>;
  length: number;
}

/** What every retriever of ours must beat by a margin: the eval reports its hit@k and MRR beside the pipeline's. */
export class ParagraphBm25 {
  private readonly paragraphs: Paragraph[] = [];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(docs: Iterable<[docId: string, text: string]>) {
    for (const [docId, text] of docs) {
      for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
        const terms = contentTerms(m[0]);
        if (terms.length === 0) continue;
        const tf = new Map<string, number>();
        for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
        this.paragraphs.push({ docId, start: m.index, end: m.index + m[0].length, tf, length: terms.length });
      }
    }
    this.avgLength = this.paragraphs.reduce((s, p) => s + p.length, 0) / Math.max(1, this.paragraphs.length);
  }

  /** The k best paragraphs for `query`, best first. */
  search(query: string, k: number): DocSpan[] {
    const n = this.paragraphs.length;
    const terms = [...new Set(contentTerms(query))];
    const scored = this.paragraphs.map((p) => {
      let score = 0;
      for (const t of terms) {
        const f = p.tf.get(t);
        if (!f) continue;
        const df = this.df.get(t)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * p.length) / this.avgLength));
      }
      return { p, score };
    });
    return scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map(({ p }) => ({ docId: p.docId, start: p.start, end: p.end }));
  }
}
