// What renderAnswer needs from the live index: human locations of quotes and the documents' titles.
import type { PassageIndex } from "../index/passage-index.js";
import type { AnswerView } from "./render-answer.js";
import { locate } from "./location.js";

export function answerView(index: PassageIndex, expanded?: AnswerView["expanded"]): AnswerView {
  return {
    locate: (c) => locate(index, c.docId, c.start),
    titles: index.documentIds().map((id) => index.document(id)?.title || id),
    ...(expanded ? { expanded } : {}),
  };
}
