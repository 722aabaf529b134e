import { createHash } from 'node:crypto';
import type { Logger } from '../common/logger';
import { EXPIRING_PREFIX } from './expiring';
import { isStorageConflict, type AssistantStorage } from './types';

/**
 * `claimed`: the first use (or the same owner again); `used`: somebody else used it first;
 * `unavailable`: the store could not say, so the caller refuses (fail closed).
 */
export type OneTimeClaim = 'claimed' | 'used' | 'unavailable';

export interface OneTimeIdsOptions {
  storage: AssistantStorage;
  /** What the ids are ("directline-stream", "portal-assertion"): part of the key, so two kinds never meet. */
  kind: string;
  /** Milliseconds since the epoch. */
  clock: () => number;
  logger: Logger;
}

/** Records are kept this much longer than their id could verify: instances' clocks differ a little. */
export const CLOCK_SKEW_MS = 60_000;

interface UsedRecord {
  /** SHA-256 of the owner, or null: nobody may present the id again. */
  owner: string | null;
  expiresAt: number;
}

/**
 * Ids of credentials that may be used once (a stream URL's token, a portal assertion), held in the
 * configured store so the rule holds on every instance that shares it and across restarts.
 *
 * `claim` writes a record create-only under `expiring/one-time/<kind>/<SHA-256 of the id>` (never
 * the id itself): the store lets exactly one writer create it, and every other claim finds it. An
 * owner (the conversation an assertion signed in) may present its id again; with owner `null`
 * nobody may. The record carries its own expiry, `validUntil` plus CLOCK_SKEW_MS, after which the
 * store removes it (storage/expiring.ts): by then the credential no longer verifies anyway.
 *
 * Claims this process made are remembered until `validUntil`, so a reconnect presenting the same
 * id again costs no round trip; the store decides everything else. A store that fails makes the
 * claim `unavailable` (logged with the error's class only).
 */
export class OneTimeIds {
  /** Key → owner hash (null: nobody again) and until when it matters (ms), oldest first. */
  private readonly mine = new Map<string, { owner: string | null; until: number }>();

  constructor(private readonly options: OneTimeIdsOptions) {}

  async claim(id: string, owner: string | null, validUntil: number): Promise<OneTimeClaim> {
    const key = `${EXPIRING_PREFIX}one-time/${this.options.kind}/${sha256(id)}`;
    const ownerHash = owner === null ? null : sha256(owner);
    this.forgetExpired();
    const known = this.mine.get(key);
    if (known) return known.owner !== null && known.owner === ownerHash ? 'claimed' : 'used';

    const record: UsedRecord = { owner: ownerHash, expiresAt: validUntil + CLOCK_SKEW_MS };
    try {
      await this.options.storage.put(key, { ...record }, null);
      this.mine.set(key, { owner: ownerHash, until: validUntil });
      return 'claimed';
    } catch (err) {
      if (!isStorageConflict(err)) return this.unavailable(err);
    }
    if (ownerHash === null) return 'used';
    let stored: Partial<UsedRecord> | undefined;
    try {
      stored = (await this.options.storage.read([key]))[key] as Partial<UsedRecord> | undefined;
    } catch (err) {
      return this.unavailable(err);
    }
    // Gone since the conflict (expired and swept): the credential no longer verifies either.
    if (stored?.owner !== ownerHash) return 'used';
    this.mine.set(key, { owner: ownerHash, until: validUntil });
    return 'claimed';
  }

  private unavailable(err: unknown): OneTimeClaim {
    const e = err as { name?: unknown; code?: unknown; statusCode?: unknown };
    this.options.logger.error({ kind: this.options.kind, err: { name: e?.name, code: e?.code ?? e?.statusCode } }, 'one-time id could not be checked in the store: refused');
    return 'unavailable';
  }

  /** Drops the remembered claims whose id no longer verifies; stops at the first live one (bounded work). */
  private forgetExpired(): void {
    const now = this.options.clock();
    for (const [key, entry] of this.mine) {
      if (entry.until > now) break;
      this.mine.delete(key);
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
