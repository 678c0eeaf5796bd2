// What the WordNet look-ups read: per lemma its synsets, per lemma its tag count, per stem the nouns it heads. Two
// sources give it: WordNet's own files (wordnet-files.ts, about a second to read) and their snapshot
// (wordnet-snapshot.ts, milliseconds).

export const PARTS = ["noun", "verb", "adj", "adv"] as const;
export type Part = (typeof PARTS)[number];

/** A lemma's synsets in one part of speech: byte offsets in data.<part>, most frequent sense first. */
export interface PartOffsets {
  part: Part;
  offsets: number[];
}

export interface WordNetData {
  /** The folder of WordNet's data.<part> files, read line by line at the offsets. */
  readonly dir: string;
  /** A lemma's synsets per part of speech (noun, verb, adj, adv order); undefined when WordNet lacks the lemma. */
  synsets(lemma: string): readonly PartOffsets[] | undefined;
  /** How often a single-word lemma was tagged in WordNet's semantic concordance; undefined when never. */
  tagCount(lemma: string): number | undefined;
  /** The nouns whose first sense's gloss is headed by a word of this stem (`glossKinds`); undefined when none. */
  kinds(stem: string): readonly string[] | undefined;
}

/** The full tables, as read from WordNet's files: what a snapshot stores. */
export interface WordNetTables {
  synsets: Map<string, PartOffsets[]>;
  tagCounts: Map<string, number>;
  kinds: Map<string, string[]>;
}
