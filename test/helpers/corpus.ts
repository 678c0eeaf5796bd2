// Writes documents into a temporary corpus folder.
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export async function writeDocs(corpusDir: string, docs: Record<string, string>): Promise<void> {
  for (const [docId, text] of Object.entries(docs)) {
    const file = path.join(corpusDir, docId);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

/** An evaluation corpus's documents (`test/eval/dev/d10`, `test/eval/held-out/set2`), for a test's own temporary corpus. */
export function evalCorpus(set: string, kind: "dev" | "held-out" = "dev"): Record<string, string> {
  const dir = path.resolve(import.meta.dirname, `../eval/${kind}/${set}/corpus`);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

/** The project's seed article, read-only. */
export const SEED_CORPUS = path.resolve(import.meta.dirname, "../../corpus");
export const SEED_DOC = "congress-fifth-session-warsaw.md";

const FILLER = [
  "congress",
  "deputies",
  "session",
  "resolution",
  "parliament",
  "committee",
  "delegates",
  "framework",
  "transition",
  "institutions",
  "Варшава",
  "сессия",
  "депутаты",
];

/**
 * A generated corpus of `docs` documents with `paragraphs` paragraphs of about 600 characters each (about one
 * passage per paragraph). Each document contains the unique word `${tag}word${i}`, to tell documents apart.
 */
export function generatedCorpus(tag: string, docs: number, paragraphs: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let d = 0; d < docs; d++) {
    const paras: string[] = [];
    for (let p = 0; p < paragraphs; p++) {
      const words: string[] = [];
      for (let w = 0; words.join(" ").length < 580; w++)
        words.push(FILLER[(d * 7 + p * 3 + w * 5) % FILLER.length]!);
      paras.push(`Paragraph ${p} of ${tag}word${d}: ${words.join(" ")}.`);
    }
    out[`${tag}-${String(d).padStart(3, "0")}.md`] = `# ${tag} document ${d}\n\n${paras.join("\n\n")}\n`;
  }
  return out;
}
