import path from 'node:path';
import { z } from 'zod';
import { StartupError } from '../common/errors';
import { secretSettings } from '../common/settingDoc';
import { checkHandoffEnv, handoffEnvShape, toHandoffSettings, type HandoffSettings } from '../handoff/core/settings';
import { checkNluEnv, nluEnvShape, toNluSettings, type NluSettings } from '../intents/settings';
import { checkIdentityEnv, identityEnvShape, toIdentitySettings, type IdentitySettings } from '../identity/bot/settings';
import type { StorageConfig } from '../storage/factory';
import { operationsEnvShape, toOperationsSettings, type OperationsSettings } from '../ops/settings';

/**
 * Configuration from the environment, validated once at start-up. Every setting is documented on
 * its schema (`.meta()`: docs/settings.md is generated from it) and in `.env.example`; a wrong or
 * missing value stops the process with one line that names the
 * setting and what is expected (see `ConfigError`).
 */

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** An optional setting: unset and empty (`NAME=` copied from .env.example) mean the same. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

function wholeNumber(min: number, max: number, fallback: number) {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: expected })
      .int({ error: expected })
      .min(min, { error: expected })
      .max(max, { error: expected })
      .default(fallback),
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.preprocess(
    blankToUndefined,
    z.enum(values, { error: `expected one of ${values.join(', ')}` }).default(fallback),
  );
}

function url(what: string) {
  return optional(z.url({ error: `expected an http(s) URL for ${what}`, protocol: /^https?$/ }));
}

const text = (what: string) => optional(z.string({ error: `expected ${what}` }).trim().min(1));

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export const STORAGE_KINDS = ['file', 'blob', 'cosmos', 'memory'] as const;
export const DIRECTLINE_MODES = ['local', 'azure', 'off'] as const;
export const AZURE_DIRECTLINE_ENDPOINT = 'https://directline.botframework.com/v3/directline';

/** The server process: environment, network, logs and local data. */
export const serverEnvShape = {
  NODE_ENV: oneOf(['development', 'production', 'test'], 'development').meta({
    description: '`development`, `production` or `test`. Production refuses demo credentials.',
  }),
  PORT: wholeNumber(0, 65535, 3978).meta({ description: 'Port to listen on (`0` = any free port).' }),
  HOST: text('a host name or IP address to listen on').meta({
    description: 'Interface to listen on. An unauthenticated bot stays on loopback unless you say otherwise.',
    defaultText: '`127.0.0.1` without credentials, else `0.0.0.0`',
  }),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info').meta({
    description: '`fatal` … `trace`, or `silent`. Logs are JSON lines on stdout and never contain member text or secrets.',
  }),
  DATA_DIR: text('a folder path')
    .default('./.data')
    .meta({ description: 'Folder for local state (`STORAGE=file`). Start-up fails with one line if it cannot be written.' }),
  MAX_BODY_BYTES: wholeNumber(1024, 16 * 1024 * 1024, 256 * 1024).meta({ description: 'Largest request body; larger requests get `413`.' }),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(100, 120_000, 10_000).meta({ description: 'How long a graceful stop waits for turns in flight.' }),
};

