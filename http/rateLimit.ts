/**
 * A per-key request budget (fixed one-minute windows), e.g. token requests per client address.
 * In memory and per process; the operations work may replace it with a shared one behind the
 * same interface.
 */
export interface RateLimiter {
  /** Takes one request from `key`'s budget: 0 when allowed, else the seconds to wait. */
  take(key: string): number;
  /** The seconds `key` must wait before its next request is allowed (0: now), taking nothing. */
  peek?(key: string): number;
  /**
   * Counts one request that no limit may refuse (an urgent message: an emergency or an abuse
   * disclosure, isUrgent), whether or not `key` is over its budget.
   */
  charge?(key: string): void;
  /** False when it limits nothing (a limit of 0): callers may skip working out the key. */
  readonly enabled?: boolean;
}

export class FixedWindowRateLimiter implements RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    /** Requests per window and key; 0 = unlimited. */
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    /** Keys remembered per window; past it every new key counts as over budget (a flood). */
    private readonly maxKeys = 50_000,
  ) {}

  take(key: string): number {
    return this.check(key, true);
  }

  peek(key: string): number {
    return this.check(key, false);
  }

  charge(key: string): void {
    if (this.limit <= 0) return;
    this.check(key, false);
    const used = this.counts.get(key);
    // Past maxKeys a new key is not remembered (bounded memory); it is over budget anyway.
    if (used !== undefined || this.counts.size < this.maxKeys) this.counts.set(key, (used ?? 0) + 1);
  }

  /** Whether this limiter limits anything (0 = unlimited). */
  get enabled(): boolean {
    return this.limit > 0;
  }

  private check(key: string, consume: boolean): number {
    if (this.limit <= 0) return 0;
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const retryAfter = Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
    const used = this.counts.get(key);
    if (used === undefined && this.counts.size >= this.maxKeys) return retryAfter;
    if ((used ?? 0) >= this.limit) return retryAfter;
    if (consume) this.counts.set(key, (used ?? 0) + 1);
    return 0;
  }
}
