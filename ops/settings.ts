import { z } from 'zod';

/**
 * Settings of the operations layer (bot/compose/operations.ts): metrics, Application Insights,
 * rate limits, timeouts, text limits, security headers and CORS. Merged into the one env schema
 * in bot/config.ts; documented in .env.example and docs/settings.md.
 */

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

function wholeNumber(min: number, max: number, fallback: number) {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.preprocess(
    blank,
    z.coerce.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected }).default(fallback),
  );
}

/** A comma- or space-separated list of origins: scheme://host[:port], nothing else. */
const ORIGIN = /^https?:\/\/(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+(?::\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;
function origins(what: string) {
  return z.preprocess(
    (value) => (typeof blank(value) === 'string' ? String(value).split(/[\s,]+/).filter(Boolean) : undefined),
    z
      .array(
        z.string().refine((origin) => ORIGIN.test(origin), {
          error: `expected ${what}: origins such as https://portal.example.org (scheme, host and optional port; no path or trailing slash), separated by commas`,
        }),
      )
      .max(50, { error: 'expected at most 50 origins' })
      .default([]),
  );
}

const secret = (what: string, min = 1) =>
  z.preprocess(blank, z.string({ error: `expected ${what}` }).trim().min(min, { error: `expected ${what}` }).optional());

/** Application Insights' connection string: InstrumentationKey=…;IngestionEndpoint=https://… */
const connectionString = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .refine((value) => parseAppInsightsConnectionString(value) !== null, {
      error: 'expected an Application Insights connection string (InstrumentationKey=<guid>;IngestionEndpoint=https://…)',
    })
    .optional(),
);

export const operationsEnvShape = {
  METRICS_TOKEN: secret('a bearer token of at least 16 characters', 16).meta({
    description: 'Bearer token for `GET /metrics`; empty: only clients on this machine (not through a proxy) may scrape. See [Operations](operations.md).',
    secret: true,
  }),
  APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString.meta({
    description: "Sends botbuilder's telemetry events to Application Insights (no member text or names; ids pseudonymized).",
    secret: true,
  }),
  RATE_LIMIT_PER_CLIENT_PER_MINUTE: wholeNumber(0, 1_000_000, 600).meta({
    description: 'Requests per client address per minute (`429` beyond; `0` = off). On `/api/messages` only refused requests count once authentication is on.',
  }),
  RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: wholeNumber(0, 10_000, 30).meta({
    description: 'Member messages per conversation per minute: one "please slow down" answer, then `429` (`0` = off). Emergencies always get through.',
  }),
  TRUST_PROXY_HOPS: wholeNumber(0, 5, 0).meta({
    description: 'Reverse proxies in front of the assistant whose `X-Forwarded-For` entries name the client (for rate limits).',
  }),
  REQUEST_TIMEOUT_MS: wholeNumber(1000, 600_000, 30_000).meta({ description: 'Time a client has to send a whole request; slower ones get `408`.' }),
  TURN_DEADLINE_MS: wholeNumber(100, 14_000, 10_000).meta({
    description:
      'A turn still running after this long (Bot Connector and local Direct Line channels) is answered at once; its replies follow when ready.',
  }),
  MAX_MESSAGE_CHARS: wholeNumber(100, 100_000, 2000).meta({
    description: 'Longer member messages are cut (after the emergency check, which reads all of it), with a note.',
  }),
  CORS_ORIGINS: origins('the portal origins allowed to call the token endpoint and Direct Line from their pages').meta({
    description: 'Portal origins whose pages may call the token endpoint and Direct Line (CORS).',
  }),
  FRAME_ANCESTORS: origins('the portal origins allowed to embed the chat page in a frame').meta({
    description: 'Portal origins allowed to embed the chat page in an iframe.',
  }),
  HSTS_MAX_AGE_SECONDS: wholeNumber(0, 63_072_000, 0).meta({
    description: '`Strict-Transport-Security` max-age (set it when served over https).',
  }),
};

type OperationsEnv = z.output<z.ZodObject<typeof operationsEnvShape>>;

export interface AppInsightsTarget {
  instrumentationKey: string;
  /** Base URL of the ingestion endpoint, without a trailing slash. */
  ingestionEndpoint: string;
}

export interface OperationsSettings {
  metrics: {
    /** Bearer token scrapers send; unset: GET /metrics answers loopback clients only. */
    token?: string;
  };
  /** Application Insights (optional): where botbuilder's telemetry events go. */
  appInsights?: AppInsightsTarget & { connectionString: string };
  rateLimits: {
    /** Requests per client address per minute on the public endpoints (0 = off). */
    perClientPerMinute: number;
    /** Member messages per conversation per minute (0 = off); emergencies always get through. */
    perConversationPerMinute: number;
  };
  /** Reverse proxies in front of the assistant whose X-Forwarded-For entries are trusted. */
  trustProxyHops: number;
  /** Longest time a client may take to send a request (headers and body). */
  requestTimeoutMs: number;
  /** A turn still running after this long is answered over HTTP and finishes in the background. */
  turnDeadlineMs: number;
  /** Longer member messages are cut to this many characters (with a note). */
  maxMessageChars: number;
  corsOrigins: string[];
  frameAncestors: string[];
  hstsMaxAgeSeconds: number;
}

/** InstrumentationKey and IngestionEndpoint from a connection string, or null if it has none. */
export function parseAppInsightsConnectionString(value: string): AppInsightsTarget | null {
  const fields = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const key = fields.get('instrumentationkey');
  if (!key || !/^[0-9a-fA-F-]{32,36}$/.test(key)) return null;
  const endpoint = fields.get('ingestionendpoint') ?? 'https://dc.services.visualstudio.com';
  try {
    const url = new URL(endpoint);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  } catch {
    return null;
  }
  return { instrumentationKey: key, ingestionEndpoint: endpoint.replace(/\/+$/, '') };
}

export function toOperationsSettings(e: OperationsEnv): OperationsSettings {
  const target = e.APPLICATIONINSIGHTS_CONNECTION_STRING ? parseAppInsightsConnectionString(e.APPLICATIONINSIGHTS_CONNECTION_STRING) : null;
  return {
    metrics: { token: e.METRICS_TOKEN },
    appInsights: target ? { ...target, connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING! } : undefined,
    rateLimits: {
      perClientPerMinute: e.RATE_LIMIT_PER_CLIENT_PER_MINUTE,
      perConversationPerMinute: e.RATE_LIMIT_PER_CONVERSATION_PER_MINUTE,
    },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    turnDeadlineMs: e.TURN_DEADLINE_MS,
    maxMessageChars: e.MAX_MESSAGE_CHARS,
    corsOrigins: e.CORS_ORIGINS,
    frameAncestors: e.FRAME_ANCESTORS,
    hstsMaxAgeSeconds: e.HSTS_MAX_AGE_SECONDS,
  };
}
