// Turns sentence spans into numbered citations, and checks each against the document file as it is on disk now.
import { stat, readFile } from "node:fs/promises";
import path from "node:path";
import { lineAt, lineStarts, spanText } from "../corpus/passages.js";
import type { Passage, Span } from "../corpus/types.js";
import type { Citation } from "./answer.js";

/** The line of an absolute offset inside a passage (the passage knows the line it starts on). */
export function lineOf(passage: Passage, offset: number): number {
  return passage.line + lineAt(lineStarts(passage.text), offset - passage.start) - 1;
}

export function makeCitation(n: number, passage: Passage, span: Span, score: number): Citation {
  return {
    n,
    docId: passage.docId,
    title: passage.title,
    quote: spanText(passage, span),
    start: span.start,
    end: span.end,
    line: lineOf(passage, span.start),
    passageId: passage.passageId,
    score: Math.round(score * 1000) / 1000,
  };
}

/** Reads corpus files (cached by modification time) to confirm that quotes still match the source. */
export class SourceChecker {
  private readonly cache = new Map<string, { mtimeMs: number; text: string }>();

  constructor(private readonly corpusDir: string) {}

  private async text(docId: string): Promise<string | undefined> {
    const file = path.join(this.corpusDir, docId);
    try {
      const { mtimeMs } = await stat(file);
      const hit = this.cache.get(docId);
      if (hit && hit.mtimeMs === mtimeMs) return hit.text;
      const text = await readFile(file, "utf8");
      this.cache.set(docId, { mtimeMs, text });
      return text;
    } catch {
      return undefined;
    }
  }

  /** True when CORPUS_DIR/docId still holds `quote` at [start, end). */
  async holds(c: Pick<Citation, "docId" | "start" | "end" | "quote">): Promise<boolean> {
    const text = await this.text(c.docId);
    return text !== undefined && text.slice(c.start, c.end) === c.quote;
  }
}
