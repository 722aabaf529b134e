import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { agentProfileFields, type AgentProfile } from './agentProfile';

/**
 * Agent accounts from configuration (AGENT_ACCOUNTS), with passwords kept only as salted scrypt
 * hashes (node:crypto), compared in constant time.
 *
 * Hash format: `scrypt$<N>$<r>$<p>$<salt, base64url>$<key, base64url>` — what
 * `npm run agent:hash-password` prints.
 */

export interface AgentAccount {
  /** The sign-in name and the agent's id. */
  username: string;
  /** Shown to members ("Pat from our team has joined") and in the console. */
  name: string;
  passwordHash: string;
  /** Role, skills and capacity (agentProfile.ts); defaults when absent. */
  profile?: Partial<Pick<AgentProfile, 'role' | 'capacity'>> & { skills?: { languages?: Array<'en' | 'es'>; topics?: string[] } };
}

export const DEMO_AGENT = { username: 'demo-agent', password: 'demo-agent', name: 'Demo Agent' } as const;

const DEFAULT_PARAMS = { N: 16384, r: 8, p: 1, keyLength: 64 };
const USERNAME = /^[A-Za-z0-9._@-]{2,64}$/;
const HASH = /^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,128})\$([A-Za-z0-9_-]{32,256})$/;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

export function parseHash(hash: string): ParsedHash | null {
  const m = HASH.exec(hash);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // N a power of two; memory (128·N·r) at most 256 MiB.
  if (N < 1024 || (N & (N - 1)) !== 0 || r < 1 || p < 1 || 128 * N * r > 256 * 1024 * 1024) return null;
  return { N, r, p, salt: Buffer.from(m[4]!, 'base64url'), key: Buffer.from(m[5]!, 'base64url') };
}

/** A new salted hash of `password` (16-byte random salt). */
export async function hashPassword(password: string, params = DEFAULT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: 256 * 1024 * 1024 + 1024 });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `password` matches `hash` (constant-time comparison of the derived keys). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parseHash(hash);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, {
    N: parsed.N,
    r: parsed.r,
    p: parsed.p,
    maxmem: 256 * 1024 * 1024 + 1024,
  });
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

const accountSchema = z.strictObject({
  username: z.string().regex(USERNAME, { error: 'user names are 2 to 64 letters, digits, dots, dashes, underscores or @' }),
  name: z.string().trim().min(1).max(64).optional(),
  passwordHash: z.string().refine((h) => parseHash(h) !== null, {
    error: 'expected a hash made by npm run agent:hash-password (scrypt$N$r$p$salt$key)',
  }),
  ...agentProfileFields,
});

/**
 * AGENT_ACCOUNTS: either a JSON array `[{ "username", "name"?, "passwordHash" }]`, or entries
 * `username:scrypt$…` separated by commas, spaces or new lines. Throws an Error whose message says
 * what is wrong (never echoing a hash).
 */
export function parseAccounts(raw: string | undefined): AgentAccount[] {
  const text = raw?.trim();
  if (!text) return [];
  let items: unknown[];
  if (text.startsWith('[')) {
    try {
      items = JSON.parse(text) as unknown[];
    } catch {
      throw new Error('is not valid JSON (expected [{ "username", "name", "passwordHash" }] or username:hash entries)');
    }
    if (!Array.isArray(items)) throw new Error('expected a JSON array of accounts');
  } else {
    items = text.split(/[\s,]+/).filter(Boolean).map((entry) => {
      const colon = entry.indexOf(':');
      if (colon <= 0) throw new Error('expected entries of the form username:scrypt$… (see npm run agent:hash-password)');
      return { username: entry.slice(0, colon), passwordHash: entry.slice(colon + 1) };
    });
  }
  const accounts: AgentAccount[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const parsed = accountSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`account ${i + 1}: ${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    const key = parsed.data.username.toLowerCase();
    if (seen.has(key)) throw new Error(`account ${i + 1}: user name "${parsed.data.username}" is listed twice`);
    seen.add(key);
    const { role, skills, capacity } = parsed.data;
    const profile = role || skills || capacity ? { role, skills, capacity } : undefined;
    accounts.push({ username: parsed.data.username, name: parsed.data.name ?? parsed.data.username, passwordHash: parsed.data.passwordHash, ...(profile ? { profile } : {}) });
  });
  return accounts;
}

/**
 * The accounts agents sign in with. A user name that does not exist costs the same scrypt work
 * as one that does, so timing does not tell which names exist.
 */
export class AgentAccounts {
  private readonly byName = new Map<string, AgentAccount>();
  private dummyHash?: Promise<string>;

  constructor(accounts: readonly AgentAccount[]) {
    for (const account of accounts) this.byName.set(account.username.toLowerCase(), account);
  }

  /** The demo account (development only, when no accounts are configured): demo-agent / demo-agent. */
  static async demo(): Promise<AgentAccounts> {
    // The demo agent can try everything: both languages, every topic, history.
    const profile = { role: 'supervisor' as const, skills: { languages: ['en', 'es'] as Array<'en' | 'es'>, topics: ['billing', 'pharmacy', 'clinical'] } };
    return new AgentAccounts([{ username: DEMO_AGENT.username, name: DEMO_AGENT.name, passwordHash: await hashPassword(DEMO_AGENT.password), profile }]);
  }

  get size(): number {
    return this.byName.size;
  }

  /** The account of an agent id (password sign-in: the user name), for its role, skills and capacity. */
  account(username: string): AgentAccount | undefined {
    return this.byName.get(username.toLowerCase());
  }

  has(username: string): boolean {
    return this.byName.has(username.toLowerCase());
  }

  async verify(username: string, password: string): Promise<AgentAccount | null> {
    const account = this.byName.get(username.toLowerCase());
    if (!account) {
      this.dummyHash ??= hashPassword('not a password of anyone');
      await verifyPassword(password, await this.dummyHash);
      return null;
    }
    return (await verifyPassword(password, account.passwordHash)) ? account : null;
  }

  /** Accounts that use the demo credentials (refused in production). */
  async usingDemoCredentials(): Promise<string[]> {
    const found: string[] = [];
    for (const account of this.byName.values()) {
      if (account.username.toLowerCase() === DEMO_AGENT.username || (await verifyPassword(DEMO_AGENT.password, account.passwordHash))) {
        found.push(account.username);
      }
    }
    return found;
  }
}
