// The Answer contract (../shared/CONTRACTS.md): what `ask --json` prints and what the bot renders.

export interface Citation {
  n: number;
  docId: string;
  title: string;
  /** Exactly text.slice(start, end) of CORPUS_DIR/docId. */
  quote: string;
  start: number;
  end: number;
  /** 1-based line of start. */
  line: number;
  passageId: string;
  score: number;
}

export interface PassageRef {
  passageId: string;
  docId: string;
  start: number;
  end: number;
  score: number;
  title?: string;
  line?: number;
}

export interface Answer {
  question: string;
  answer: string;
  abstained: boolean;
  mode: "extractive" | "llm";
  citations: Citation[];
  passages: PassageRef[];
  timings: { retrieveMs: number; answerMs: number; totalMs: number };
  /** In LLM mode, set when the model's answer could not be verified and the extractive answer or an abstention was used instead. */
  fallback?: "extractive" | "abstain";
  /** Set when abstained and citations are offered as related passages only. */
  related?: boolean;
  /**
   * Extractive answers: the short answer the first cited sentence gives, where the question asks for a name, a place,
   * a date or a number and one fits ("Ilya Ponomarev", "9 to 11 June 2023"); `answer` keeps the sentences.
   */
  lead?: string;
  /** Extractive answers: the answer scorer's probability (0..1) that the documents answer the question. */
  confidence?: number;
  /**
   * Extractive answers given though answers as sure were right less than half the time on corpora the scorer had not
   * seen (confidence under the fitted `hedge`): say them as the nearest the documents come, not as the answer.
   */
  tentative?: boolean;
  /** Why LLM fallback happened, or other notes for the reader. */
  note?: string;
}

/**
 * The short answer a reply leads with, and the answer's marks after it ("Ilya Ponomarev", "[1]"); undefined when the
 * answer abstains or has no lead. Its sentences are then shown as the quotes under it.
 */
export function leadOf(a: Answer): { text: string; marks: string } | undefined {
  if (a.abstained || a.lead === undefined) return undefined;
  return { text: a.lead, marks: [...new Set(a.answer.match(/\[\d+\]/g) ?? [])].join("") };
}
