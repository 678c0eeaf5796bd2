// A question read as the pipeline reads it, with its answer type set by the test and, for a count asked in English and
// given in Russian, the Russian forms retrieval would add to the counted noun.
import { type AnswerType, type Question, readQuestion } from "../../src/answer/question.js";
import { stem } from "../../src/text/tokenize.js";

export function asked(type: AnswerType, text: string, translations: string[] = []): Question {
  const q = { ...readQuestion(text), type };
  if (translations.length === 0) return q;
  const counted = q.asks.counted && stem(q.asks.counted);
  const term = q.terms.find(
    (t) => t.term === counted || (counted !== undefined && t.forms.includes(counted)),
  );
  if (!term) throw new Error(`"${text}" counts no noun of its own to translate`);
  return {
    ...q,
    terms: q.terms.map((t) => (t === term ? { ...t, forms: [...t.forms, ...translations] } : t)),
  };
}
