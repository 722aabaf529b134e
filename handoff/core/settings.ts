import { z } from 'zod';
import { isLoopbackUrl } from '../../common/loopback';
import { parseAccounts, type AgentAccount } from './accounts';

/**
 * Environment settings of the hand-off to people and the agent console, merged into the
 * configuration schema (bot/config.ts). Empty means unset.
 */

const unset = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const whole = (min: number, max: number, fallback: number) => {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.preprocess(
    unset,
    z.coerce.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected }).default(fallback),
  );
};

export const HANDOFF_MODES = ['queue', 'event', 'contact'] as const;
export type HandoffMode = (typeof HANDOFF_MODES)[number];

const httpUrl = (what: string) =>
  z.preprocess(unset, z.url({ error: `expected an http(s) URL for ${what}`, protocol: /^https?$/ }).optional());

export const handoffEnvShape = {
  HANDOFF_MODE: z.preprocess(unset, z.enum(HANDOFF_MODES, { error: `expected one of ${HANDOFF_MODES.join(', ')}` }).optional()).meta({
    description:
      'What "talk to a person" does: `queue` (the agent console\'s queue), `event` (Bot Framework `handoff.initiate` to your contact centre) or `contact` (phone, secure message, call back). See [Agent console](agent-console.md).',
    defaultText: '`queue` (`contact` in production when no agent can sign in)',
  }),
  HANDOFF_MAX_WAIT_MINUTES: whole(1, 24 * 60, 20).meta({
    description: 'Longest wait in the queue; then the member is given the other ways to reach a person.',
  }),
  AGENT_ACCOUNTS: z.preprocess(unset, z.string().optional()).meta({
    description:
      'Agent accounts, as password hashes: `username:scrypt$…` entries or a JSON array (`npm run -s agent:hash-password` makes a hash). In development with no accounts and no OIDC, the demo agent `demo-agent` / `demo-agent`.',
    secret: true,
  }),
  AGENT_SESSION_TTL_MINUTES: whole(5, 24 * 60, 480).meta({ description: "How long an agent's sign-in lasts." }),
  AGENT_LOGIN_ATTEMPTS_PER_MINUTE: whole(0, 10_000, 10).meta({
    description: 'Sign-in attempts per client address, and wrong passwords per user name from one client address (`429` beyond; `0` = unlimited).',
  }),
  AGENT_OIDC_ISSUER: httpUrl('AGENT_OIDC_ISSUER').meta({ description: 'Agents sign in with your OpenID Connect provider (this issuer).' }),
  AGENT_OIDC_CLIENT_ID: z.preprocess(unset, z.string().trim().min(1).max(256).optional()).meta({
    description: "The console's client id at the provider. Required with `AGENT_OIDC_ISSUER`.",
  }),
  AGENT_OIDC_CLIENT_SECRET: z.preprocess(unset, z.string().min(1).optional()).meta({
    description: 'Its client secret (confidential clients).',
    secret: true,
  }),
  AGENT_OIDC_REDIRECT_URL: httpUrl('AGENT_OIDC_REDIRECT_URL').meta({
    description: 'The redirect URL registered at the provider.',
    defaultText: '`<console origin>/agent/oidc/callback`',
  }),
};

type HandoffEnv = z.output<z.ZodObject<typeof handoffEnvShape>> & { NODE_ENV: string };


/** Cross-field checks, applied by the merged schema's superRefine. */
export function checkHandoffEnv(env: HandoffEnv, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  let accounts: AgentAccount[] = [];
  try {
    accounts = parseAccounts(env.AGENT_ACCOUNTS);
  } catch (err) {
    issue('AGENT_ACCOUNTS', (err as Error).message);
  }
  if (env.AGENT_OIDC_ISSUER && !env.AGENT_OIDC_CLIENT_ID) issue('AGENT_OIDC_CLIENT_ID', 'required when AGENT_OIDC_ISSUER is set');
  if (env.AGENT_OIDC_CLIENT_ID && !env.AGENT_OIDC_ISSUER) issue('AGENT_OIDC_ISSUER', 'required when AGENT_OIDC_CLIENT_ID is set');
  if (env.NODE_ENV === 'production') {
    for (const name of ['AGENT_OIDC_ISSUER', 'AGENT_OIDC_REDIRECT_URL'] as const) {
      const value = env[name];
      if (value && !value.startsWith('https:') && !isLoopbackUrl(new URL(value))) {
        issue(name, 'expected an https URL when NODE_ENV is production');
      }
    }
    const canSignIn = accounts.length > 0 || Boolean(env.AGENT_OIDC_ISSUER);
    if (env.HANDOFF_MODE === 'queue' && !canSignIn) {
      issue(
        'HANDOFF_MODE',
        'is queue but no agent can sign in: set AGENT_ACCOUNTS (npm run agent:hash-password) or AGENT_OIDC_ISSUER, or use HANDOFF_MODE=contact (the demo agent is for development only)',
      );
    }
  }
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Unset: `<the request's origin>/agent/oidc/callback`. */
  redirectUrl?: string;
}

export interface HandoffSettings {
  /**
   * queue: escalations wait in this assistant's queue for an agent in the console (/agent);
   * event: Bot Framework's handoff.initiate event goes to the contact centre's own routing;
   * contact: the member is told how to reach a person (phone, secure message, call back).
   */
  mode: HandoffMode;
  /** After this long in the queue without an agent, the member gets the other ways to reach us. */
  maxWaitMinutes: number;
  accounts: AgentAccount[];
  /** Development, no accounts and no OIDC: the demo agent (demo-agent / demo-agent) may sign in. */
  demoAgent: boolean;
  sessionTtlMinutes: number;
  loginAttemptsPerMinute: number;
  oidc?: OidcSettings;
}

/**
 * Maps parsed settings. The default mode is queue, except in production when no agent could sign
 * in (no AGENT_ACCOUNTS, no OIDC): then contact, so that nobody is put in a line no one can see.
 */
export function toHandoffSettings(env: HandoffEnv): HandoffSettings {
  const accounts = parseAccounts(env.AGENT_ACCOUNTS);
  const oidc: OidcSettings | undefined =
    env.AGENT_OIDC_ISSUER && env.AGENT_OIDC_CLIENT_ID
      ? {
          // Exactly as configured: it must equal the ID token's "iss".
          issuer: env.AGENT_OIDC_ISSUER,
          clientId: env.AGENT_OIDC_CLIENT_ID,
          clientSecret: env.AGENT_OIDC_CLIENT_SECRET,
          redirectUrl: env.AGENT_OIDC_REDIRECT_URL,
        }
      : undefined;
  const demoAgent = env.NODE_ENV === 'development' && accounts.length === 0 && !oidc;
  const canSignIn = accounts.length > 0 || Boolean(oidc) || demoAgent;
  const mode = env.HANDOFF_MODE ?? (env.NODE_ENV !== 'production' || canSignIn ? 'queue' : 'contact');
  return {
    mode,
    maxWaitMinutes: env.HANDOFF_MAX_WAIT_MINUTES,
    accounts,
    demoAgent,
    sessionTtlMinutes: env.AGENT_SESSION_TTL_MINUTES,
    loginAttemptsPerMinute: env.AGENT_LOGIN_ATTEMPTS_PER_MINUTE,
    oidc,
  };
}
