// `npm run fit`: asks every development set's questions, records each candidate sentence's features, fits the answer
// scorer one corpus out at a time, prints what it would do on unseen corpora, and writes src/answer/model/weights.json.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PassageTrace, TraceEntry } from "../answer/pipeline.js";
import { PASSAGE_FEATURES } from "../answer/rerank.js";
import type { Span } from "../corpus/types.js";
import { FEATURES } from "../answer/features.js";
import { Scorer, type ScorerWeights } from "../answer/scorer.js";
import { CorpusTexts } from "../eval/corpus-texts.js";
import {
  chooseHedge,
  chooseThresholdOutOfFold,
  chooseVetoes,
  crossValidateRanking,
  fitRanker,
  fitTwoStage,
  type Group,
  objective,
  outcomes,
  outOfFold,
  type HeldModel,
  holding,
  PLAIN_PRECISION,
  pickWeight,
  type TwoStage,
  validate,
} from "../eval/fit.js";
import { coversAny } from "../eval/match.js";
import { loadQuestionSet } from "../eval/questions.js";
import { askInConversation } from "../eval/runner.js";
import { parseCli } from "./args.js";
import { runCli } from "./run.js";
import { scratchConfig } from "./scratch.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEIGHTS = path.join(ROOT, "src/answer/model/weights.json");

/** The sets the scorer learns from. Never the blind set: only its summary figures are ever read. */
export const TRAINING_SETS = [
  ["project", "corpus", "test/eval/questions.json"],
  ...["set1", "set2", "set3", "set4"].map((s) => [
    s,
    `test/eval/held-out/${s}/corpus`,
    `test/eval/held-out/${s}/questions.json`,
  ]),
  ...["d1", "d2", "d3", "d4", "d5", "d6", "d7"].map((s) => [
    s,
    `test/eval/dev/${s}/corpus`,
    `test/eval/dev/${s}/questions.json`,
  ]),
] as const;

/** Binary features that may rule a candidate out altogether. */
const VETOABLE = [
  "termUnknown",
  "typeMissing",
  "attributeMissing",
  "responseMissing",
  "numberMissing",
  "ordinalMissing",
  "nameElsewhere",
  "picksAnother",
];

const USAGE = "npm run fit -- [--l2 N] [--vetoes a,b] [--only a,b] [--pick a] [--passages-only] [--dry-run]";

