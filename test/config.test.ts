// The environment becomes a typed config; a bad value stops the start with the variable's name and what it accepts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { configSchema, loadConfig } from "../src/config.js";
import { ConfigError } from "../src/errors.js";

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("gives offline defaults for an empty environment and resolves folders against cwd", () => {
    const c = loadConfig({}, "/srv/bot");
    expect(c).toMatchObject({
      EMBEDDINGS_PROVIDER: "local",
      LLM_PROVIDER: "none",
      ADMIN_IDS: [],
      corpusDir: path.resolve("/srv/bot", "corpus"),
      indexDir: path.resolve("/srv/bot", "index"),
      dataDir: path.resolve("/srv/bot", "data"),
    });
    expect(loadConfig({ INDEX_DIR: "/tmp/x" }, "/srv/bot").indexDir).toBe("/tmp/x");
  });

  it("reads every variable of .env.example, whose values are valid as they stand", async () => {
    const example = parse(await readFile(path.resolve(import.meta.dirname, "../.env.example"), "utf8"));
    for (const name of Object.keys(configSchema.shape)) expect(Object.keys(example)).toContain(name);
    expect(() => loadConfig(example)).not.toThrow();
  });

  it("treats an empty value as unset", () => {
    expect(loadConfig({ EMBEDDINGS_PROVIDER: "", PORT: "" })).toMatchObject({
      EMBEDDINGS_PROVIDER: "local",
      PORT: 8080,
    });
  });

  it("parses comma-separated ADMIN_IDS into numbers", () => {
    expect(loadConfig({ ADMIN_IDS: "12, 345,6789" }).ADMIN_IDS).toEqual([12, 345, 6789]);
  });

  it("names EMBEDDINGS_PROVIDER and its accepted values for a bad provider", () => {
    const e = configError({ EMBEDDINGS_PROVIDER: "foo" });
    expect(e.variable).toBe("EMBEDDINGS_PROVIDER");
    expect(e.message).toContain("EMBEDDINGS_PROVIDER");
    expect(e.message).toContain('"foo"');
    for (const accepted of ["local", "openai", "ollama", "transformers"])
      expect(e.message).toContain(accepted);
  });

  it("names ADMIN_IDS and the bad id", () => {
    const e = configError({ ADMIN_IDS: "123,abc" });
    expect(e.variable).toBe("ADMIN_IDS");
    expect(e.message).toContain("ADMIN_IDS");
    expect(e.message).toContain("abc");
  });

  it.each([
    ["LLM_PROVIDER", "gpt", "none, openai, ollama"],
    ["PORT", "99999", "65535"],
    ["PORT", "eighty", "PORT"],
    ["TOP_K", "0", "1"],
    ["ABSTAIN_THRESHOLD", "2", "1"],
    ["OPENAI_BASE_URL", "not a url", "OPENAI_BASE_URL"],
    ["LOG_LEVEL", "loud", "debug, info, warn, error, silent"],
    ["ALLOW_PRIVATE_URLS", "yes", "true"],
  ])("names %s=%s in the error", (variable, value, mentions) => {
    const e = configError({ [variable]: value });
    expect(e.variable).toBe(variable);
    expect(e.message).toContain(variable);
    expect(e.message).toContain(mentions);
  });
});
