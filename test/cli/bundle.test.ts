// The command-line bundles (tools/bundle-cli.mjs): stamped with their sources, and stale once one changes.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isFresh, readStamp, stampOf } from "../../tools/cli-stamp.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("a bundle's stamp", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "cli-stamp-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("names every source the bundle was built from, and the lock file", async () => {
    // @ts-expect-error: a plain JavaScript module of the build, without types.
    const { bundleCli } = await import("../../tools/bundle-cli.mjs");
    const stamp = readStamp(await bundleCli("ask"));
    expect(Object.keys(stamp ?? {})).toEqual(
      expect.arrayContaining([
        "src/cli/ask.ts",
        "src/answer/pipeline.ts",
        "src/text/wordnet.ts",
        "package-lock.json",
      ]),
    );
    expect(isFresh(ROOT, stamp)).toBe(true);
  });

  it("is stale once a stamped file changes or goes", () => {
    writeFileSync(path.join(tmp, "a.ts"), "export const a = 1;\n");
    writeFileSync(path.join(tmp, "b.ts"), "export const b = 2;\n");
    const stamp = stampOf(tmp, ["a.ts", "b.ts"]);
    expect(isFresh(tmp, stamp)).toBe(true);
    utimesSync(path.join(tmp, "b.ts"), new Date(), new Date(Date.now() + 5_000));
    expect(isFresh(tmp, stamp)).toBe(false);
    rmSync(path.join(tmp, "b.ts"));
    expect(isFresh(tmp, { "a.ts": stamp["a.ts"]! })).toBe(true);
    expect(isFresh(tmp, stamp)).toBe(false);
  });

  it("is missing from a file that is no bundle", () => {
    writeFileSync(path.join(tmp, "plain.mjs"), "console.log(1);\n");
    expect(readStamp(path.join(tmp, "plain.mjs"))).toBeUndefined();
    expect(readStamp(path.join(tmp, "absent.mjs"))).toBeUndefined();
    expect(isFresh(tmp, undefined)).toBe(false);
  });
});
