// Local embeddings wrapped so that a test can count how many texts were embedded.
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";
import type { EmbeddingsChoice } from "../../src/embeddings/providers.js";

export interface CountingChoice extends EmbeddingsChoice {
  /** Texts passed to embedDocuments so far. */
  embedded: string[];
}

export function localEmbeddings(dimension = 512): CountingChoice {
  const inner = new LocalHashEmbeddings({ dimension });
  const choice: CountingChoice = {
    provider: "local",
    model: inner.model,
    revision: LocalHashEmbeddings.REVISION,
    embedded: [],
    embeddings: {
      embedDocuments: async (texts) => {
        choice.embedded.push(...texts);
        return inner.embedDocuments(texts);
      },
      embedQuery: (text) => inner.embedQuery(text),
    },
  };
  return choice;
}
