// Type declarations for small packages that ship none.
declare module "snowball-stemmers" {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): Stemmer; algorithms(): string[] };
  export default snowball;
}

declare module "stopword" {
  export const eng: string[];
  export const rus: string[];
  export const ukr: string[];
}

declare module "synonyms" {
  interface Synonyms {
    (word: string): Record<string, string[]> | undefined;
    (word: string, pos: "n" | "v" | "s" | "r"): string[] | undefined;
    /** Headword → part of speech → synonyms (the headword first). */
    dictionary: Record<string, Record<string, string[]>>;
  }
  const synonyms: Synonyms;
  export default synonyms;
}

declare module "write-file-atomic" {
  /** Writes to a temporary file beside `file`, fsyncs it, then renames it over `file`. */
  function writeFileAtomic(
    file: string,
    data: string | Uint8Array,
    options?: { fsync?: boolean },
  ): Promise<void>;
  export default writeFileAtomic;
}

declare module "az" {
  /** A grammeme set: each grammeme present is a true property ("Name", "Surn", "Patr", "Geox", "Orgn", "NOUN"…). */
  interface Tag {
    readonly [grammeme: string]: unknown;
    toString(): string;
  }
  interface Parse {
    tag: Tag;
    score: number;
    word: string;
    /** The parse of the word's dictionary form ("вести" of "вёл"). */
    normalize(): Parse;
    /** A dictionary parse's number of forms in its paradigm. */
    formCnt?: number;
    /** A dictionary parse's form of that number in its paradigm; false when there is none. */
    inflect(form: number): Parse | false;
  }
  interface MorphOptions {
    parsers?: string[];
    typos?: number;
    stutter?: number;
  }
  interface Morph {
    (word: string, options?: MorphOptions): Parse[];
    init(path: string, callback: (error: Error | null) => void): void;
  }
  const Az: {
    Morph: Morph;
    load(
      url: string,
      responseType: "json" | "arraybuffer",
      callback: (error: Error | null, data?: unknown) => void,
    ): void;
  };
  export default Az;
}
