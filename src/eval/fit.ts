// Fitting the answer scorer: logistic regression over candidate sentences, validated one corpus out at a time.
import { Matrix, solve } from "ml-matrix";
import { abstentionFeatures, linear, MAX_LEAD, sigmoid } from "../answer/scorer.js";

/** One part of one question: its candidates' features and whether each covers the question's evidence. */
export interface Group {
  corpus: string;
  questionId: string;
  answerable: boolean;
  features: number[][];
  labels: boolean[];
}

export interface Logistic {
  bias: number;
  weights: number[];
}

/** The model's probability for `x`: the same sum as the answer scorer's (src/answer/scorer.ts). */
export function predict(model: Logistic, x: number[]): number {
  return sigmoid(linear(model.weights, x, model.bias));
}

/**
 * One damped Newton step from `beta`: the full step, halved while it raises `loss` (a full step can overshoot on a
 * loss this flat in places). Returns the new point and whether the step was still large enough to go on.
 */
function newtonStep(
  beta: number[],
  hessian: number[][],
  gradient: number[],
  loss: (b: number[]) => number,
  free?: readonly boolean[],
): { next: number[]; moving: boolean } {
  // A coordinate held where it starts takes no step: no gradient, and a Hessian row and column of the identity's.
  if (free)
    free.forEach((f, i) => {
      if (f) return;
      gradient[i] = 0;
      for (let j = 0; j < hessian.length; j++) {
        hessian[i]![j] = i === j ? 1 : 0;
        hessian[j]![i] = i === j ? 1 : 0;
      }
    });
  const step = solve(new Matrix(hessian), Matrix.columnVector(gradient)).to1DArray();
  const before = loss(beta);
  let t = 1;
  let next = beta.map((b, i) => b - step[i]!);
  while (t > 1e-4 && loss(next) > before) {
    t /= 2;
    next = beta.map((b, i) => b - t * step[i]!);
  }
  return { next, moving: Math.max(...step.map((x) => Math.abs(x * t))) >= 1e-6 };
}

/**
 * A fit that starts from weights already fitted (`npm run fit -- --only`) and moves only some of them: `free` says,
 * weight by weight in the order the model reads them, which move (a logistic model's bias always does). A new
 * feature's weight is fitted with every other held as committed, which a full refit would move too.
 */
export interface Held<T> {
  start: T;
  free: readonly boolean[];
}

/**
 * L2-regularized logistic regression by Newton's method. Each group weighs the same in total, however many
 * candidates it has: a question with 60 sentences must not count for three with 20.
 */
export function fitLogistic(groups: Group[], l2 = 1, iterations = 25, held?: Held<Logistic>): Logistic {
  const rows = groups.flatMap((g) =>
    g.features.map((x, i) => ({ x, y: g.labels[i] ? 1 : 0, w: 1 / g.features.length })),
  );
  const d = (rows[0]?.x.length ?? 0) + 1;
  const loss = (b: number[]) =>
    (l2 / 2) * b.slice(1).reduce((s, x) => s + x * x, 0) +
    rows.reduce((s, { x, y, w }) => {
      const p = Math.min(
        1 - 1e-12,
        Math.max(1e-12, sigmoid(b[0]! + x.reduce((a, xi, i) => a + xi * b[i + 1]!, 0))),
      );
      return s - w * (y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }, 0);
  let beta = held ? [held.start.bias, ...held.start.weights] : new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const { x, y, w } of rows) {
      const v = [1, ...x];
      const p = sigmoid(v.reduce((s, xi, i) => s + xi * beta[i]!, 0));
      const r = p * (1 - p) * w;
      for (let i = 0; i < d; i++) {
        gradient[i]! += (p - y) * v[i]! * w;
        const row = hessian[i]!;
        for (let j = 0; j < d; j++) row[j]! += r * v[i]! * v[j]!;
      }
    }
    // The bias is not penalized.
    for (let i = 1; i < d; i++) {
      gradient[i]! += l2 * beta[i]!;
      hessian[i]![i]! += l2;
    }
    const { next, moving } = newtonStep(
      beta,
      hessian,
      gradient,
      loss,
      held ? [true, ...held.free] : undefined,
    );
    beta = next;
    if (!moving) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

/** Weights of a linear ranking score over the features: no bias, only differences within a group matter. */
export type Ranker = number[];

export const rankScore = (ranker: Ranker, x: number[]) => linear(ranker, x);

/**
 * The ranking score by conditional logit: within each question part, the softmax of the scores should put its weight
 * on the sentences that cover the evidence (each such sentence counts 1/n of its group). Newton's method, L2 penalty.
 */
export function fitRanker(groups: Group[], l2 = 1, iterations = 30, held?: Held<Ranker>): Ranker {
  const usable = groups.filter((g) => g.labels.some(Boolean) && g.features.length > 1);
  const d = usable[0]?.features[0]?.length ?? 0;
  let beta = held ? [...held.start] : new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const gradient = beta.map((b) => l2 * b);
    const hessian = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j ? l2 : 0)),
    );
    for (const g of usable) {
      const s = g.features.map((x) => rankScore(beta, x));
      const max = Math.max(...s);
      const e = s.map((v) => Math.exp(v - max));
      const z = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / z);
      const mean = new Array<number>(d).fill(0);
      g.features.forEach((x, i) => {
        for (let j = 0; j < d; j++) mean[j]! += p[i]! * x[j]!;
      });
      const positives = g.labels.flatMap((l, i) => (l ? [i] : []));
      for (const i of positives) {
        const x = g.features[i]!;
        for (let j = 0; j < d; j++) gradient[j]! += (mean[j]! - x[j]!) / positives.length;
      }
      g.features.forEach((x, i) => {
        for (let a = 0; a < d; a++) {
          const da = x[a]! - mean[a]!;
          if (da === 0) continue;
          const row = hessian[a]!;
          for (let b = 0; b < d; b++) row[b]! += p[i]! * da * (x[b]! - mean[b]!);
        }
      });
    }
    const { next, moving } = newtonStep(
      beta,
      hessian,
      gradient,
      (b) => rankerLoss(usable, b, l2),
      held?.free,
    );
    beta = next;
    if (!moving) break;
  }
  return beta;
}

