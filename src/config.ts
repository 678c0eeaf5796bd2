// Turns an environment (process.env or a test's object) into a validated, typed Config. Reads nothing at import time.
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "./errors.js";

const intFrom = (min: number) => z.coerce.number().int().min(min);
const numberIn = (min: number, max: number) => z.coerce.number().min(min).max(max);
const csvIds = z
  .string()
  .default("")
  .transform((s, ctx) => {
    const parts = s
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of parts) {
      if (!/^\d+$/.test(p))
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${p}" is not a numeric id` });
    }
    return parts.map(Number);
  });
const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));

export const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: z.string().optional(),
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  ADMIN_IDS: csvIds,
  CORPUS_DIR: z.string().default("corpus"),
  INDEX_DIR: z.string().default("index"),
  DATA_DIR: z.string().default("data"),
  EMBEDDINGS_PROVIDER: z.enum(["local", "openai", "ollama", "transformers"]).default("local"),
  EMBEDDINGS_MODEL: z.string().optional(),
  LLM_PROVIDER: z.enum(["none", "openai", "ollama"]).default("none"),
  LLM_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: intFrom(100).default(30000),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: optionalUrl,
  OLLAMA_BASE_URL: z.string().url().default("http://127.0.0.1:11434"),
  WEBHOOK_URL: optionalUrl,
  WEBHOOK_SECRET: z.string().optional(),
  PORT: intFrom(1).max(65535).default(8080),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  TOP_K: intFrom(1).max(100).default(5),
  ABSTAIN_THRESHOLD: z.preprocess((v) => (v === "" ? undefined : v), numberIn(0, 1).optional()),
  RATE_LIMIT_PER_MINUTE: intFrom(1).default(10),
  MAX_QUESTION_CHARS: intFrom(10).default(1000),
  MAX_UPLOAD_MB: numberIn(0.001, 2000).default(20),
  ALLOW_PRIVATE_URLS: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});

type Parsed = z.infer<typeof configSchema>;
export type Config = Parsed & { corpusDir: string; indexDir: string; dataDir: string };

/** What each variable accepts, for error messages. */
function describe(issue: z.ZodIssue): string | undefined {
  if (issue.code === z.ZodIssueCode.invalid_enum_value) return issue.options.join(", ");
  if (issue.code === z.ZodIssueCode.too_small || issue.code === z.ZodIssueCode.too_big) return issue.message;
  return undefined;
}

/**
 * Validates the environment. Unknown variables are ignored; a bad value throws a ConfigError naming it.
 * Relative folders are resolved against `cwd`.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === "" && k !== "ADMIN_IDS" ? undefined : env[k]]),
  );
  const result = configSchema.safeParse(known);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    throw new ConfigError(
      variable,
      `${issue.message} (got ${JSON.stringify(env[variable])})`,
      describe(issue),
    );
  }
  const c = result.data;
  return {
    ...c,
    corpusDir: path.resolve(cwd, c.CORPUS_DIR),
    indexDir: path.resolve(cwd, c.INDEX_DIR),
    dataDir: path.resolve(cwd, c.DATA_DIR),
  };
}
