// Graph shards built in worker threads are the graphs the ingest's own thread would build, and a rebuild uses them.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/bench/corpus-generator.js";
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";
import type { EmbeddingsChoice } from "../../src/embeddings/providers.js";
import { ParallelGraphBuild } from "../../src/index/graph-build.js";
import { ingest, PARALLEL_BUILD_MIN } from "../../src/index/ingest.js";
import { PassageIndex } from "../../src/index/passage-index.js";
import { ShardedVectorIndex } from "../../src/index/sharded-vectors.js";
import { currentGeneration } from "../../src/index/storage.js";
import { localEmbeddings } from "../helpers/embeddings.js";
import { tempDir } from "../helpers/temp.js";
import { randomVectors } from "./vector-index.contract.js";

const DIM = 16;

describe("ParallelGraphBuild", { timeout: 60_000 }, () => {
  it("builds the same shards as adding on this thread, leaves out what was removed, and cleans up", async () => {
    const vectors = randomVectors(600, DIM);
    const parent = await tempDir();
    const build = await ParallelGraphBuild.start(parent, DIM, 2, { m: 8, efConstruction: 40 });
    const here = ShardedVectorIndex.create(DIM, 2, { m: 8, efConstruction: 40 });
    vectors.forEach((v, label) => {
      build.add(label, v);
      here.add(label, v);
    });
    build.remove(5);
    here.remove(5);
    const built = await build.finish();
    expect(built.size).toBe(599);
    for (const q of randomVectors(20, DIM, 99)) expect(built.search(q, 10)).toEqual(here.search(q, 10));
    expect(built.search(vectors[5]!, 3).map((h) => h.label)).not.toContain(5);
    expect(await readdir(parent)).toEqual([]);
  });

  it("is stopped by abort, its folder deleted", async () => {
    const parent = await tempDir();
    const build = await ParallelGraphBuild.start(parent, DIM, 2, {});
    build.add(0, randomVectors(1, DIM)[0]!);
    await build.abort();
    expect(await readdir(parent)).toEqual([]);
  });
});

describe("a rebuild of many passages", { timeout: 180_000 }, () => {
  it("embeds, builds postings and graph shards on worker threads: the index the ingest's own thread would build", async () => {
    const root = await tempDir();
    const corpusDir = path.join(root, "corpus");
    await generateCorpus({ corpusDir, passages: PARALLEL_BUILD_MIN + 100, seed: 5, queries: 10, warmup: 0 });
    // The local embeddings themselves go to the embedding workers; the counting wrapper is embedded here.
    const local = new LocalHashEmbeddings({ dimension: 64 });
    const onWorkers: EmbeddingsChoice = {
      provider: "local",
      model: local.model,
      revision: LocalHashEmbeddings.REVISION,
      embeddings: local,
    };
    const here = localEmbeddings(64);
    const indexDir = path.join(root, "index");
    const { index } = await ingest({ corpusDir, indexDir, embeddings: onWorkers, rebuild: true });
    const { index: reference } = await ingest({
      corpusDir,
      indexDir: path.join(root, "ref"),
      embeddings: here,
      rebuild: true,
    });
    expect(here.embedded.length).toBe(index.size);

    const files = await readdir((await currentGeneration(indexDir))!);
    expect(files.filter((f) => f.endsWith(".hnsw")).sort()).toEqual(["vectors.0.hnsw", "vectors.1.hnsw"]);
    expect(await readdir(indexDir)).not.toContainEqual(expect.stringMatching(/^\.tmp-/));
    const info = { provider: "local", model: local.model, revision: LocalHashEmbeddings.REVISION };
    const loaded = (await PassageIndex.load(indexDir, info))!;
    expect(loaded.vectorCount).toBe(index.vectorCount);
    for (const q of ["congress deputies", "сессия", "Ponomarev Warsaw 1995"]) {
      const v = await local.embedQuery(q);
      expect(index.vectorSearch(v, 10)).toEqual(reference.vectorSearch(v, 10));
      expect(loaded.vectorSearch(v, 10)).toEqual(index.vectorSearch(v, 10));
      expect(loaded.lexicalSearch(q, 10)).toEqual(reference.lexicalSearch(q, 10));
    }
  });
});
