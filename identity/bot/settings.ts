import { z } from 'zod';
import { ASYMMETRIC_ALGORITHMS, type AssertionAlgorithm } from '../core/portalAssertion';
import { isTimeZone } from '../../common/timeZone';

/**
 * Settings of member identity, member data (back ends) and the PHI audit log. Spread into the
 * configuration schema (bot/config.ts) like the NLU settings; documented in .env.example and
 * docs/settings.md.
 */

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const text = (what: string) => optional(z.string({ error: `expected ${what}` }).trim().min(1));
const httpUrl = (what: string) => optional(z.url({ error: `expected an http(s) URL for ${what}`, protocol: /^https?$/ }));
function whole(min: number, max: number, fallback: number) {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.preprocess(blank, z.coerce.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected }).default(fallback));
}

export const MEMBER_DATA_SOURCES = ['sample', 'fhir', 'off'] as const;
export type MemberDataSource = (typeof MEMBER_DATA_SOURCES)[number];

export const identityEnvShape = {
  MEMBER_DATA: optional(z.enum(MEMBER_DATA_SOURCES, { error: `expected one of ${MEMBER_DATA_SOURCES.join(', ')}` })).meta({
    description:
      "Where members' prescriptions and appointments come from: `sample` (synthetic members, refused in production), `fhir` (a FHIR R4 server) or `off` (members are sent to the portal). See [Signed-in members](identity.md).",
    defaultText: '`sample` (`off` in production)',
  }),
  MEMBER_TIME_ZONE: optional(z.string().refine(isTimeZone, { error: 'expected an IANA time zone such as America/Los_Angeles' }))
    .default('America/Los_Angeles')
    .meta({ description: "Time zone appointment times are shown in when the channel does not say (Web Chat sends the browser's)." }),
  IDENTITY_TTL_MINUTES: whole(1, 24 * 60, 30).meta({
    description: 'How long a verified identity lasts in a conversation; "sign out" ends it sooner.',
  }),
  IDENTITY_ISSUER: text('the portal assertion issuer (iss)').meta({
    description: "Expected `iss` of the portal's identity assertion. Required with a key.",
  }),
  IDENTITY_AUDIENCE: text('the portal assertion audience (aud)').meta({
    description: "Expected `aud` of the portal's identity assertion. Required with a key.",
  }),
  IDENTITY_PUBLIC_KEY: text('the portal public key: a PEM (-----BEGIN PUBLIC KEY-----) or a public JWK as JSON').meta({
    description:
      "The portal's public key (PEM or public JWK). Without it or a JWKS URL: a development key outside production (demo portal), Web Chat sign-in off in production.",
  }),
  IDENTITY_JWKS_URL: httpUrl('IDENTITY_JWKS_URL').meta({
    description: "The portal's JWKS URL (https in production), instead of `IDENTITY_PUBLIC_KEY`.",
  }),
  IDENTITY_ALGORITHMS: optional(
    z
      .string()
      .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
      .pipe(z.array(z.enum(ASYMMETRIC_ALGORITHMS, { error: `expected a comma-separated list of ${ASYMMETRIC_ALGORITHMS.join(', ')} (asymmetric only)` })).min(1)),
  ).meta({
    description: 'Accepted signature algorithms, asymmetric only (`none` and HS256 are always refused).',
    defaultText: '`RS256,ES256`',
  }),
  IDENTITY_MAX_AGE_SECONDS: whole(30, 24 * 3600, 600).meta({ description: 'Oldest assertion accepted (since its `iat`), whatever its `exp`.' }),
  TEAMS_OAUTH_CONNECTION: text('the Azure Bot OAuth connection name').meta({
    description: "Azure Bot OAuth connection for the Teams sign-in card (against the portal's identity provider).",
  }),
  TEAMS_MEMBER_MAP: text('the path of a JSON file mapping Entra ID object ids to member ids').meta({
    description: "JSON file mapping Entra ID object ids to member ids (default: the member data's own mapping).",
  }),
  SMS_VERIFICATION: optional(z.enum(['code', 'off'], { error: 'expected code or off' }))
    .default('code')
    .meta({ description: '`code`: a one-time code texted to the number on file verifies an SMS conversation; `off`.' }),
  FHIR_BASE_URL: httpUrl('FHIR_BASE_URL').meta({ description: 'FHIR R4 base URL (https in production). Required when `MEMBER_DATA=fhir`.' }),
  FHIR_TOKEN_URL: httpUrl('FHIR_TOKEN_URL').meta({ description: 'OAuth2 token endpoint for the FHIR server (client credentials).' }),
  FHIR_CLIENT_ID: text('the OAuth2 client id for the FHIR server').meta({ description: 'OAuth2 client id for the FHIR server.' }),
  FHIR_CLIENT_SECRET: text('the OAuth2 client secret for the FHIR server').meta({
    description: 'OAuth2 client secret for the FHIR server.',
    secret: true,
  }),
  FHIR_SCOPE: text('OAuth2 scopes for the FHIR server').meta({ description: 'OAuth2 scopes to ask for, space-separated.' }),
  FHIR_TIMEOUT_MS: whole(100, 60_000, 4000).meta({ description: 'Time allowed to one FHIR request.' }),
  FHIR_RETRIES: whole(0, 5, 2).meta({
    description: 'Extra tries for a FHIR read that timed out or got 429 / 5xx (changes are never retried).',
  }),
  TRANSCRIPT_RETENTION_DAYS: whole(1, 90, 30).meta({
    description:
      'Conversation transcripts (redacted, kept for the people who take escalations) older than this are deleted, hourly (1–90).',
  }),
  AUDIT_LOG: optional(z.enum(['file', 'stdout'], { error: 'expected file or stdout' })).meta({
    description: 'PHI audit log: `file` (`DATA_DIR/audit/phi-audit.jsonl`) or `stdout` (lines marked `"audit": true`).',
    defaultText: '`file`',
  }),
};

