// The per-user rate limit as a queue: a question over the limit waits for its turn in the window instead of being
// dropped; only one that would wait more than a window is refused, with when to ask again.

export type Reservation =
  /** Answer after `waitMs` (0: now); `notice`: the first wait of a backlog, to be told once. */
  { waitMs: number; notice: boolean } | { refused: true; retryMs: number };

export class RateQueue {
  /** Start times reserved per user within the last window (future ones included), ascending. */
  private readonly slots = new Map<string, number[]>();
  /** Until when a user's backlog has been announced. */
  private readonly announced = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxWaitMs = windowMs,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit >= 1)) throw new RangeError(`RateQueue limit must be at least 1 (got ${limit})`);
  }

  /** Reserves the user's next turn. */
  reserve(key: string): Reservation {
    const now = this.now();
    const times = (this.slots.get(key) ?? []).filter((t) => t > now - this.windowMs);
    const slot =
      times.length < this.limit ? now : Math.max(now, times[times.length - this.limit]! + this.windowMs);
    const waitMs = slot - now;
    if (waitMs > this.maxWaitMs) {
      this.slots.set(key, times);
      return { refused: true, retryMs: waitMs };
    }
    times.push(slot);
    this.slots.set(key, times);
    const notice = waitMs > 0 && now >= (this.announced.get(key) ?? 0);
    // Told once per backlog: not again while the user's questions keep waiting within a window of the last notice.
    if (waitMs > 0) this.announced.set(key, Math.max(slot + this.windowMs, this.announced.get(key) ?? 0));
    this.prune(now);
    return { waitMs, notice };
  }

  /** Forgets users idle for a whole window, so memory follows the active users. */
  private prune(now: number): void {
    if (this.slots.size < 1000) return;
    for (const [key, times] of this.slots) {
      if ((times.at(-1) ?? 0) <= now - this.windowMs) {
        this.slots.delete(key);
        this.announced.delete(key);
      }
    }
  }
}
