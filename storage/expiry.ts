import type { Logger } from '../common/logger';
import { errnoOf } from './fileOps';

/** Idle expiry of some keys (conversations), swept from time to time. */
export interface ExpiryOptions {
  idleMs: number;
  /** Which keys expire: conversation state does, user state and escalations do not. */
  appliesTo: (key: string) => boolean;
  /**
   * Per-key files only: which file names can hold such a key (names show channel and kind), so a
   * sweep never opens the others (transcripts kept for months). Default: every file is read.
   */
  appliesToFileName?: (name: string) => boolean;
  sweepEveryMs: number;
}

/**
 * Runs `sweep` every `expiry.sweepEveryMs` on an unref'd timer (it never keeps the process alive);
 * a failed sweep is logged (error class and code only) and the next one tries again.
 */
export function startSweepTimer(expiry: Pick<ExpiryOptions, 'sweepEveryMs'>, sweep: () => Promise<number>, logger: Logger, what: string): NodeJS.Timeout {
  const timer = setInterval(() => {
    sweep().catch((err: unknown) => logger.warn({ err: { name: (err as Error)?.name, code: errnoOf(err) } }, `${what} expiry sweep failed`));
  }, expiry.sweepEveryMs);
  timer.unref();
  return timer;
}