type IdentityEnv = z.infer<z.ZodObject<typeof identityEnvShape>> & { NODE_ENV: string };

export function checkIdentityEnv(env: IdentityEnv, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const production = env.NODE_ENV === 'production';
  if (env.MEMBER_DATA === 'sample' && production) {
    issue('MEMBER_DATA', 'sample is synthetic demo data and is refused in production; use fhir, or off');
  }
  if (env.MEMBER_DATA === 'fhir') {
    if (!env.FHIR_BASE_URL) issue('FHIR_BASE_URL', 'required when MEMBER_DATA is fhir');
    else if (production && !env.FHIR_BASE_URL.startsWith('https:')) issue('FHIR_BASE_URL', 'must be https in production');
  }
  const tokenParts = [env.FHIR_TOKEN_URL, env.FHIR_CLIENT_ID, env.FHIR_CLIENT_SECRET].filter(Boolean).length;
  if (tokenParts > 0 && tokenParts < 3) issue(env.FHIR_TOKEN_URL ? (env.FHIR_CLIENT_ID ? 'FHIR_CLIENT_SECRET' : 'FHIR_CLIENT_ID') : 'FHIR_TOKEN_URL', 'required with the other FHIR_TOKEN_URL / FHIR_CLIENT_ID / FHIR_CLIENT_SECRET settings (OAuth2 client credentials)');
  const keys = [env.IDENTITY_PUBLIC_KEY, env.IDENTITY_JWKS_URL].filter(Boolean).length;
  if (keys > 1) issue('IDENTITY_JWKS_URL', 'set either IDENTITY_PUBLIC_KEY or IDENTITY_JWKS_URL, not both');
  if (keys === 1) {
    if (!env.IDENTITY_ISSUER) issue('IDENTITY_ISSUER', 'required with IDENTITY_PUBLIC_KEY or IDENTITY_JWKS_URL');
    if (!env.IDENTITY_AUDIENCE) issue('IDENTITY_AUDIENCE', 'required with IDENTITY_PUBLIC_KEY or IDENTITY_JWKS_URL');
    if (production && env.IDENTITY_JWKS_URL && !env.IDENTITY_JWKS_URL.startsWith('https:')) issue('IDENTITY_JWKS_URL', 'must be https in production');
  } else if (env.IDENTITY_ISSUER || env.IDENTITY_AUDIENCE) {
    issue('IDENTITY_PUBLIC_KEY', 'IDENTITY_ISSUER and IDENTITY_AUDIENCE need IDENTITY_PUBLIC_KEY or IDENTITY_JWKS_URL');
  }
}

