// Quality gates: `--min name=value` flags and the question file's `thresholds` block, checked against a summary.
import { z } from "zod";
import { AppError } from "../errors.js";
import { isMetricName, LOWER_IS_BETTER, METRIC_NAMES, type MetricName, type Summary } from "./metrics.js";

/** A limit on a metric, overall or for one tag. Rates and shares are floors; falseAbstainRate and times are ceilings. */
export interface Threshold {
  metric: MetricName;
  tag?: string;
  limit: number;
}

export type Thresholds = Threshold[];

/** A --min flag that cannot be read. */
export class ThresholdError extends AppError {
  constructor(problem: string) {
    super(
      problem,
      `Write --min METRIC=VALUE or --min TAG.METRIC=VALUE, METRIC one of ${METRIC_NAMES.join(", ")}; shares are 0..1, times in ms.`,
    );
  }
}

function limitProblem(metric: MetricName, limit: number): string | undefined {
  if (!Number.isFinite(limit) || limit < 0) return "must be a number of at least 0";
  if (!metric.endsWith("Ms") && limit > 1) return "is a share: give it from 0 to 1";
  return undefined;
}

const limitsSchema = z.record(z.string(), z.number()).superRefine((limits, ctx) => {
  for (const [name, limit] of Object.entries(limits)) {
    const problem = isMetricName(name)
      ? limitProblem(name, limit)
      : `unknown metric (${METRIC_NAMES.join(", ")})`;
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: problem });
  }
});

/** The file's block: `{"hitAtK": 0.9, "p95Ms": 500, "byTag": {"ru": {"factRecall": 0.2}}}`. */
export const thresholdsSchema = z
  .object({ byTag: z.record(z.string(), limitsSchema).default({}) })
  .catchall(z.unknown())
  .superRefine(({ byTag: _, ...rest }, ctx) => {
    const checked = limitsSchema.safeParse(rest);
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue(issue);
  })
  .transform(({ byTag, ...rest }): Thresholds => {
    const overall = Object.entries(rest as Record<MetricName, number>).map(([metric, limit]) => ({
      metric: metric as MetricName,
      limit,
    }));
    const tagged = Object.entries(byTag).flatMap(([tag, limits]) =>
      Object.entries(limits).map(([metric, limit]) => ({ metric: metric as MetricName, tag, limit })),
    );
    return [...overall, ...tagged];
  });

/** Reads `hitAtK=0.9`, `ru.factRecall=0.2` or `byTag.ru.factRecall=0.2`. */
export function parseThresholdFlag(flag: string): Threshold {
  const m = /^(?:(?:byTag\.)?([^=.]+)\.)?([^=.]+)=(.*)$/.exec(flag.trim());
  if (!m) throw new ThresholdError(`--min ${flag}: expected NAME=VALUE`);
  const [, tag, metric = "", value = ""] = m;
  if (!isMetricName(metric)) throw new ThresholdError(`--min ${flag}: unknown metric "${metric}"`);
  const limit = value.trim() === "" ? Number.NaN : Number(value);
  const problem = limitProblem(metric, limit);
  if (problem) throw new ThresholdError(`--min ${flag}: the value ${problem}`);
  return tag === undefined ? { metric, limit } : { metric, tag, limit };
}

/** The file's thresholds, with flags replacing any limit on the same metric and tag. */
export function mergeThresholds(fromFile: Thresholds, fromFlags: Thresholds): Thresholds {
  const key = (t: Threshold) => `${t.tag ?? ""}\0${t.metric}`;
  const flagged = new Set(fromFlags.map(key));
  return [...fromFile.filter((t) => !flagged.has(key(t))), ...fromFlags];
}

export interface ThresholdCheck extends Threshold {
  /** "hitAtK" or "byTag.ru.hitAtK" */
  name: string;
  value: number | null;
  direction: "min" | "max";
  passed: boolean;
  /** Not checked: the tag was excluded from the run. */
  skipped: boolean;
  message: string;
}

const show = (metric: MetricName, v: number) => (metric.endsWith("Ms") ? `${v.toFixed(1)} ms` : v.toFixed(3));

/** Checks each threshold. A metric that could not be measured (null) misses its threshold. */
export function checkThresholds(summary: Summary, thresholds: Thresholds): ThresholdCheck[] {
  return thresholds.map((t) => {
    const name = t.tag === undefined ? t.metric : `byTag.${t.tag}.${t.metric}`;
    const direction = LOWER_IS_BETTER.has(t.metric) ? "max" : "min";
    const limitText = `${direction === "min" ? "at least" : "at most"} ${show(t.metric, t.limit)}`;
    if (t.tag !== undefined && summary.excludedTags.includes(t.tag)) {
      return {
        ...t,
        name,
        value: null,
        direction,
        passed: true,
        skipped: true,
        message: `${name}: skipped (tag excluded)`,
      };
    }
    const metrics = t.tag === undefined ? summary : summary.byTag[t.tag];
    const value = metrics?.[t.metric] ?? null;
    // A hair of slack, so that 0.9 set from a printed 0.900 passes against 0.8999999999.
    const passed =
      value !== null && (direction === "min" ? value >= t.limit - 1e-9 : value <= t.limit + 1e-9);
    const measured =
      value === null ? "not measured (no questions or citations to measure it on)" : show(t.metric, value);
    return {
      ...t,
      name,
      value,
      direction,
      passed,
      skipped: false,
      message: `${name} = ${measured}, needs ${limitText}`,
    };
  });
}
