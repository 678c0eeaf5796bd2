// The CI-sized load test: the real bot in-process against the emulator, users in groups and in private chats asking
// at once while an admin adds and removes notes. Every question gets exactly one answer; the index ends consistent.
// `npm run loadtest` runs the full-sized version against a child process and prints the figures.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatReport } from "../../src/loadtest/report.js";
import { type LoadOptions, runLoad } from "../../src/loadtest/run-load.js";

const base: LoadOptions = {
  users: 24,
  chats: 6,
  questions: 150,
  bot: "inline",
  thinkMs: 0,
  adminPauseMs: 100,
  timeoutMs: 30_000,
  graceMs: 300,
  corpusDir: path.resolve(import.meta.dirname, "../../corpus"),
  seed: 7,
};

describe("load", () => {
  it.each([
    ["24 users in 6 groups", base],
    ["12 users in private chats", { ...base, users: 12, chats: 12, questions: 60, seed: 8 }],
  ])(
    "%s: no reply lost or duplicated while an admin adds and removes documents",
    async (_name, options) => {
      const report = await runLoad(options);
      const summary = formatReport(report);
      expect(report.questions, summary).toBe(options.questions);
      expect(report.answered, summary).toBe(options.questions);
      expect(report.lost, summary).toBe(0);
      expect(report.duplicated, summary).toBe(0);
      expect(report.apologies, summary).toBe(0);
      expect(report.botErrors, summary).toEqual([]);
      expect(report.admin.added, summary).toBeGreaterThanOrEqual(1);
      expect(report.admin.removed, summary).toBe(report.admin.added);
      expect(report.admin.failed, summary).toEqual([]);
      expect(report.consistent, summary).toBe(true);
    },
    120_000,
  );
});
