/**
 * A circuit breaker around a back end: after `failureThreshold` failures in a row it opens and
 * calls fail at once (no member waits on a back end that is down) for `cooldownMs`; then it is
 * half-open: one call is let through as a trial — success closes it, failure opens it again.
 * Only failures that say the back end is unwell count (timeouts, 5xx, nonsense); "not found"
 * is an answer. The clock is injected so tests move time instead of waiting.
 */
export type BreakerState = 'closed' | 'open' | 'halfOpen';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  clock?: () => number;
  onStateChange?: (state: BreakerState) => void;
}

export class CircuitOpenError extends Error {
  constructor() {
    super('circuit open: back end recently failing');
    this.name = 'CircuitOpenError';
  }
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private current: BreakerState = 'closed';
  private trialInFlight = false;
  private readonly clock: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.clock = options.clock ?? Date.now;
  }

  get state(): BreakerState {
    if (this.current === 'open' && this.clock() - this.openedAt >= this.options.cooldownMs) this.move('halfOpen');
    return this.current;
  }

  /**
   * Runs `call` unless the circuit is open. `isFailure` says whether an error counts against the
   * back end (default: every error).
   */
  async run<T>(call: () => Promise<T>, isFailure: (err: unknown) => boolean = () => true): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'halfOpen' && this.trialInFlight)) throw new CircuitOpenError();
    const trial = state === 'halfOpen';
    if (trial) this.trialInFlight = true;
    try {
      const result = await call();
      this.succeeded();
      return result;
    } catch (err) {
      if (isFailure(err)) this.failed(trial);
      else this.succeeded();
      throw err;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    if (this.current !== 'closed') this.move('closed');
  }

  private failed(trial: boolean): void {
    this.failures++;
    if (trial || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.clock();
      this.move('open');
    }
  }

  private move(state: BreakerState): void {
    if (this.current === state) return;
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
