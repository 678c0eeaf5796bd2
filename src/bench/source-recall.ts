// Does the hybrid retriever find the passage a question was made from? Its recall@k, at several HNSW search beams.
import type { Passage } from "../corpus/types.js";
import type { BenchQuery } from "./questions.js";
import { round3 } from "./stats.js";

export interface SourceRecall {
  efSearch: number;
  /** Share of the answerable questions whose source passage is among the hybrid's top k. */
  recallAtK: number;
}

/** The piece of the sentence looked for: a sentence cut by a passage boundary still has its start or its end. */
const PIECE = 40;

/** True when `passage` holds the sentence `q` was made from (its start or its end). */
export function holdsSource(passage: Passage, q: BenchQuery): boolean {
  const s = q.source;
  if (!s || passage.docId !== s.docId) return false;
  return passage.text.includes(s.sentence.slice(0, PIECE)) || passage.text.includes(s.sentence.slice(-PIECE));
}

/**
 * Asks `search` each question with a source at every beam of `beams` (set by `setEfSearch`), then puts the default
 * beam back.
 */
export async function sourceRecall(
  queries: readonly BenchQuery[],
  beams: readonly number[],
  setEfSearch: (ef: number) => void,
  search: (text: string) => Promise<Passage[]>,
  restore: number,
): Promise<SourceRecall[]> {
  const asked = queries.filter((q) => q.answerable && q.source);
  const out: SourceRecall[] = [];
  for (const efSearch of beams) {
    setEfSearch(efSearch);
    let found = 0;
    for (const q of asked) if ((await search(q.text)).some((p) => holdsSource(p, q))) found++;
    out.push({ efSearch, recallAtK: round3(found / Math.max(1, asked.length)) });
  }
  setEfSearch(restore);
  return out;
}