function rankerLoss(groups: Group[], beta: number[], l2: number): number {
  let loss = (l2 / 2) * beta.reduce((s, b) => s + b * b, 0);
  for (const g of groups) {
    const s = g.features.map((x) => rankScore(beta, x));
    const max = Math.max(...s);
    const logZ = max + Math.log(s.reduce((a, v) => a + Math.exp(v - max), 0));
    const positives = g.labels.flatMap((l, i) => (l ? [i] : []));
    for (const i of positives) loss += (logZ - s[i]!) / positives.length;
  }
  return loss;
}

/**
 * What the abstention model reads of a part: the best score, its lead over the second, and the best's features.
 * Candidates with a vetoing feature set cannot be best; undefined when every candidate is vetoed.
 */
export function abstentionInput(
  scores: number[],
  features: number[][],
  vetoes: number[] = [],
): { best: number; x: number[] } | undefined {
  const allowed = features.map((f) => !vetoes.some((v) => f[v]! > 0));
  let best = -1;
  scores.forEach((s, i) => {
    if (allowed[i] && (best < 0 || s > scores[best]!)) best = i;
  });
  if (best < 0) return undefined;
  const others = scores.filter((_, i) => i !== best && allowed[i]);
  const second = Math.max(...others, scores[best]! - MAX_LEAD);
  return { best, x: abstentionFeatures(scores[best]!, scores[best]! - second, features[best]!) };
}

/** The two-stage scorer: a ranking of the candidates, then the probability that the best one answers. */
export interface TwoStage {
  ranker: Ranker;
  abstainer: Logistic;
  /** Features (indices) that rule a candidate out: kept only where leaving one corpus out says they help. */
  vetoes: number[];
}

/**
 * The abstainer's L2 penalty, as a multiple of the ranker's. It reads the best candidate's score and the very features
 * that score sums, so its weights can offset each other (a large negative weight on a sign of a good answer); a
 * stronger penalty keeps them small. Cross-validated objective 0.722 at 3×, 0.726 at 1× (within noise), 0.697 at
 * 10×; at 1× a two-sentence corpus's plain answer fell under the threshold.
 */
const ABSTAINER_L2 = 3;

/** Weights a fit starts from, and which of them it moves (`free`, in the ranker's order): the rest stay held. */
export interface HeldModel {
  ranker: Ranker;
  abstainer: Logistic;
  free: readonly boolean[];
}