/** State: where conversations, users and escalations are kept (see storage/). */
export const stateEnvShape = {
  STORAGE: optional(z.enum(STORAGE_KINDS, { error: `expected one of ${STORAGE_KINDS.join(', ')}` })).meta({
    description:
      'Where state is kept: `file`, `blob` (Azure Blob Storage), `cosmos` (Azure Cosmos DB) or `memory` (tests only; refused otherwise). See [State](state.md).',
    defaultText: '`file` (`memory` when `NODE_ENV=test`)',
  }),
  AZURE_STORAGE_CONNECTION_STRING: text('an Azure Storage connection string').meta({
    description: 'Azure Storage connection string. Required when `STORAGE=blob`.',
    secret: true,
  }),
  AZURE_STORAGE_CONTAINER: optional(
    z.string().regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'expected a blob container name: 3 to 63 lowercase letters, digits and single dashes, starting and ending with a letter or digit',
    }),
  )
    .default('member-assistant-state')
    .meta({ description: 'Blob container for state (created if missing).' }),
  COSMOS_ENDPOINT: optional(z.url({ error: 'expected the https URL of the Cosmos DB account', protocol: /^https?$/ })).meta({
    description: 'Cosmos DB account URL. Required when `STORAGE=cosmos`.',
  }),
  COSMOS_KEY: text('the Cosmos DB account key').meta({ description: 'Cosmos DB account key. Required when `STORAGE=cosmos`.', secret: true }),
  COSMOS_DATABASE: optional(
    z.string().regex(/^[^/\\?#]{1,255}$/, { error: 'expected a database id (at most 255 characters, none of / \\ ? #)' }),
  )
    .default('member-assistant')
    .meta({ description: 'Cosmos DB database (created if missing).' }),
  COSMOS_CONTAINER: optional(
    z.string().regex(/^[^/\\?#]{1,255}$/, { error: 'expected a container id (at most 255 characters, none of / \\ ? #)' }),
  )
    .default('bot-state')
    .meta({ description: 'Cosmos DB container, partitioned on `/id` (created if missing).' }),
  CONVERSATION_IDLE_MINUTES: wholeNumber(1, 7 * 24 * 60, 60).meta({
    description:
      "After this long without a message, an unfinished task is closed, kindly, on the member's next message; with `STORAGE=file` idle conversations are also deleted from disk.",
  }),
};

/** The portal the assistant serves: plan name, colours, deep links and phone numbers. */
export const portalEnvShape = {
  PORTAL_PROFILE: optional(z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a profile id (lowercase letters, digits, dashes)' }))
    .default('default')
    .meta({ description: 'Which `config/profiles/<id>.json` to use: plan name and colours, portal deep links, phone numbers.' }),
};

/** Bot Framework authentication (names as the Bot Framework SDK and Azure Bot Service use them). */
export const botFrameworkEnvShape = {
  MicrosoftAppId: text('the Azure Bot app registration id').meta({
    description: 'Azure Bot app registration id. Empty = authentication off (development only).',
  }),
  MicrosoftAppPassword: text('the app registration client secret').meta({
    description: 'Client secret (MultiTenant, SingleTenant).',
    secret: true,
  }),
  MicrosoftAppType: oneOf(APP_TYPES, 'MultiTenant').meta({
    description: '`MultiTenant`, `SingleTenant` or `UserAssignedMSI` (managed identity, no secret).',
  }),
  MicrosoftAppTenantId: text('the Entra ID tenant id').meta({ description: 'Required for SingleTenant and UserAssignedMSI.' }),
  ChannelService: optional(
    z.literal('https://botframework.azure.us', {
      error: 'expected empty (public cloud) or https://botframework.azure.us (US Government cloud)',
    }),
  ).meta({ description: 'Empty (public cloud) or `https://botframework.azure.us` (US Government).' }),
  ToBotFromChannelOpenIdMetadataUrl: url('ToBotFromChannelOpenIdMetadataUrl').meta({
    description: 'Advanced: where channel token signing keys are published (proxies, tests).',
    defaultText: "public cloud's",
  }),
  ToBotFromEmulatorOpenIdMetadataUrl: url('ToBotFromEmulatorOpenIdMetadataUrl').meta({
    description: 'Advanced: the same for Emulator tokens.',
    defaultText: "public cloud's",
  }),
};

/** The website chat widget and its Direct Line channel (directline/, web/). */
export const directLineEnvShape = {
  DIRECTLINE_MODE: oneOf(DIRECTLINE_MODES, 'local').meta({
    description:
      "Chat widget connection: `local` (this server speaks Direct Line 3.0), `azure` (the Azure Bot's Direct Line channel) or `off` (no widget).",
  }),
  DIRECTLINE_TOKEN_SECRET: optional(
    z.string({ error: 'expected a random key of at least 32 characters' }).trim().min(32, {
      error: 'expected a random key of at least 32 characters (e.g. openssl rand -base64 48)',
    }),
  ).meta({
    description: 'Signs local chat tokens (≥ 32 characters). Required in production with `local`.',
    secret: true,
    defaultText: 'kept in `DATA_DIR/directline-token-secret` (mode 0600) with `STORAGE=file`, else random per start',
  }),
  DIRECTLINE_TOKEN_TTL_SECONDS: wholeNumber(1200, 86_400, 1800).meta({
    description: 'Lifetime of a local chat token (1200–86400 s; Web Chat refreshes it every 15 minutes).',
  }),
  DIRECTLINE_PUBLIC_URL: optional(
    z
      .url({ error: 'expected the http(s) URL browsers reach the assistant at, e.g. https://assistant.example.org', protocol: /^https?$/ })
      .refine((value) => !/[?#]/.test(value), { error: 'expected a URL without ? or #' }),
  ).meta({
    description: 'The URL browsers reach the assistant at (behind a proxy or TLS), for the Direct Line domain and stream URLs.',
    defaultText: 'from the `Host` header',
  }),
  DIRECTLINE_TOKENS_PER_MINUTE: wholeNumber(0, 100_000, 30).meta({
    description: 'Chat sessions one client address may start per minute (`429` beyond; `0` = unlimited).',
  }),
  DIRECTLINE_MAX_CONVERSATIONS: wholeNumber(10, 1_000_000, 1000).meta({
    description:
      'Local channel: most conversations kept, at most 100 of them per client address. To make room only a conversation the member has not written in yet is dropped (least recently active first); when all are in use, new chats get 503 until some go idle.',
  }),
  DIRECTLINE_SECRET: text('the Azure Bot Direct Line channel secret').meta({
    description: "The Azure Bot's Direct Line secret (`azure` mode); exchanged for tokens, never sent to browsers.",
    secret: true,
  }),
  DIRECTLINE_ENDPOINT: url('DIRECTLINE_ENDPOINT')
    .default(AZURE_DIRECTLINE_ENDPOINT)
    .meta({ description: 'Azure Direct Line base URL (`azure` mode), e.g. a regional one.' }),
};

export const envSchema = z
  .object({
    ...serverEnvShape,
    ...stateEnvShape,
    ...portalEnvShape,
    ...botFrameworkEnvShape,
    ...directLineEnvShape,
    // Understanding (intents/): the local model by default, CLU or LUIS when configured.
    ...nluEnvShape,
    // Member identity, member data (sample or FHIR) and the PHI audit log (identity/bot/settings.ts).
    ...identityEnvShape,
    // Operations: metrics, Application Insights, rate limits, timeouts, headers (operationsSettings.ts).
    ...operationsEnvShape,
    // Hand-off to people and the agent console (handoff/).
    ...handoffEnvShape,
  })
  .superRefine((env, ctx) => {
    checkNluEnv(env, ctx);
    checkIdentityEnv(env, ctx);
    checkHandoffEnv(env, ctx);
    const need = (name: keyof typeof env, why: string) => {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required ${why}` });
    };
    if (env.STORAGE === 'memory' && env.NODE_ENV !== 'test') {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE'],
        message: 'memory is for tests only (NODE_ENV=test): every conversation would be lost on restart; use file (the default), blob or cosmos',
      });
    }
    if (env.STORAGE === 'blob') need('AZURE_STORAGE_CONNECTION_STRING', 'when STORAGE is blob');
    if (env.STORAGE === 'cosmos') {
      need('COSMOS_ENDPOINT', 'when STORAGE is cosmos');
      need('COSMOS_KEY', 'when STORAGE is cosmos');
    }
    if (env.MicrosoftAppPassword && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'required when MicrosoftAppPassword is set',
      });
    }
    if (env.DIRECTLINE_MODE === 'azure') need('DIRECTLINE_SECRET', 'when DIRECTLINE_MODE is azure');
    if (env.DIRECTLINE_MODE === 'local' && env.NODE_ENV === 'production') {
      need('DIRECTLINE_TOKEN_SECRET', 'when NODE_ENV is production and DIRECTLINE_MODE is local (or set DIRECTLINE_MODE to azure or off)');
    }
    if (!env.MicrosoftAppId) return;
    if (env.MicrosoftAppType === 'UserAssignedMSI') {
      need('MicrosoftAppTenantId', 'when MicrosoftAppType is UserAssignedMSI');
      if (env.MicrosoftAppPassword) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppPassword'],
          message: 'must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret)',
        });
      }
    } else {
      need('MicrosoftAppPassword', `when MicrosoftAppId is set and MicrosoftAppType is ${env.MicrosoftAppType}`);
      if (env.MicrosoftAppType === 'SingleTenant') need('MicrosoftAppTenantId', 'when MicrosoftAppType is SingleTenant');
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Settings whose values are never echoed back in an error message (marked `secret` in their documentation). */
const SECRET_SETTINGS = secretSettings(envSchema.shape);

export interface AuthConfig {
  /** False when no MicrosoftAppId is set: local development, no tokens checked. */
  enabled: boolean;
  /** Passed as is to botbuilder's ConfigurationBotFrameworkAuthentication. */
  botFramework: Record<string, string | undefined>;
}

export type { StorageConfig };

export interface Config {
  env: Env['NODE_ENV'];
  server: {
    port: number;
    /** Loopback unless set: an unauthenticated development bot is not exposed to the network. */
    host: string;
    maxBodyBytes: number;
    shutdownTimeoutMs: number;
  };
  log: { level: Env['LOG_LEVEL'] };
  /** Absolute path of the folder that holds local state. */
  dataDir: string;
  storage: StorageConfig;
  conversation: {
    /** After this long without a message, an unfinished task is closed (kindly) on the next one. */
    idleMinutes: number;
  };
  /** Which `config/profiles/<id>.json` gives the plan's name, colours, deep links and phones. */
  portalProfile: string;
  /** The understanding layer: which recognizer, thresholds, cloud settings (intents/settings.ts). */
  nlu: NluSettings;
  auth: AuthConfig;
  directLine: DirectLineConfig;
  /** Member identity, member data and the PHI audit log (identity/bot/settings.ts). */
  identity: IdentitySettings;
  /** Metrics, telemetry, rate limits, timeouts, security headers (ops/settings.ts). */
  operations: OperationsSettings;
  /** Hand-off to people: queue + agent console, handoff.initiate events, or contact details. */
  handoff: HandoffSettings;
}

export interface DirectLineConfig {
  /** local: this server speaks Direct Line 3.0; azure: tokens come from Azure's Direct Line; off: no widget. */
  mode: (typeof DIRECTLINE_MODES)[number];
  /** Key for local tokens (HS256). Unset outside production: a random key per start. */
  tokenSecret?: string;
  tokenTtlSeconds: number;
  /** The URL browsers reach this server at; unset: taken from each request's Host header. */
  publicUrl?: string;
  /** Token requests per minute per client address (0 = unlimited). */
  tokensPerMinute: number;
  maxConversations: number;
  azure: { secret?: string; endpoint: string };
}

/** A configuration problem, worded for the person who deploys the assistant. */
export class ConfigError extends StartupError {
  constructor(readonly problems: string[]) {
    super(`Configuration error: ${problems.join('; ')}. See .env.example for every setting.`);
  }
}

function describe(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? 'environment');
  const raw = env[name];
  const shown = raw !== undefined && raw.trim() !== '' && !SECRET_SETTINGS.has(name) ? ` (got "${raw.slice(0, 60)}")` : '';
  return `${name} ${issue.message}${shown}`;
}

/** Reads and validates the configuration; throws ConfigError naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => describe(issue, env)));
  const e = parsed.data;
  const authEnabled = Boolean(e.MicrosoftAppId);
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    server: {
      port: e.PORT,
      host: e.HOST ?? (authEnabled ? '0.0.0.0' : '127.0.0.1'),
      maxBodyBytes: e.MAX_BODY_BYTES,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    log: { level: e.LOG_LEVEL },
    dataDir,
    storage: storageConfig(e, dataDir),
    conversation: { idleMinutes: e.CONVERSATION_IDLE_MINUTES },
    portalProfile: e.PORTAL_PROFILE,
    nlu: toNluSettings(e),
    auth: {
      enabled: authEnabled,
      botFramework: {
        MicrosoftAppId: e.MicrosoftAppId,
        MicrosoftAppPassword: e.MicrosoftAppPassword,
        MicrosoftAppType: e.MicrosoftAppType,
        MicrosoftAppTenantId: e.MicrosoftAppTenantId,
        ChannelService: e.ChannelService,
        ToBotFromChannelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: e.ToBotFromEmulatorOpenIdMetadataUrl,
      },
    },
    directLine: {
      mode: e.DIRECTLINE_MODE,
      tokenSecret: e.DIRECTLINE_TOKEN_SECRET,
      tokenTtlSeconds: e.DIRECTLINE_TOKEN_TTL_SECONDS,
      publicUrl: e.DIRECTLINE_PUBLIC_URL?.replace(/\/+$/, ''),
      tokensPerMinute: e.DIRECTLINE_TOKENS_PER_MINUTE,
      maxConversations: e.DIRECTLINE_MAX_CONVERSATIONS,
      azure: { secret: e.DIRECTLINE_SECRET, endpoint: e.DIRECTLINE_ENDPOINT.replace(/\/+$/, '') },
    },
    identity: toIdentitySettings(e),
    operations: toOperationsSettings(e),
    handoff: toHandoffSettings(e),
  };
}

/**
 * `file` unless set, except under NODE_ENV=test, where tests that build the assistant without
 * naming a store get a fresh memory store each (state on disk would leak from one run to the next).
 */
function storageConfig(e: Env, dataDir: string): StorageConfig {
  const kind = e.STORAGE ?? (e.NODE_ENV === 'test' ? 'memory' : 'file');
  switch (kind) {
    case 'file':
      return { kind, dataDir };
    case 'blob':
      return { kind, connectionString: e.AZURE_STORAGE_CONNECTION_STRING!, container: e.AZURE_STORAGE_CONTAINER };
    case 'cosmos':
      return { kind, endpoint: e.COSMOS_ENDPOINT!, key: e.COSMOS_KEY!, database: e.COSMOS_DATABASE, container: e.COSMOS_CONTAINER };
    case 'memory':
      return { kind };
  }
}
