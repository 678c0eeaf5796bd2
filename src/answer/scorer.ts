// The answer scorer: a logistic model over the features, its weights fitted by `npm run fit` and stored as data.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FEATURES } from "./features.js";

export interface ScorerWeights {
  /** Feature names, in FEATURES order: a file fitted for other features is refused. */
  features: string[];
  /** Linear ranking score of a candidate: weights of the features. */
  ranker: number[];
  /** Logistic model of "the best candidate answers", over [best score, its lead over the second, its features]. */
  abstainer: { bias: number; weights: number[] };
  /** Features that rule a candidate out when set. */
  vetoes?: string[];
  /** Below this probability the answerer abstains. */
  threshold: number;
  /** How the weights were fitted, for the reader. */
  fitted?: Record<string, unknown>;
}

const DEFAULT_FILE = fileURLToPath(new URL("./model/weights.json", import.meta.url));

export class ScorerError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}. Run \`npm run fit\` to fit the answer scorer's weights again.`);
    this.name = "ScorerError";
  }
}

/** The probability that a candidate sentence answers the question. */
export class Scorer {
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
      throw new ScorerError(file, (e as Error).message);
    }
  }

  /** A candidate's ranking score: higher is better; only differences between one question's candidates matter. */
  rank(x: number[]): number {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += this.model.ranker[i]! * x[i]!;
    return s;
  }

  /** The probability that the best candidate answers, from its score, its lead over the second and its features. */
  confidence(best: number, lead: number, x: number[]): number {
    const { bias, weights } = this.model.abstainer;
    const input = [best, Math.min(5, lead), ...x];
    let z = bias;
    for (let i = 0; i < input.length; i++) z += weights[i]! * input[i]!;
    return 1 / (1 + Math.exp(-z));
  }

  /** Whether a candidate's features rule it out. */
  vetoed(x: number[]): boolean {
    return this.vetoIndices.some((i) => x[i]! > 0);
  }

  private get vetoIndices(): number[] {
    const names = FEATURES.map((f) => f.name);
    return (this.model.vetoes ?? []).map((v) => names.indexOf(v)).filter((i) => i >= 0);
  }

  get threshold(): number {
    return this.model.threshold;
  }
}