export function fitTwoStage(groups: Group[], l2 = 1, vetoes: number[] = [], held?: HeldModel): TwoStage {
  const ranker = fitRanker(groups, l2, 30, held && { start: held.ranker, free: held.free });
  const rows: Group[] = groups.flatMap((g) => {
    const input = abstentionInput(
      g.features.map((f) => rankScore(ranker, f)),
      g.features,
      vetoes,
    );
    if (!input) return [];
    const { x } = input;
    // Whether the documents answer the question, not whether this best sentence does: a wrong sentence is the
    // ranking's failure, and abstaining on an answerable question is a failure of its own.
    return [{ ...g, features: [x], labels: [g.answerable] }];
  });
  // The abstainer reads the best score and its lead before the features: those move with the ranker, so they are free.
  const abstainer = fitLogistic(
    rows,
    l2 * ABSTAINER_L2,
    25,
    held && { start: held.abstainer, free: [true, true, ...held.free] },
  );
  return { ranker, abstainer, vetoes };
}

/** Scores a part's candidates: each one's ranking score, and the probability that the best answers. */
export function scoreGroup(model: TwoStage, features: number[][]): { best: number; probability: number } {
  const input = abstentionInput(
    features.map((f) => rankScore(model.ranker, f)),
    features,
    model.vetoes,
  );
  if (!input) return { best: -1, probability: 0 };
  return { best: input.best, probability: predict(model.abstainer, input.x) };
}

/** What answering with a threshold gives on groups: per corpus, the three answer figures. */
export interface Outcome {
  corpus: string;
  /** Unanswerable parts abstained on. */
  abstainAccuracy: number;
  /** Answerable parts abstained on. */
  falseAbstainRate: number;
  /** Answered answerable parts whose best sentence covers the evidence, of all answered parts. */
  precision: number;
  /** Answerable parts whose best sentence covers the evidence (answered or not): the ranking's quality. */
  top1: number;
}

export function outcomes(groups: Group[], model: TwoStage, threshold: number): Outcome[] {
  const corpora = [...new Set(groups.map((g) => g.corpus))];
  return corpora.map((corpus) => {
    const mine = groups.filter((g) => g.corpus === corpus);
    const best = mine.map((g) => {
      const { best: i, probability } = scoreGroup(model, g.features);
      return { g, p: probability, right: g.labels[i] === true };
    });
    const un = best.filter((b) => !b.g.answerable);
    const an = best.filter((b) => b.g.answerable);
    const answered = best.filter((b) => b.p >= threshold);
    const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
    return {
      corpus,
      abstainAccuracy: share(un.filter((b) => b.p < threshold).length, un.length),
      falseAbstainRate: share(an.filter((b) => b.p < threshold).length, an.length),
      precision: share(answered.filter((b) => b.g.answerable && b.right).length, answered.length),
      top1: share(an.filter((b) => b.right).length, an.length),
    };
  });
}

/**
 * The mean over corpora of abstention accuracy and answered share (1 - false abstentions): balanced accuracy, what
 * thresholds and vetoes are chosen by. (Adding precision as a third term made the answerer abstain on half the
 * answerable questions of new corpora to gain a few points of it.)
 */
export function objective(results: Outcome[]): number {
  const mean = (f: (o: Outcome) => number) =>
    results.reduce((s, o) => s + f(o), 0) / Math.max(1, results.length);
  return (mean((o) => o.abstainAccuracy) + mean((o) => 1 - o.falseAbstainRate)) / 2;
}

/**
 * The threshold (0.05 to 0.95 by 0.01) that maximizes `objective`: the middle of the thresholds within 0.005 of the
 * best, since the objective is flat near its top and the single best moves with every refit.
 */
export function chooseThreshold(groups: Group[], model: TwoStage): number {
  return plateauMiddle((t) => objective(outcomes(groups, model, t)));
}

/** Each corpus with the model fitted without it: how the scorer meets a corpus it has never seen. */
export interface Fold {
  train: Group[];
  test: Group[];
  model: TwoStage;
}

export function outOfFold(groups: Group[], l2 = 1, vetoes: number[] = [], held?: HeldModel): Fold[] {
  const corpora = [...new Set(groups.map((g) => g.corpus))];
  return corpora.map((corpus) => {
    const train = groups.filter((g) => g.corpus !== corpus);
    return {
      train,
      test: groups.filter((g) => g.corpus === corpus),
      model: fitTwoStage(train, l2, vetoes, held),
    };
  });
}

/**
 * The threshold for corpora the scorer has never seen: each corpus is scored by the model fitted without it, and the
 * threshold is chosen over all those out-of-fold outcomes together. (A model is surer of its own training questions
 * than of new ones, so a threshold chosen in-sample sits too high or too low for a new corpus.)
 */
export function chooseThresholdOutOfFold(folds: Fold[]): number {
  return plateauMiddle((t) => objective(folds.flatMap((f) => outcomes(f.test, f.model, t))));
}

