// Counts the updates being handled, so a shutdown can wait for the answers already under way.
import type { MiddlewareFn } from "grammy";

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  middleware(): MiddlewareFn {
    return (_ctx, next) => this.track(next());
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves when everything under way now, and anything it started meanwhile, has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

const trackers = new WeakMap<object, InFlight>();

/** The tracker installed on a bot by createBot. */
export function inFlightOf(bot: object): InFlight {
  let tracker = trackers.get(bot);
  if (!tracker) trackers.set(bot, (tracker = new InFlight()));
  return tracker;
}
