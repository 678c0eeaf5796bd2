// SIGKILL at any moment of an ingest leaves a loadable index: the previous state or the new one, never a mix.
import { type ChildProcess, spawn } from "node:child_process";
import { cp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { LocalHashEmbeddings } from "../../src/embeddings/local.js";
import { ingest } from "../../src/index/ingest.js";
import { PassageIndex } from "../../src/index/passage-index.js";
import { generatedCorpus, writeDocs } from "../helpers/corpus.js";
import { localEmbeddings } from "../helpers/embeddings.js";
import { tempDir } from "../helpers/temp.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD = path.join(import.meta.dirname, "crash-child.ts");
/** A small dimension keeps each run short; what is tested does not depend on it. */
const DIMENSION = 64;
const INFO = { provider: "local", model: `hash-${DIMENSION}`, revision: LocalHashEmbeddings.REVISION };

/** Both states share a big base; the new one drops three documents, changes one and adds a thousand passages. */
const BASE = generatedCorpus("base", 20, 100); // 2,000 passages
const OLD = {
  ...BASE,
  ...generatedCorpus("old", 3, 10),
  "shared.md": "This document never changes. It mentions the steadfast archive.\n",
  "changed.md": "The first version talks about the versionone manifesto.\n",
};
const NEW = {
  ...BASE,
  ...generatedCorpus("new", 20, 50),
  "shared.md": OLD["shared.md"],
  "changed.md": "The second version talks about the versiontwo charter instead.\n",
};

interface Run {
  lines: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  /** The last phase line seen before the process ended. */
  killedAfter?: string;
}

/** Runs the child ingest; `onLine` may call `kill()` to SIGKILL it. */
function runChild(
  corpusDir: string,
  indexDir: string,
  onLine: (line: string, kill: () => void) => void = () => undefined,
): Promise<Run> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", CHILD], {
    cwd: ROOT,
    env: {
      ...process.env,
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      EMBEDDINGS_PROVIDER: "local",
      EMBEDDINGS_MODEL: INFO.model,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: Run = { lines: [], signal: null, code: null };
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) {
      run.killedAfter = run.lines.at(-1);
      child.kill("SIGKILL");
    }
  };
  createInterface({ input: child.stdout! }).on("line", (line) => {
    run.lines.push(line);
    onLine(line, kill);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      run.code = code;
      run.signal = signal;
      if (code !== 0 && signal !== "SIGKILL") reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve(run);
    });
  });
}

/** Loads the index and checks it is exactly the old or the new state, and that search works on it. */
async function expectOldOrNew(
  indexDir: string,
  expected: Record<"old" | "new", { ids: string[]; passages: number }>,
) {
  const index = await PassageIndex.load(indexDir, INFO);
  expect(index).toBeDefined();
  const ids = index!.documentIds();
  const state = JSON.stringify(ids) === JSON.stringify(expected.old.ids) ? "old" : "new";
  expect(ids).toEqual(expected[state].ids);
  expect(index!.size).toBe(expected[state].passages);

  const docOf = (label: number) => index!.passage(label)!.docId;
  const version = state === "old" ? "versionone" : "versiontwo";
  const gone = state === "old" ? "versiontwo" : "versionone";
  expect(index!.lexicalSearch(version, 5).map((h) => docOf(h.label))).toEqual(["changed.md"]);
  expect(index!.lexicalSearch(gone, 5)).toEqual([]);
  const [word, doc] = state === "old" ? ["oldword2", "old-002.md"] : ["newword17", "new-017.md"];
  expect(docOf(index!.lexicalSearch(word, 1)[0]!.label)).toBe(doc);
  const query = await new LocalHashEmbeddings({ dimension: DIMENSION }).embedQuery(
    `${word} steadfast archive`,
  );
  const hits = index!.vectorSearch(query, 10);
  expect(hits).toHaveLength(10);
  for (const h of hits) expect(ids).toContain(docOf(h.label));
  return state;
}