/** An answer is said plainly where, on unseen corpora, answers about as sure were right at least this often. */
export const PLAIN_PRECISION = 0.5;
/** "About as sure": within this band of probability, holding at least BAND_PARTS question parts. */
const BAND = 0.1;
const BAND_PARTS = 10;

/**
 * The probability below which an answer is said tentatively: the lowest, at or above the threshold, from which every
 * band of answers as sure (out of fold, all corpora together) was right at least PLAIN_PRECISION of the time. The
 * threshold itself when they always were; 1 when the surest were not.
 */
export function chooseHedge(folds: Fold[], threshold: number): number {
  const parts = folds.flatMap((f) =>
    f.test.map((g) => {
      const { best, probability } = scoreGroup(f.model, g.features);
      return { p: probability, right: g.answerable && g.labels[best] === true };
    }),
  );
  const plain = (from: number) => {
    const band = parts.filter((x) => x.p >= from && x.p < from + BAND);
    return band.length < BAND_PARTS || band.filter((x) => x.right).length / band.length >= PLAIN_PRECISION;
  };
  const start = Math.round(threshold * 100);
  let hedge = 100;
  for (let h = 99; h >= start && plain(h / 100); h--) hedge = h;
  return hedge / 100;
}

/** Thresholds this many steps (of 0.01) either side are averaged with each one. */
const SMOOTHING = 3;

/**
 * The middle of the thresholds (0.05…0.95) whose objective, averaged with its neighbours', is within 0.005 of the
 * best: not the edge of a plateau, nor a spike of one question.
 */
function plateauMiddle(value: (t: number) => number): number {
  const grid: { t: number; value: number }[] = [];
  for (let i = 5; i <= 95; i++) grid.push({ t: i / 100, value: value(i / 100) });
  // Each threshold is judged with its neighbours: one question more or less on either side moves a single point.
  const smooth = grid.map((g, i) => {
    const around = grid.slice(Math.max(0, i - SMOOTHING), i + SMOOTHING + 1);
    return { t: g.t, value: around.reduce((sum, x) => sum + x.value, 0) / around.length };
  });
  const best = Math.max(...smooth.map((g) => g.value));
  const near = smooth.filter((g) => g.value >= best - 0.005).map((g) => g.t);
  return near[Math.floor((near.length - 1) / 2)]!;
}

/**
 * Leave one corpus out: for each corpus, fit on the others and choose their threshold, then measure on it. What
 * the scorer will do on a corpus it has never seen.
 */
export function crossValidate(groups: Group[], l2 = 1, vetoes: number[] = [], held?: HeldModel): Outcome[] {
  return validate(outOfFold(groups, l2, vetoes, held));
}

/** `crossValidate` over folds already fitted. */
export function validate(folds: Fold[]): Outcome[] {
  return folds.flatMap((f) => outcomes(f.test, f.model, chooseThreshold(f.train, f.model)));
}

/**
 * Vetoes chosen greedily: of the candidate features, add the one that most raises the cross-validated objective,
 * while one does. Returns the chosen indices and the objective after each step.
 */
export function chooseVetoes(
  groups: Group[],
  candidates: number[],
  l2 = 1,
  held?: HeldModel,
): { vetoes: number[]; steps: number[] } {
  const vetoes: number[] = [];
  let current = objective(crossValidate(groups, l2, vetoes, held));
  const steps = [current];
  for (;;) {
    let best: { index: number; value: number } | undefined;
    for (const c of candidates.filter((x) => !vetoes.includes(x))) {
      const value = objective(crossValidate(groups, l2, [...vetoes, c], held));
      if (value > current + 0.002 && (!best || value > best.value)) best = { index: c, value };
    }
    if (!best) return { vetoes, steps };
    vetoes.push(best.index);
    current = best.value;
    steps.push(current);
  }
}

/** Where a ranking puts a group's first candidate that covers the evidence, from 1; undefined when none does. */
export function firstCovering(scores: number[], labels: boolean[]): number | undefined {
  const order = scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.i);
  const at = order.findIndex((i) => labels[i]);
  return at < 0 ? undefined : at + 1;
}

/** How one corpus's passages rank, out of fold: hit@k and MRR (within k) of the ranker and of the pool's own order. */
export interface RankingOutcome {
  corpus: string;
  questions: number;
  hitAtK: number;
  mrr: number;
  poolHitAtK: number;
  poolMrr: number;
}

