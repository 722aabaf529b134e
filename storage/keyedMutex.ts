/**
 * One holder per key at a time, first come first served, for async work. Used for the per-key
 * read-check-write of the file store and to run one turn per conversation at a time.
 *
 * `waitMs` bounds the wait: when the holder takes longer (a stuck turn), the next one goes ahead
 * anyway after `onTimeout`, so a conversation can never be blocked forever. The eTag check on save
 * still keeps the two from overwriting each other.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Keys with work running or waiting (for tests: nothing is kept once all work is done). */
  get size(): number {
    return this.tails.size;
  }

  async run<T>(
    key: string,
    work: () => Promise<T>,
    options: { waitMs?: number; onTimeout?: () => void } = {},
  ): Promise<T> {
    const previous = this.tails.get(key);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(key, mine);
    try {
      if (previous) {
        const inTime = await waitFor(previous, options.waitMs);
        if (!inTime) options.onTimeout?.();
      }
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === mine) this.tails.delete(key);
    }
  }
}

/** Resolves true when `promise` settles, false when `ms` passes first (no limit without `ms`). */
function waitFor(promise: Promise<void>, ms: number | undefined): Promise<boolean> {
  if (ms === undefined) return promise.then(() => true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref?.();
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
