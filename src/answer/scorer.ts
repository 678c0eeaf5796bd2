// The answer scorer: a logistic model over the features, its weights fitted by `npm run fit` and stored as data.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FEATURES } from "./features.js";
import { PASSAGE_FEATURES } from "./rerank.js";

export interface ScorerWeights {
  /** Feature names, in FEATURES order: a file fitted for other features is refused. */
  features: string[];
  /** Linear ranking score of a candidate: weights of the features. */
  ranker: number[];
  /** Logistic model of "the best candidate answers", over [best score, its lead over the second, its features]. */
  abstainer: { bias: number; weights: number[] };
  /** The passage re-ranker: a linear score over PASSAGE_FEATURES (src/answer/rerank.ts), fitted by conditional logit. */
  passages: { features: string[]; ranker: number[] };
  /** Features that rule a candidate out when set. */
  vetoes?: string[];
  /** Below this probability the answerer abstains. */
  threshold: number;
  /**
   * Below this probability (and at or above the threshold) an answer is given as tentative: answers there were right
   * less than half the time on corpora the scorer had not seen. Absent: no answer is tentative.
   */
  hedge?: number;
  /** How the weights were fitted, for the reader. */
  fitted?: Record<string, unknown>;
}

const DEFAULT_FILE = fileURLToPath(new URL("./model/weights.json", import.meta.url));

export class ScorerError extends Error {
  constructor(
    file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}. Run \`npm run fit\` to fit the answer scorer's weights again.`);
    this.name = "ScorerError";
  }
}

/** The largest lead of the best candidate's score over the second's that the abstention model reads. */
export const MAX_LEAD = 5;

/** start + Σ weights[i]·x[i]: the ranking score (from 0), and the abstention model's logit (from its bias). */
export function linear(weights: readonly number[], x: readonly number[], start = 0): number {
  let s = start;
  for (let i = 0; i < x.length; i++) s += weights[i]! * x[i]!;
  return s;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** What the abstention model reads: the best candidate's score, its lead over the second (capped), its features. */
export function abstentionFeatures(best: number, lead: number, x: readonly number[]): number[] {
  return [best, Math.min(MAX_LEAD, lead), ...x];
}

/** The probability that a candidate sentence answers the question, and the order of the passages it is read from. */
export class Scorer {
  /** Indices of the features that rule a candidate out. */
  private readonly vetoIndices: number[];

  constructor(readonly model: ScorerWeights) {
    const names = FEATURES.map((f) => f.name);
    if (
      model.features.join() !== names.join() ||
      model.ranker?.length !== names.length ||
      model.abstainer?.weights.length !== names.length + 2
    )
      throw new ScorerError(
        "weights",
        `fitted for features ${model.features.join(", ")}, not ${names.join(", ")}`,
      );
    const passageNames = [...PASSAGE_FEATURES];
    if (
      model.passages?.features.join() !== passageNames.join() ||
      model.passages.ranker?.length !== passageNames.length
    )
      throw new ScorerError(
        "weights",
        `fitted for passage features ${model.passages?.features.join(", ") ?? "none"}, not ${passageNames.join(", ")}`,
      );
    this.vetoIndices = (model.vetoes ?? []).map((v) => names.indexOf(v)).filter((i) => i >= 0);
  }

  static load(file = DEFAULT_FILE): Scorer {
    let model: ScorerWeights;
    try {
      model = JSON.parse(readFileSync(file, "utf8")) as ScorerWeights;
    } catch (e) {
      throw new ScorerError(file, `cannot be read (${(e as Error).message})`);
    }
    try {
      return new Scorer(model);
    } catch (e) {
      // The model's own complaint, now with the file it is about (and the hint once).
      if (e instanceof ScorerError) throw new ScorerError(file, e.reason);
      throw e;
    }
  }

  /** A candidate's ranking score: higher is better; only differences between one question's candidates matter. */
  rank(x: number[]): number {
    return linear(this.model.ranker, x);
  }

  /** A retrieved passage's re-ranking score from its PASSAGE_FEATURES: higher is better, within one question. */
  passageScore(x: readonly number[]): number {
    return linear(this.model.passages.ranker, x);
  }

  /** The probability that the best candidate answers, from its score, its lead over the second and its features. */
  confidence(best: number, lead: number, x: number[]): number {
    const { bias, weights } = this.model.abstainer;
    return sigmoid(linear(weights, abstentionFeatures(best, lead, x), bias));
  }

  /** Whether a candidate's features rule it out. */
  vetoed(x: number[]): boolean {
    return this.vetoIndices.some((i) => x[i]! > 0);
  }

  get threshold(): number {
    return this.model.threshold;
  }

  get hedge(): number {
    return this.model.hedge ?? 0;
  }
}
