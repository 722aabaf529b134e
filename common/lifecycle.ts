/**
 * Readiness and work in flight. `/healthz` reads the phase; the messages route wraps every turn
 * in `track()`; graceful shutdown stops taking new work and waits for `drain()`.
 */
export type Phase = 'starting' | 'ready' | 'stopping';

export class Lifecycle {
  private current: Phase = 'starting';
  private inflight = 0;
  private idleWaiters: Array<() => void> = [];

  get phase(): Phase {
    return this.current;
  }

  get active(): number {
    return this.inflight;
  }

  markReady(): void {
    if (this.current === 'starting') this.current = 'ready';
  }

  markStopping(): void {
    this.current = 'stopping';
  }

  /** Runs `work`, counting it as in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inflight++;
    try {
      return await work();
    } finally {
      this.inflight--;
      if (this.inflight === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  /** Resolves true once nothing is in flight, or false if `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.inflight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== wake);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(wake);
    });
  }
}
