// `npm run ingest -- [--rebuild]`: brings the index up to date with the corpus, with a progress bar on a terminal.
import cliProgress from "cli-progress";
import { createEmbeddings } from "../embeddings/providers.js";
import { ingest } from "../index/ingest.js";
import { parseCli } from "./args.js";
import { runCli } from "./run.js";

runCli(async ({ config, log }) => {
  const { values } = parseCli(
    { rebuild: { type: "boolean", default: false } },
    "npm run ingest -- [--rebuild]",
  );
  const embeddings = await createEmbeddings(config);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic)
    : undefined;
  let lastLogged = 0;
  const onProgress = (done: number, total: number) => {
    if (bar) {
      if (done === 0) bar.start(total, 0);
      else bar.update(done);
    } else if (total > 0 && (done === total || done - lastLogged >= 1000)) {
      lastLogged = done;
      log.info(`embedded ${done}/${total} passages`);
    }
  };
  const { report } = await ingest({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    embeddings,
    rebuild: values.rebuild,
    onProgress,
    log,
  });
  bar?.stop();
  if (report.upToDate) {
    console.log(
      `Index is up to date: ${report.unchanged} documents, ${report.passages} passages (${report.ms.toFixed(0)} ms).`,
    );
  } else {
    console.log(
      `Indexed ${config.corpusDir} into ${config.indexDir}: ${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.unchanged} unchanged; ${report.embedded} passages embedded, ${report.passages} in the index (${report.ms.toFixed(0)} ms).`,
    );
  }
  return 0;
});
