/**
 * A short random pause that grows with the attempt (up to `stepMs` × attempt, at most `maxMs`), so
 * two writers that collided drift apart instead of colliding again at once. `firstImmediate`: the
 * first attempt only yields to the event loop.
 */
export function jitter(attempt: number, options: { stepMs: number; maxMs?: number; firstImmediate?: boolean }): Promise<void> {
  if (options.firstImmediate && attempt <= 1) return new Promise((resolve) => setImmediate(resolve));
  const limit = Math.min(options.maxMs ?? Infinity, options.stepMs * attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * limit));
}
