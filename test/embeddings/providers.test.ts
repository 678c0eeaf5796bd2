// Embeddings providers chosen by EMBEDDINGS_PROVIDER: openai and ollama over loopback servers, transformers' error path.
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createEmbeddings } from "../../src/embeddings/providers.js";
import { ConfigError, ProviderUnavailableError } from "../../src/errors.js";
import { ingest } from "../../src/index/ingest.js";
import { PassageIndex } from "../../src/index/passage-index.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import { writeDocs } from "../helpers/corpus.js";
import {
  type FakeServer,
  serverEmbedder,
  startOllamaServer,
  startOpenAiServer,
} from "../helpers/embedding-servers.js";
import { tempDir } from "../helpers/temp.js";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TEXTS = ["The congress opened in Warsaw.", "Конгресс открылся в Варшаве.", "Emoji 😀 too"];

function expectVectors(actual: number[][], texts: string[]): void {
  expect(actual).toHaveLength(texts.length);
  texts.forEach((t, i) => {
    const expected = serverEmbedder.embedText(t);
    expect(actual[i]).toHaveLength(expected.length);
    for (const [j, x] of actual[i]!.entries()) expect(x).toBeCloseTo(expected[j]!, 5);
  });
}

const sentInputs = (s: FakeServer) => s.requests.flatMap((r) => [r.body.input].flat().map(String));

const DOCS = {
  "warsaw.md": "# Warsaw session\n\nThe congress opened its fifth session in Warsaw on Wednesday.\n",
  "kursk.txt": "Partisan formations operated in the Kursk and Belgorod regions of Russia.\n",
  "ru/sessiya.md": "Конгресс народных депутатов провёл сессию в Варшаве.\n",
};

/** Ingests DOCS through `embeddings` and checks that vector search over the result finds the right documents. */
async function ingestAndSearch(config: ReturnType<typeof loadConfig>) {
  const corpusDir = await tempDir();
  const indexDir = await tempDir();
  await writeDocs(corpusDir, DOCS);
  const embeddings = await createEmbeddings(config);
  const { index, report } = await ingest({ corpusDir, indexDir, embeddings });
  expect(report.added.sort()).toEqual(Object.keys(DOCS).sort());
  expect(index.dimension).toBe(serverEmbedder.dimension);
  const loaded = await PassageIndex.load(indexDir, {
    provider: embeddings.provider,
    model: embeddings.model,
  });
  expect(loaded?.documentIds()).toEqual(Object.keys(DOCS).sort());
  const retriever = new HybridRetriever(() => loaded!, embeddings.embeddings);
  const [top] = await retriever.vectorSearch("Which regions did partisans operate in?", 3);
  expect(top?.passage.docId).toBe("kursk.txt");
  const [ru] = await retriever.vectorSearch("сессия конгресса", 3);
  expect(ru?.passage.docId).toBe("ru/sessiya.md");
}

describe("openai embeddings over a loopback server", () => {
  const configFor = (s: FakeServer) =>
    loadConfig({
      EMBEDDINGS_PROVIDER: "openai",
      EMBEDDINGS_MODEL: "text-embedding-3-small",
      OPENAI_BASE_URL: `${s.url}/v1`,
      OPENAI_API_KEY: "test",
    });

  it("sends the texts to POST /v1/embeddings and returns the server's vectors", async () => {
    server = await startOpenAiServer();
    const choice = await createEmbeddings(configFor(server));
    expect(choice).toMatchObject({ provider: "openai", model: "text-embedding-3-small" });
    expectVectors(await choice.embeddings.embedDocuments(TEXTS), TEXTS);
    expectVectors([await choice.embeddings.embedQuery("a question")], ["a question"]);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    for (const r of server.requests) {
      expect(r).toMatchObject({ method: "POST", path: "/v1/embeddings" });
      expect(r.headers.authorization).toBe("Bearer test");
      expect(r.body.model).toBe("text-embedding-3-small");
    }
    expect(sentInputs(server)).toEqual([...TEXTS, "a question"]);
  });

  it("builds a working index through ingest", async () => {
    server = await startOpenAiServer();
    await ingestAndSearch(configFor(server));
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it("needs a key or a base URL", async () => {
    const err = await createEmbeddings(loadConfig({ EMBEDDINGS_PROVIDER: "openai" })).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain("OPENAI_API_KEY");
  });
});

describe("ollama embeddings over a loopback server", () => {
  const configFor = (s: FakeServer) =>
    loadConfig({
      EMBEDDINGS_PROVIDER: "ollama",
      EMBEDDINGS_MODEL: "nomic-embed-text",
      OLLAMA_BASE_URL: s.url,
    });

  it("sends the texts to POST /api/embed and returns the server's vectors", async () => {
    server = await startOllamaServer();
    const choice = await createEmbeddings(configFor(server));
    expect(choice).toMatchObject({ provider: "ollama", model: "nomic-embed-text" });
    expectVectors(await choice.embeddings.embedDocuments(TEXTS), TEXTS);
    expectVectors([await choice.embeddings.embedQuery("a question")], ["a question"]);
    for (const r of server.requests) {
      expect(r).toMatchObject({ method: "POST", path: "/api/embed" });
      expect(r.body.model).toBe("nomic-embed-text");
    }
    expect(sentInputs(server)).toEqual([...TEXTS, "a question"]);
  });

  it("builds a working index through ingest", async () => {
    server = await startOllamaServer();
    await ingestAndSearch(configFor(server));
    expect(server.requests.length).toBeGreaterThan(0);
  });
});

describe("transformers embeddings", () => {
  it("is not installed here, so the test below exercises the missing-package path", () => {
    const require = createRequire(path.resolve(import.meta.dirname, "../../package.json"));
    expect(() => require.resolve("@huggingface/transformers")).toThrow();
  });

  it("rejects with ProviderUnavailableError naming the package to install", async () => {
    const err = await createEmbeddings(loadConfig({ EMBEDDINGS_PROVIDER: "transformers" })).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderUnavailableError);
    expect(err.provider).toBe("transformers");
    expect(err.message).toContain("@huggingface/transformers");
    expect(err.message).toContain("EMBEDDINGS_PROVIDER=local");
  });
});

describe("local embeddings", () => {
  it("is the default, hash-512", async () => {
    const choice = await createEmbeddings(loadConfig({}));
    expect(choice).toMatchObject({ provider: "local", model: "hash-512" });
    expect(await choice.embeddings.embedQuery("congress")).toHaveLength(512);
  });

  it("refuses a model name it cannot build, naming EMBEDDINGS_MODEL", async () => {
    for (const model of ["text-embedding-3-small", "hash-8", "hash-x"]) {
      const err = await createEmbeddings(loadConfig({ EMBEDDINGS_MODEL: model })).catch((e) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.message).toContain("EMBEDDINGS_MODEL");
      expect(err.message).toContain("hash-512");
    }
  });
});
