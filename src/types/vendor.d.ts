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