export interface IdentitySettings {
  /** Where member records come from: the synthetic sample, a FHIR server, or nowhere (explain and link). */
  memberData: MemberDataSource;
  timeZone: string;
  ttlMinutes: number;
  /** The portal's assertion keys; null: the development portal outside production, else web sign-in off. */
  portal: { issuer: string; audience: string; publicKey?: string; jwksUrl?: string; algorithms: AssertionAlgorithm[]; maxAgeSeconds: number } | null;
  maxAgeSeconds: number;
  teams: { oauthConnection?: string; memberMap?: string };
  sms: { codes: boolean };
  fhir?: { baseUrl: string; timeoutMs: number; retries: number; token?: { tokenUrl: string; clientId: string; clientSecret: string; scope?: string } };
  /** Conversation transcripts older than this are deleted. */
  transcriptRetentionDays: number;
  /** Where PHI audit entries go; `memory` (kept in the process) only under NODE_ENV=test unless AUDIT_LOG is set. */
  audit: 'file' | 'stdout' | 'memory';
}

export function toIdentitySettings(env: IdentityEnv): IdentitySettings {
  const production = env.NODE_ENV === 'production';
  const keyed = env.IDENTITY_PUBLIC_KEY || env.IDENTITY_JWKS_URL;
  return {
    memberData: env.MEMBER_DATA ?? (production ? 'off' : 'sample'),
    timeZone: env.MEMBER_TIME_ZONE,
    ttlMinutes: env.IDENTITY_TTL_MINUTES,
    portal: keyed
      ? {
          issuer: env.IDENTITY_ISSUER!,
          audience: env.IDENTITY_AUDIENCE!,
          ...(env.IDENTITY_PUBLIC_KEY ? { publicKey: env.IDENTITY_PUBLIC_KEY } : {}),
          ...(env.IDENTITY_JWKS_URL ? { jwksUrl: env.IDENTITY_JWKS_URL } : {}),
          algorithms: (env.IDENTITY_ALGORITHMS ?? ['RS256', 'ES256']) as AssertionAlgorithm[],
          maxAgeSeconds: env.IDENTITY_MAX_AGE_SECONDS,
        }
      : null,
    maxAgeSeconds: env.IDENTITY_MAX_AGE_SECONDS,
    teams: { ...(env.TEAMS_OAUTH_CONNECTION ? { oauthConnection: env.TEAMS_OAUTH_CONNECTION } : {}), ...(env.TEAMS_MEMBER_MAP ? { memberMap: env.TEAMS_MEMBER_MAP } : {}) },
    sms: { codes: env.SMS_VERIFICATION === 'code' },
    ...(env.FHIR_BASE_URL
      ? {
          fhir: {
            baseUrl: env.FHIR_BASE_URL.replace(/\/+$/, ''),
            timeoutMs: env.FHIR_TIMEOUT_MS,
            retries: env.FHIR_RETRIES,
            ...(env.FHIR_TOKEN_URL && env.FHIR_CLIENT_ID && env.FHIR_CLIENT_SECRET
              ? { token: { tokenUrl: env.FHIR_TOKEN_URL, clientId: env.FHIR_CLIENT_ID, clientSecret: env.FHIR_CLIENT_SECRET, ...(env.FHIR_SCOPE ? { scope: env.FHIR_SCOPE } : {}) } }
              : {}),
          },
        }
      : {}),
    transcriptRetentionDays: env.TRANSCRIPT_RETENTION_DAYS,
    audit: env.AUDIT_LOG ?? (env.NODE_ENV === 'test' ? 'memory' : 'file'),
  };
}
