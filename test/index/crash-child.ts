// Child process for crash.test.ts: ingests CORPUS_DIR into INDEX_DIR and announces each phase on stdout
// ("progress DONE TOTAL", "save-start", "save-end MS", "done"), so that the parent can SIGKILL it at chosen moments.
import { loadConfig } from "../../src/config.js";
import { createEmbeddings } from "../../src/embeddings/providers.js";
import { ingest } from "../../src/index/ingest.js";
import { PassageIndex } from "../../src/index/passage-index.js";

const config = loadConfig();
const save = PassageIndex.prototype.save;
PassageIndex.prototype.save = async function (this: PassageIndex, indexDir: string) {
  console.log("save-start");
  const began = performance.now();
  await save.call(this, indexDir);
  console.log(`save-end ${performance.now() - began}`);
};

const { report } = await ingest({
  corpusDir: config.corpusDir,
  indexDir: config.indexDir,
  embeddings: await createEmbeddings(config),
  batchSize: 32,
  onProgress: (done, total) => console.log(`progress ${done} ${total}`),
});
console.log(`done ${report.passages}`);
