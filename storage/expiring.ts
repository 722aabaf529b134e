/**
 * Records that carry their own expiry. An item stored under a key that starts with
 * EXPIRING_PREFIX holds `expiresAt` (milliseconds since the epoch), and each store removes it some
 * time after that moment, never before:
 *
 * - file: the state files' expiry sweep (every few minutes, with the idle conversations);
 * - blob: a sweep of the prefix; `put` also writes the time as blob metadata, so a listing is enough;
 * - cosmos: a per-document `ttl`, which Cosmos DB applies once the container's time to live is on
 *   (start-up warns when it is off);
 * - memory: never (lost at exit; tests only).
 *
 * A record without a usable `expiresAt` is kept: nothing says it may go.
 */
export const EXPIRING_PREFIX = 'expiring/';

/** When the record stored under `key` may be removed (ms since the epoch), or undefined: never. */
export function expiresAtOf(key: string, item: unknown): number | undefined {
  if (typeof key !== 'string' || !key.startsWith(EXPIRING_PREFIX)) return undefined;
  const at = (item as { expiresAt?: unknown } | null | undefined)?.expiresAt;
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}
