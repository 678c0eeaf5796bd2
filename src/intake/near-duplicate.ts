// Near-duplicates: how much of a new text's wording (word 3-shingles) a corpus document already holds.
import type { PassageIndex } from "../index/passage-index.js";

const K = 3;
/** "Most of it is already there": the share of the new text's shingles found in one document. */
export const NEAR_DUPLICATE_SHARE = 0.6;

export interface Overlap {
  docId: string;
  title: string;
  /** Share of the new text's shingles that the document contains (containment, 0..1). */
  containment: number;
  /** Jaccard similarity of the two shingle sets (0..1). */
  jaccard: number;
}

/** The text's word K-shingles: lowercased letters and digits, any script. */
export function shingles(text: string, k = K): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  if (words.length > 0 && words.length < k) out.add(words.join(" "));
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(" "));
  return out;
}

export function overlap(fresh: Set<string>, held: Set<string>): { containment: number; jaccard: number } {
  let shared = 0;
  for (const s of fresh) if (held.has(s)) shared++;
  const union = fresh.size + held.size - shared;
  return { containment: fresh.size ? shared / fresh.size : 0, jaccard: union ? shared / union : 0 };
}

/** Shingles of each indexed document, kept while its content hash stays the same. */
const cache = new Map<string, { hash: string; shingles: Set<string> }>();

function documentShingles(index: PassageIndex, docId: string): Set<string> {
  const entry = index.document(docId)!;
  const hit = cache.get(docId);
  if (hit?.hash === entry.hash) return hit.shingles;
  const text = entry.passageIds.map((id) => index.passageById(id)?.text ?? "").join("\n");
  const made = shingles(text);
  cache.set(docId, { hash: entry.hash, shingles: made });
  return made;
}

/** The document that holds most of `text`, when it holds at least `share` of it; undefined otherwise. */
export function nearDuplicateOf(
  index: PassageIndex,
  text: string,
  share = NEAR_DUPLICATE_SHARE,
): Overlap | undefined {
  const fresh = shingles(text);
  let best: Overlap | undefined;
  for (const docId of index.documentIds()) {
    const o = overlap(fresh, documentShingles(index, docId));
    if (o.containment >= share && (!best || o.containment > best.containment))
      best = { docId, title: index.document(docId)!.title, ...o };
  }
  return best;
}
