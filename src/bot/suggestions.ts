// Questions the documents do answer, offered when an answer abstains: made from the documents' section headings and
// titles, and kept only when the pipeline answers them. Worked out once per index and language, on first need or
// when warmed after start.
import type { AnswerPipeline } from "../answer/pipeline.js";
import type { PassageIndex } from "../index/passage-index.js";
import type { Logger } from "../logger.js";
import type { Lang } from "./i18n.js";

/** How many are offered. */
export const SUGGESTED = 2;
/** At most this many candidates are asked per language: each costs a question's answering time. */
const MAX_TRIED = 12;
/** A heading longer than this is likely a sentence the splitter took for one. */
const MAX_HEADING = 80;

const TEMPLATE: Record<Lang, (topic: string) => string> = {
  en: (topic) => `What is known about “${topic}”?`,
  ru: (topic) => `Что известно о «${topic}»?`,
};

interface Candidate {
  docId: string;
  question: string;
}

type IndexView = Pick<PassageIndex, "documentIds" | "document" | "passage">;

/** Per document, its distinct section headings in order, then its title: one question each. */
export function candidateQuestions(index: IndexView, lang: Lang): Candidate[] {
  const perDocument = index.documentIds().map((docId) => {
    const entry = index.document(docId);
    const headings = new Set<string>();
    for (const label of entry?.labels ?? []) {
      const heading = index.passage(label)?.heading.trim();
      if (heading && heading.length <= MAX_HEADING && heading !== entry?.title) headings.add(heading);
    }
    const topics = [...headings, ...(entry?.title ? [entry.title] : [])];
    return topics.map((topic) => ({ docId, question: TEMPLATE[lang](topic) }));
  });
  // Round robin over the documents: the first tries reach as many documents as there are.
  const out: Candidate[] = [];
  for (let i = 0; out.length < MAX_TRIED && perDocument.some((list) => i < list.length); i++)
    for (const list of perDocument) if (i < list.length && out.length < MAX_TRIED) out.push(list[i]!);
  return out;
}

export class Suggestions {
  private readonly byIndex = new WeakMap<IndexView, Map<Lang, Promise<string[]>>>();

  constructor(
    private readonly pipeline: Pick<AnswerPipeline, "ask">,
    private readonly kb: { index(): IndexView },
  ) {}

  /** Up to two questions the live index answers, in the user's language, from different documents when it can. */
  for(lang: Lang): Promise<string[]> {
    const index = this.kb.index();
    let byLang = this.byIndex.get(index);
    if (!byLang) this.byIndex.set(index, (byLang = new Map()));
    let found = byLang.get(lang);
    if (!found) {
      const cache = byLang;
      // A failure is not kept: the next abstention tries again.
      found = this.find(index, lang).catch((e: unknown) => {
        cache.delete(lang);
        throw e;
      });
      cache.set(lang, found);
    }
    return found;
  }

  /** Works them out now for every language, so that the first abstention does not wait for them. */
  async warm(log: Logger): Promise<void> {
    const started = performance.now();
    try {
      for (const lang of ["en", "ru"] as const) await this.for(lang);
      log.debug(`suggested questions worked out in ${(performance.now() - started).toFixed(0)} ms`);
    } catch (e) {
      log.warn(`could not work out the suggested questions: ${(e as Error).message}`);
    }
  }

  private async find(index: IndexView, lang: Lang): Promise<string[]> {
    const answered: (Candidate & { confidence: number })[] = [];
    for (const candidate of candidateQuestions(index, lang)) {
      // Extractive: checking a suggestion never calls a configured LLM.
      const answer = await this.pipeline.ask(candidate.question, { mode: "extractive" });
      if (!answer.abstained) answered.push({ ...candidate, confidence: answer.confidence ?? 0 });
    }
    answered.sort((a, b) => b.confidence - a.confidence);
    // The surest of each document first, then the rest.
    const firsts = answered.filter((a, i) => answered.findIndex((b) => b.docId === a.docId) === i);
    const rest = answered.filter((a) => !firsts.includes(a));
    return [...firsts, ...rest].slice(0, SUGGESTED).map((a) => a.question);
  }
}