describe("SIGKILL during ingest", () => {
  it("leaves the previous or the new index loadable, at every moment tried", {
    timeout: 240_000,
  }, async () => {
    const corpusDir = await tempDir();
    const indexDir = await tempDir();
    const pristine = await tempDir();
    await writeDocs(corpusDir, OLD);
    const old = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(DIMENSION) });
    await cp(indexDir, pristine, { recursive: true });
    for (const docId of Object.keys(OLD)) if (!(docId in NEW)) await rm(path.join(corpusDir, docId));
    await writeDocs(corpusDir, NEW);
    const reset = async () => {
      await rm(indexDir, { recursive: true, force: true });
      await cp(pristine, indexDir, { recursive: true });
    };

    // An undisturbed run gives the new state, and says how long its save takes.
    const calibration = await runChild(corpusDir, indexDir);
    const doneLine = calibration.lines.find((l) => l.startsWith("done "));
    expect(doneLine).toBeDefined();
    const saveMs = Number(calibration.lines.find((l) => l.startsWith("save-end "))!.split(" ")[1]);
    const expected = {
      old: { ids: old.index.documentIds(), passages: old.report.passages },
      new: { ids: Object.keys(NEW).sort(), passages: Number(doneLine!.split(" ")[1]) },
    };
    expect(await expectOldOrNew(indexDir, expected)).toBe("new");

    const progressAt = (fraction: number) => (line: string, kill: () => void) => {
      const [tag, done, total] = line.split(" ");
      if (tag === "progress" && Number(done) >= fraction * Number(total)) kill();
    };
    const afterSaveStarts = (delayMs: number) => (line: string, kill: () => void) => {
      if (line === "save-start") delayMs === 0 ? kill() : setTimeout(kill, delayMs);
    };
    /** Kills as soon as the new generation's folder (temporary or renamed) shows up in INDEX_DIR. */
    const before = new Set(await readdir(pristine));
    const whenNewFolderAppears = (line: string, kill: () => void) => {
      if (line !== "save-start") return;
      const poll = async (): Promise<void> => {
        const entries = await readdir(indexDir).catch(() => []);
        if (entries.some((e) => !before.has(e))) kill();
        else setImmediate(poll);
      };
      void poll();
    };

    const [fraction, delay1, delay2] = [Math.random(), Math.random() * saveMs, Math.random() * saveMs];
    const plans: [string, (line: string, kill: () => void) => void][] = [
      ["while embedding, a quarter through", progressAt(0.25)],
      [`while embedding, ${(fraction * 100).toFixed(0)}% through`, progressAt(fraction)],
      ["as the save starts", afterSaveStarts(0)],
      ["when the new generation's folder appears", whenNewFolderAppears],
      [`${delay1.toFixed(1)} ms into the save`, afterSaveStarts(delay1)],
      [`${delay2.toFixed(1)} ms into the save`, afterSaveStarts(delay2)],
    ];
    const outcomes: string[] = [];
    for (const [name, plan] of plans) {
      await reset();
      const run = await runChild(corpusDir, indexDir, plan);
      const state = await expectOldOrNew(indexDir, expected);
      outcomes.push(`${name}: ${run.signal ?? "exited"} after ${run.killedAfter ?? "the end"} -> ${state}`);
      if (run.killedAfter?.startsWith("progress")) expect(state, name).toBe("old");
    }
    // The save itself was interrupted at least once (not only the embedding before it).
    expect(
      outcomes.filter((o) => o.includes("SIGKILL after save-start")).length,
      outcomes.join("\n"),
    ).toBeGreaterThan(0);

    // After a crash, the next ingest finishes the job and clears what the killed run left behind.
    const { report } = await ingest({ corpusDir, indexDir, embeddings: localEmbeddings(DIMENSION) });
    expect(report.passages).toBe(expected.new.passages);
    expect(await expectOldOrNew(indexDir, expected)).toBe("new");
    const left = await readdir(indexDir);
    expect(left.filter((e) => e !== "CURRENT")).toHaveLength(1);
  });
});
