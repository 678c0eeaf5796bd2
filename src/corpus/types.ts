// The shapes of documents and passages. Offsets are UTF-16 code units into the file's full text (JavaScript string indices).

export interface Span {
  start: number;
  end: number;
}

export interface CorpusDocument {
  /** Path relative to the corpus folder, with forward slashes. */
  docId: string;
  title: string;
  /** The whole file as UTF-8 text, front matter included: offsets point into this. */
  text: string;
  /** sha256 of the file's bytes. */
  hash: string;
  /** Front matter fields, when the file has them. */
  meta: Record<string, unknown>;
  /** Where the body starts (after front matter). */
  bodyStart: number;
}

export interface Passage extends Span {
  /** Stable: derived from docId, offsets and content. */
  passageId: string;
  docId: string;
  title: string;
  /** text === document.text.slice(start, end) */
  text: string;
  /** 1-based line of `start`. */
  line: number;
  /** Nearest section heading above or at the passage, or "" */
  heading: string;
  /** Sentence spans (absolute offsets), in order, all inside [start, end). */
  sentences: Span[];
}