runCli(async ({ config, log }) => {
  const { values } = parseCli(
    {
      l2: { type: "string", default: "1" },
      "dry-run": { type: "boolean", default: false },
      "passages-only": { type: "boolean", default: false },
      vetoes: { type: "string" },
      only: { type: "string" },
      pick: { type: "string" },
    },
    USAGE,
  );
  const l2 = Number(values.l2);
  const { buildApp } = await import("../app.js");
  type Recorded = { sentences: Group[]; passages: Group[] };
  /** Asks every training question with `scorer`, recording each part's candidate sentences and the retrieval pool. */
  const record = async (scorer: Scorer): Promise<Recorded> => {
    const recorded: Recorded = { sentences: [], passages: [] };
    for (const [name, corpusDir, questionsFile] of TRAINING_SETS) {
      const corpus = await CorpusTexts.load(path.join(ROOT, corpusDir));
      const set = await loadQuestionSet(path.join(ROOT, questionsFile), corpus);
      const scratch = await scratchConfig(config, path.join(ROOT, corpusDir));
      try {
        const app = await buildApp({ ...scratch.config, LLM_PROVIDER: "none" }, log, { scorer });
        for (const q of set.questions) {
          const traced: TraceEntry[] = [];
          let pool: PassageTrace | undefined;
          await askInConversation(app.pipeline, q, {
            mode: "extractive",
            trace: (t) => traced.push(t),
            tracePassages: (t) => {
              pool = t;
            },
          });
          const evidence = q.answerable ? q.evidence.flatMap((e) => corpus.occurrences(e)) : [];
          const covers = (docId: string, span: Span) =>
            evidence.length > 0 && coversAny({ docId, ...span }, evidence);
          const group = (features: number[][], labels: boolean[]): Group => ({
            corpus: name,
            questionId: q.id,
            answerable: q.answerable,
            features,
            labels,
          });
          for (const t of traced) {
            if (t.candidates.length === 0) continue;
            const labels = t.candidates.map((c) => covers(c.evidence.passage.docId, c.evidence.span));
            recorded.sentences.push(
              group(
                t.candidates.map((c) => c.features),
                labels,
              ),
            );
          }
          // (The last pool traced is the question's own: its history's come first.)
          if (pool && evidence.length > 0)
            recorded.passages.push(
              group(
                pool.features,
                pool.pool.map((r) => covers(r.passage.docId, r.passage)),
              ),
            );
        }
      } finally {
        await scratch.cleanup();
      }
      const parts = recorded.sentences.filter((g) => g.corpus === name).length;
      process.stderr.write(`${name}: ${parts} question parts\n`);
    }
    return recorded;
  };

  if (values.pick !== undefined) {
    if (!values.pick) throw new Error("--pick names a feature: npm run fit -- --pick repeatsPrevious");
    if (values.only || values.vetoes || values["passages-only"])
      throw new Error(
        "--pick holds every other weight as committed: leave out --only, --vetoes and --passages-only",
      );
    return pickOne(values.pick, values["dry-run"], record);
  }
  if (values.only) {
    if (values.vetoes || values["passages-only"])
      throw new Error(
        "--only holds the vetoes and the passage ranker as committed: leave out --vetoes and --passages-only",
      );
    return fitOnly(values.only.split(","), l2, values["dry-run"], record);
  }
  // First the passage ranker, from pools retrieval alone ordered; then the sentences are read from the passages it
  // ranks first, as the pipeline will read them.
  const base = baseWeights();
  process.stderr.write("Recording the retrieval pools…\n");
  const { passages } = await record(new Scorer(base));
  const ranking = crossValidateRanking(passages, RANKED, l2);
  const passageRanker = fitRanker(passages, l2);
  const passageWeights = { features: [...PASSAGE_FEATURES], ranker: passageRanker.map(round) };
  const rankingLines = [
    `Passages re-ranked, left out one corpus at a time (hit@${RANKED} / MRR; the pool's own order):`,
    ...ranking.map(
      (r) =>
        `  ${r.corpus.padEnd(8)} ${fmt(r.hitAtK)} / ${fmt(r.mrr)}   (${fmt(r.poolHitAtK)} / ${fmt(r.poolMrr)})  ${r.questions} questions`,
    ),
    "Passage weights:",
    ...PASSAGE_FEATURES.map((f, i) => `  ${f.padEnd(18)} ${passageRanker[i]!.toFixed(3).padStart(7)}`),
  ];
  const passagesRanked = byCorpus(ranking);
  if (values["passages-only"]) {
    // The answer scorer stays as committed: only the passage ranker is fitted and written.
    process.stdout.write(`${rankingLines.join("\n")}\n`);
    if (values["dry-run"]) return 0;
    const committed = readCommitted();
    const fitted = {
      ...(committed.fitted ?? {}),
      passagesRanked,
      passagesFitted: "npm run fit -- --passages-only",
    };
    await writeWeights({ ...committed, passages: passageWeights, fitted });
    return 0;
  }
  process.stderr.write("Recording the candidate sentences…\n");
  const { sentences: groups } = await record(new Scorer({ ...base, passages: passageWeights }));

  // FIT_DUMP=FILE keeps the recorded candidates (features and labels) for analysis outside.
  if (process.env.FIT_DUMP) await writeFile(process.env.FIT_DUMP, JSON.stringify(groups));
  // Rules that were gates before: each may rule a candidate out, if leaving one corpus out says it helps.
  const vetoable = FEATURES.flatMap((f, i) => (VETOABLE.includes(f.name) ? [i] : []));
  const forced = values.vetoes?.split(",").map((name) => FEATURES.findIndex((f) => f.name === name));
  if (forced?.some((i) => i < 0)) throw new Error(`--vetoes: names one of ${VETOABLE.join(", ")}`);
  // Weights picked by `--pick` stay as they are; every other is fitted, the vetoes chosen with them held too.
  const picks = heldPicks();
  const held = picks?.held;
  const chosen = forced ? undefined : chooseVetoes(groups, vetoable, l2, held);
  const vetoes = forced ?? chosen!.vetoes;
  // Each corpus's model fitted without it, once: for the cross-validated figures, the threshold and the hedge.
  const folds = outOfFold(groups, l2, vetoes, held);
  const cv = validate(folds);
  const steps = chosen?.steps ?? [objective(cv)];
  const model = fitTwoStage(groups, l2, vetoes, held);
  const threshold = chooseThresholdOutOfFold(folds);
  const hedge = chooseHedge(folds, threshold);
  const lines = [
    "Left out one corpus at a time (fitted on the others, their threshold):",
    "corpus    top1   abstainAcc  falseAbstain  precision",
    ...cv.map(
      (o) =>
        `${o.corpus.padEnd(8)}  ${fmt(o.top1)}  ${fmt(o.abstainAccuracy)}       ${fmt(o.falseAbstainRate)}         ${fmt(o.precision)}`,
    ),
    `objective ${fmt(objective(cv))} (cross-validated); in-sample ${fmt(objective(outcomes(groups, model, threshold)))} at threshold ${threshold} (chosen out of fold)`,
    `Tentative below ${hedge}: out of fold, answers about as sure as any from there up were right at least ${PLAIN_PRECISION * 100}% of the time`,
    `Vetoes: ${vetoes.map((v) => FEATURES[v]!.name).join(", ") || "none"} (objective by step: ${steps.map(fmt).join(" → ")})`,
    "Weights (ranking; abstention):",
    `  ${"(bias)".padEnd(18)}         ${model.abstainer.bias.toFixed(3)}`,
    `  ${"bestScore".padEnd(18)}         ${model.abstainer.weights[0]!.toFixed(3)}`,
    `  ${"lead".padEnd(18)}         ${model.abstainer.weights[1]!.toFixed(3)}`,
    ...FEATURES.map(
      (f, i) =>
        `  ${f.name.padEnd(18)} ${model.ranker[i]!.toFixed(3).padStart(7)}  ${model.abstainer.weights[i + 2]!.toFixed(3)}`,
    ),
    ...rankingLines,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (values["dry-run"]) return 0;
  const weights: ScorerWeights = {
    features: FEATURES.map((f) => f.name),
    ...rounded(model),
    passages: passageWeights,
    vetoes: vetoes.map((v) => FEATURES[v]!.name),
    threshold,
    hedge,
    fitted: {
      by: "npm run fit",
      l2,
      sets: TRAINING_SETS.map(([n]) => n),
      questionParts: groups.length,
      candidates: groups.reduce((s, g) => s + g.features.length, 0),
      passagesRanked,
      crossValidated: byCorpus(cv),
      ...(picks ? { picked: picks.records } : {}),
    },
  };
  await writeWeights(weights);
  return 0;
});

/**
 * The weights `--pick` chose (`fitted.picked` of the committed file, by feature name), held where they are by a full
 * fit with the abstainer's weights of those features as committed, and their records, to be written back; undefined
 * when none. A picked feature that is no longer a feature is said and dropped.
 */
function heldPicks(): { held: HeldModel; records: Record<string, { weight: number }> } | undefined {
  let committed: ScorerWeights;
  try {
    committed = readCommitted();
  } catch {
    return undefined;
  }
  const names = FEATURES.map((f) => f.name);
  const records: Record<string, { weight: number }> = {};
  for (const [name, record] of Object.entries(picksOf(committed))) {
    if (names.includes(name)) records[name] = record;
    else process.stderr.write(`--pick chose ${name}, which is no feature now: it is left out\n`);
  }
  if (Object.keys(records).length === 0) return undefined;
  process.stderr.write(`Holding the weights --pick chose: ${Object.keys(records).join(", ")}\n`);
  const picked = Object.fromEntries(Object.entries(records).map(([n, r]) => [n, r.weight]));
  return { held: holding(names, picked, byName(committed, names).abstainer), records };
}

/**
 * The committed ranker and abstainer laid out for `names` (today's features): each weight found by its feature's name,
 * 0 for a feature the file lacks.
 */
function byName(committed: ScorerWeights, names: string[]): Pick<ScorerWeights, "ranker" | "abstainer"> {
  const at = (name: string) => committed.features.indexOf(name);
  return {
    ranker: names.map((n) => (at(n) >= 0 ? committed.ranker[at(n)]! : 0)),
    abstainer: {
      bias: committed.abstainer.bias,
      weights: [
        committed.abstainer.weights[0]!,
        committed.abstainer.weights[1]!,
        ...names.map((n) => (at(n) >= 0 ? committed.abstainer.weights[at(n) + 2]! : 0)),
      ],
    },
  };
}

/** The committed vetoes, as indices of the committed features. */
function committedVetoes(committed: ScorerWeights): number[] {
  return (committed.vetoes ?? []).map((v) => committed.features.indexOf(v)).filter((i) => i >= 0);
}

/** What `--pick` recorded in a weights file, by feature name. */
function picksOf(weights: ScorerWeights): Record<string, { weight: number }> {
  return (weights.fitted?.picked as Record<string, { weight: number }> | undefined) ?? {};
}

/**
 * `--pick a`: the ranker weight of one feature, every other held as committed, that puts a covering sentence first
 * for the most answerable parts, with each training corpus left out in turn to show what it gives a corpus it was not
 * picked on (`pickWeight`). For a feature whose likelihood fit (`--only`) moves no answer. A full fit holds it.
 */
async function pickOne(
  name: string,
  dryRun: boolean,
  record: (scorer: Scorer) => Promise<{ sentences: Group[] }>,
): Promise<number> {
  const committed = readCommitted();
  const feature = FEATURES.findIndex((f) => f.name === name);
  if (feature < 0)
    throw new Error(`--pick: no feature ${name}; features are ${FEATURES.map((f) => f.name).join(", ")}`);
  if (committed.features.join() !== FEATURES.map((f) => f.name).join())
    throw new Error("--pick: weights.json was fitted for other features; run `npm run fit -- --only` first");
  process.stderr.write("Recording the candidate sentences…\n");
  const { sentences: groups } = await record(new Scorer(committed));
  const vetoes = committedVetoes(committed);
  const pick = pickWeight(groups, committed.ranker, feature, vetoes);
  const lines = [
    `${name}: each corpus left out, the weight the others pick and its parts with a covering sentence first (weight 0 → picked):`,
    ...pick.folds.map(
      (f) => `  ${f.corpus.padEnd(8)} ${String(f.weight).padStart(5)}   ${f.before} → ${f.after}`,
    ),
    `  left out, in all: ${sum(pick.folds.map((f) => f.before))} → ${sum(pick.folds.map((f) => f.after))}`,
    `picked on all: ${committed.ranker[feature]} → ${pick.weight}`,
  ];
  lines.push(
    "The abstainer, threshold and hedge stay as committed; `npm run fit -- --only a,b` refits them with the pick held.",
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  if (dryRun) return 0;
  const picked = picksOf(committed);
  await writeWeights({
    ...committed,
    ranker: committed.ranker.map((w, i) => (i === feature ? pick.weight : w)),
    fitted: {
      ...(committed.fitted ?? {}),
      picked: {
        ...picked,
        [name]: {
          by: `npm run fit -- --pick ${name}`,
          weight: pick.weight,
          leftOut: Object.fromEntries(pick.folds.map(({ corpus, ...f }) => [corpus, f])),
        },
      },
    },
  });
  return 0;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * `--only a,b`: fits the weights of the named features alone, in the ranker and the abstainer; the abstainer's bias and
 * its weights on the best score and its lead are refitted too (they move with the ranker). Every other weight, the
 * passage ranker and the vetoes are held as committed; the threshold and the hedge are chosen out of fold again, as a
 * full fit chooses them. A feature the committed file lacks starts at 0. For a new feature: a full refit moves every
 * weight, and the committed ones were each kept by measuring the changes made since with them.
 */
async function fitOnly(
  names: string[],
  l2: number,
  dryRun: boolean,
  record: (scorer: Scorer) => Promise<{ sentences: Group[] }>,
): Promise<number> {
  const all = FEATURES.map((f) => f.name);
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length > 0)
    throw new Error(`--only: no feature ${unknown.join(", ")}; features are ${all.join(", ")}`);
  const committed = readCommitted();
  const { ranker, abstainer } = byName(committed, all);
  const start: ScorerWeights = { ...committed, features: all, ranker, abstainer };
  process.stderr.write("Recording the candidate sentences…\n");
  const { sentences: groups } = await record(new Scorer(start));
  const vetoes = committedVetoes(committed);
  const held = { ranker, abstainer, free: all.map((n) => names.includes(n)) };
  // "Before": no feature's weight free, only the abstainer's bias, best score and lead, refitted in each fold as after.
  const before = validate(outOfFold(groups, l2, vetoes, { ...held, free: all.map(() => false) }));
  const folds = outOfFold(groups, l2, vetoes, held);
  const cv = validate(folds);
  const model = fitTwoStage(groups, l2, vetoes, held);
  const threshold = chooseThresholdOutOfFold(folds);
  const hedge = chooseHedge(folds, threshold);
  const lines = [
    "Left out one corpus at a time, each with the threshold its training corpora choose (before → after):",
    ...cv.map((o, i) => `  ${o.corpus.padEnd(8)} top1 ${fmt(before[i]!.top1)} → ${fmt(o.top1)}`),
    `objective ${fmt(objective(before))} → ${fmt(objective(cv))} (cross-validated)`,
    `threshold ${committed.threshold} → ${threshold}, tentative below ${committed.hedge ?? "-"} → ${hedge} (out of fold)`,
    "Fitted (ranking; abstention):",
    `  ${"(bias)".padEnd(18)} ${fmt(abstainer.bias)} → ${fmt(model.abstainer.bias)}`,
    `  ${"bestScore".padEnd(18)} ${fmt(abstainer.weights[0]!)} → ${fmt(model.abstainer.weights[0]!)}`,
    `  ${"lead".padEnd(18)} ${fmt(abstainer.weights[1]!)} → ${fmt(model.abstainer.weights[1]!)}`,
    ...names.map((n) => {
      const i = all.indexOf(n);
      return `  ${n.padEnd(18)} ${fmt(model.ranker[i]!)}; ${fmt(model.abstainer.weights[i + 2]!)}`;
    }),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (dryRun) return 0;
  const weights: ScorerWeights = {
    ...start,
    ...rounded(model),
    threshold,
    hedge,
    fitted: {
      ...(committed.fitted ?? {}),
      crossValidated: byCorpus(cv),
      only: { features: names, by: `npm run fit -- --only ${names.join(",")}` },
      // A feature fitted here is no longer as --pick chose it.
      picked: Object.fromEntries(Object.entries(picksOf(committed)).filter(([n]) => !names.includes(n))),
    },
  };
  await writeWeights(weights);
  return 0;
}

/** How many re-ranked passages the answerer reads (TOP_K's default): the passage ranker is judged by its hit@k. */
const RANKED = 5;

/**
 * The weights recording starts from: the sentence scorer's as committed where they fit today's features (earlier turns
 * of a conversation are answered with them), else none; and passages in the pool's own order.
 */
function baseWeights(): ScorerWeights {
  const names = FEATURES.map((f) => f.name);
  let committed: Partial<ScorerWeights> = {};
  try {
    committed = JSON.parse(readFileSync(WEIGHTS, "utf8")) as ScorerWeights;
  } catch {}
  const fits = committed.features?.join() === names.join();
  const firstOnly = PASSAGE_FEATURES.map((f) => (f === "fusedPrior" ? 1 : 0));
  return {
    features: names,
    ranker: fits && committed.ranker ? committed.ranker : names.map(() => 0),
    abstainer:
      fits && committed.abstainer ? committed.abstainer : { bias: 0, weights: [0, 0, ...names.map(() => 0)] },
    vetoes: fits ? (committed.vetoes ?? []) : [],
    threshold: fits ? (committed.threshold ?? 0.5) : 0.5,
    passages: { features: [...PASSAGE_FEATURES], ranker: firstOnly },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

const fmt = (n: number) => n.toFixed(3);

/** A fitted model's weights as the file keeps them, to four decimals. */
function rounded(model: TwoStage): Pick<ScorerWeights, "ranker" | "abstainer"> {
  return {
    ranker: model.ranker.map(round),
    abstainer: { bias: round(model.abstainer.bias), weights: model.abstainer.weights.map(round) },
  };
}

/** Per-corpus figures keyed by their corpus, as `fitted` records them. */
function byCorpus<T extends { corpus: string }>(rows: T[]) {
  return Object.fromEntries(rows.map((r) => [r.corpus, { ...r, corpus: undefined }]));
}

/** The committed weights file. */
function readCommitted(): ScorerWeights {
  return JSON.parse(readFileSync(WEIGHTS, "utf8")) as ScorerWeights;
}

async function writeWeights(weights: ScorerWeights): Promise<void> {
  await writeFile(WEIGHTS, `${JSON.stringify(weights, null, 2)}\n`);
  process.stdout.write(`Wrote ${path.relative(ROOT, WEIGHTS)}\n`);
}
