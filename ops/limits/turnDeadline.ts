/**
 * Resolves true when `work` settles within `ms`, false when the time runs out first (the work
 * goes on; the caller decides what to do with it). `mayGiveUp` is asked when the time is up and
 * again on `recheck()`: until it says yes, the wait goes on (a turn still being authenticated
 * must not be answered 202).
 */
export function settlesWithin(
  work: Promise<unknown>,
  ms: number,
  mayGiveUp: () => boolean = () => true,
): { settled: Promise<boolean>; recheck: () => void } {
  let late = false;
  let resolve!: (settled: boolean) => void;
  const settled = new Promise<boolean>((r) => (resolve = r));
  const timer = setTimeout(() => {
    late = true;
    if (mayGiveUp()) resolve(false);
  }, ms);
  timer.unref?.();
  const done = () => {
    clearTimeout(timer);
    resolve(true);
  };
  work.then(done, done);
  return {
    settled,
    recheck: () => {
      if (late && mayGiveUp()) resolve(false);
    },
  };
}