/**
 * The passage ranker left one corpus out at a time: fitted on the others' pools (each question's passages, labelled
 * by whether they cover its evidence), measured on the corpus's. A question whose evidence is in no passage of the
 * pool counts as a miss for both orders.
 */
export function crossValidateRanking(groups: Group[], k: number, l2 = 1): RankingOutcome[] {
  const corpora = [...new Set(groups.map((g) => g.corpus))];
  const figures = (ranks: (number | undefined)[]) => ({
    hit: ranks.filter((r) => r !== undefined && r <= k).length / Math.max(1, ranks.length),
    mrr:
      ranks.reduce<number>((s, r) => s + (r !== undefined && r <= k ? 1 / r : 0), 0) /
      Math.max(1, ranks.length),
  });
  return corpora.map((corpus) => {
    const ranker = fitRanker(
      groups.filter((g) => g.corpus !== corpus),
      l2,
    );
    const test = groups.filter((g) => g.corpus === corpus);
    const fitted = figures(
      test.map((g) =>
        firstCovering(
          g.features.map((x) => rankScore(ranker, x)),
          g.labels,
        ),
      ),
    );
    const pool = figures(
      test.map((g) =>
        firstCovering(
          g.features.map((_, i) => -i),
          g.labels,
        ),
      ),
    );
    return {
      corpus,
      questions: test.length,
      hitAtK: fitted.hit,
      mrr: fitted.mrr,
      poolHitAtK: pool.hit,
      poolMrr: pool.mrr,
    };
  });
}

/** Answerable parts whose best candidate (by `ranker`, none vetoed) covers the evidence. */
export function rightFirst(groups: Group[], ranker: Ranker, vetoes: number[] = []): number {
  let right = 0;
  for (const g of groups) {
    if (!g.answerable) continue;
    const input = abstentionInput(
      g.features.map((f) => rankScore(ranker, f)),
      g.features,
      vetoes,
    );
    if (input && g.labels[input.best]) right++;
  }
  return right;
}

/**
 * One ranker weight picked from a grid: on all corpora, and with each corpus left out (its parts with a covering
 * sentence first, with the feature's weight at 0 and at the weight the other corpora pick).
 */
export interface Pick {
  weight: number;
  folds: { corpus: string; weight: number; before: number; after: number }[];
}

/** From -3 to 3 by 0.25. */
export const PICK_GRID = Array.from({ length: 25 }, (_, i) => -3 + i * 0.25);

/**
 * The weight of one feature in the ranker, every other held, that puts a covering sentence first for the most
 * answerable parts (ties to the smallest in size): for a feature whose likelihood fit moves no answer but whose count
 * of right first candidates says otherwise. Each corpus left out in turn gets the weight the others pick, against
 * the feature left out (weight 0).
 */
export function pickWeight(
  groups: Group[],
  ranker: Ranker,
  feature: number,
  vetoes: number[] = [],
  grid: readonly number[] = PICK_GRID,
): Pick {
  const at = (w: number) => ranker.map((r, i) => (i === feature ? w : r));
  const best = (train: Group[]) => {
    // Each weight of the grid counted once.
    const right = grid.map((w) => rightFirst(train, at(w), vetoes));
    let chosen = 0;
    for (let j = 1; j < grid.length; j++) {
      const more = right[j]! > right[chosen]!;
      if (more || (right[j] === right[chosen] && Math.abs(grid[j]!) < Math.abs(grid[chosen]!))) chosen = j;
    }
    return grid[chosen]!;
  };
  const corpora = [...new Set(groups.map((g) => g.corpus))];
  const folds = corpora.map((corpus) => {
    const test = groups.filter((g) => g.corpus === corpus);
    const weight = best(groups.filter((g) => g.corpus !== corpus));
    return {
      corpus,
      weight,
      before: rightFirst(test, at(0), vetoes),
      after: rightFirst(test, at(weight), vetoes),
    };
  });
  return { weight: best(groups), folds };
}

/**
 * What a fit holds when some ranker weights stay as `--pick` chose them (`picked`, by feature name) and every other
 * weight is fitted: a start at those weights and a mask of the free ones. The abstainer's weights of those features
 * are held too, at their value in `abstainer` (`--pick` chooses only the ranker's).
 */
export function holding(
  features: readonly string[],
  picked: Readonly<Record<string, number>>,
  abstainer: Logistic,
): HeldModel {
  return {
    ranker: features.map((n) => picked[n] ?? 0),
    abstainer,
    free: features.map((n) => picked[n] === undefined),
  };
}
