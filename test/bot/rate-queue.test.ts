// The rate queue: within the limit at once; past it, each question gets a later turn in order, the backlog is
// announced once, and a question that would wait more than a window is refused with when to ask again.
import { expect, it } from "vitest";
import { RateQueue } from "../../src/bot/rate-queue.js";

it("queues past the limit in order, announces once, refuses beyond a window's wait", () => {
  let now = 1_000_000;
  const q = new RateQueue(2, 60_000, 60_000, () => now);
  expect(q.reserve("u")).toEqual({ waitMs: 0, notice: false });
  expect(q.reserve("u")).toEqual({ waitMs: 0, notice: false });
  expect(q.reserve("u")).toEqual({ waitMs: 60_000, notice: true });
  expect(q.reserve("u")).toEqual({ waitMs: 60_000, notice: false });
  expect(q.reserve("u")).toEqual({ refused: true, retryMs: 120_000 });
  expect(q.reserve("other")).toEqual({ waitMs: 0, notice: false });
  now += 60_000;
  // The two queued turns are now; the next waits again, still the same backlog: not announced again.
  expect(q.reserve("u")).toEqual({ waitMs: 60_000, notice: false });
  now += 180_000;
  q.reserve("u");
  q.reserve("u");
  // A new backlog, after a quiet window, is announced anew.
  expect(q.reserve("u")).toEqual({ waitMs: 60_000, notice: true });
});

it("refuses a limit below one", () => {
  expect(() => new RateQueue(0, 1000)).toThrow(RangeError);
});
