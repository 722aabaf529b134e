import { createHash, randomBytes } from 'node:crypto';
import type { AssistantStorage, StoreItem } from '../../storage/types';
import { updateItem } from '../../storage/update';
import type { AgentRef } from './model';

/**
 * Agent sessions: an opaque random bearer token per sign-in, kept in the configured store (so any
 * instance can check it) under the SHA-256 of the token — the token itself is never stored or
 * logged. A session expires `ttlMs` after sign-in and can be revoked (sign out).
 */

const PREFIX = 'handoff/sessions/';
/** Agent tokens start with this, so they are easy to recognize (and never taken for a Direct Line token). */
export const TOKEN_PREFIX = 'mas_';
const TOKEN = /^mas_[A-Za-z0-9_-]{43}$/;

export interface AgentSession {
  agent: AgentRef;
  /** How the agent signed in. */
  via: 'password' | 'oidc';
  createdAt: number;
  expiresAt: number;
}

interface SessionItem extends StoreItem, AgentSession {}

export type SessionCheck = { ok: true; session: AgentSession } | { ok: false; reason: 'missing' | 'expired' };

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class AgentSessions {
  constructor(
    private readonly storage: AssistantStorage,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async create(agent: AgentRef, via: AgentSession['via']): Promise<{ token: string; session: AgentSession }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const session: AgentSession = { agent, via, createdAt, expiresAt: createdAt + this.ttlMs };
    await this.storage.put(PREFIX + hashToken(token), { ...session }, null);
    return { token, session };
  }

  async check(token: string): Promise<SessionCheck> {
    if (!TOKEN.test(token)) return { ok: false, reason: 'missing' };
    const key = PREFIX + hashToken(token);
    const item = (await this.storage.read([key]))[key] as SessionItem | undefined;
    if (!item || typeof item.expiresAt !== 'number' || !item.agent?.id) return { ok: false, reason: 'missing' };
    if (this.now() >= item.expiresAt) {
      await this.storage.delete([key]).catch(() => undefined);
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, session: { agent: { id: item.agent.id, name: item.agent.name }, via: item.via, createdAt: item.createdAt, expiresAt: item.expiresAt } };
  }

  async revoke(token: string): Promise<void> {
    if (TOKEN.test(token)) await this.storage.delete([PREFIX + hashToken(token)]);
  }
}

/**
 * Short-lived single-use records (the OIDC sign-in's state, the code that hands the session to the
 * console), stored under a hash of their key. `take` succeeds once: the first caller marks the
 * record used with an eTag-checked write, so two requests with the same code cannot both win.
 */
export class OneTimeRecords<T extends object> {
  constructor(
    private readonly storage: AssistantStorage,
    private readonly prefix: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async put(key: string, value: T): Promise<void> {
    await this.storage.put(this.prefix + hashToken(key), { value, expiresAt: this.now() + this.ttlMs, used: false }, null);
  }

  async take(key: string): Promise<T | undefined> {
    const storeKey = this.prefix + hashToken(key);
    let won = false;
    let value: T | undefined;
    const now = this.now();
    await updateItem<StoreItem>(this.storage, storeKey, (item) => {
      won = false;
      if (!item || item.used || typeof item.expiresAt !== 'number' || now >= item.expiresAt) return undefined;
      won = true;
      value = item.value as T;
      return { ...item, used: true };
    });
    await this.storage.delete([storeKey]).catch(() => undefined);
    return won ? value : undefined;
  }
}
