import { z } from 'zod';

/**
 * Environment settings of the understanding layer. Every variable is optional with a
 * default; an empty string counts as unset (so `CLU_API_KEY=` in .env means "none").
 * When NLU_PROVIDER names a cloud service, that service's settings are required.
 */

const unsetIfEmpty = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optionalText = z.preprocess(unsetIfEmpty, z.string().trim().optional());
const optionalSecret = z.preprocess(unsetIfEmpty, z.string().trim().optional());
const optionalUrl = z.preprocess(
  unsetIfEmpty,
  z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://my-resource.cognitiveservices.azure.com' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
);
const number = (fallback: number, min: number, max: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number({ error: 'must be a number' }).min(min).max(max).default(fallback));

export const NLU_PROVIDERS = ['local', 'clu', 'luis'] as const;
export type NluProvider = (typeof NLU_PROVIDERS)[number];

/** The plain shape (no cross-field checks), for merging into a larger env schema. */
export const nluEnvShape = {
  NLU_PROVIDER: z
    .preprocess(
      (v) => (typeof unsetIfEmpty(v) === 'string' ? String(v).trim().toLowerCase() : undefined),
      z.enum(NLU_PROVIDERS, { error: 'must be one of local, clu, luis' }).default('local'),
    )
    .meta({
      description:
        'Primary intent recognizer: `local` (built-in model, no network), `clu` (Azure AI Language CLU) or `luis` (LUIS v3). Cloud failures fall back to the local model. The emergency check never goes to the cloud.',
    }),
  NLU_CONFIDENCE_THRESHOLD: z.preprocess(unsetIfEmpty, z.coerce.number({ error: 'must be a number' }).min(0).max(1).optional()).meta({
    description:
      "Score in [0, 1] below which the intent is `none` (the assistant then asks a clarifying question). Tuned for the local model's scores: with CLU or LUIS, set it for your cloud model's.",
    defaultText: 'tuned (`intents/data/model-config.json`)',
  }),
  NLU_CLOUD_TIMEOUT_MS: z
    .preprocess(unsetIfEmpty, z.coerce.number({ error: 'must be a number' }).int().min(50).max(60_000).default(1500))
    .meta({ description: 'Time allowed to a cloud recognizer before falling back to the local model.' }),
  NLU_CLOUD_MIN_CONFIDENCE: number(0.5, 0, 1).meta({ description: 'A cloud answer scoring below this falls back to the local model.' }),
  NLU_MODEL_FILE: optionalText.meta({
    description: 'Local model file (`npm run build` writes it; trained at start-up when missing or stale).',
    defaultText: '`dist/intents/nlu-model.json`',
  }),
  CLU_ENDPOINT: optionalUrl.meta({
    description: 'Azure AI Language endpoint, e.g. `https://my-resource.cognitiveservices.azure.com`. Required when `NLU_PROVIDER=clu`.',
  }),
  CLU_API_KEY: optionalSecret.meta({ description: 'Azure AI Language key. Required when `NLU_PROVIDER=clu`.', secret: true }),
  CLU_PROJECT_NAME: optionalText.meta({ description: 'CLU project. Required when `NLU_PROVIDER=clu`.' }),
  CLU_DEPLOYMENT_NAME: optionalText.meta({ description: 'CLU deployment. Required when `NLU_PROVIDER=clu`.' }),
  CLU_API_VERSION: z
    .preprocess(unsetIfEmpty, z.string().trim().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'must look like 2023-04-01').default('2023-04-01'))
    .meta({ description: 'analyze-conversations API version.' }),
  LUIS_ENDPOINT: optionalUrl.meta({
    description: 'LUIS prediction endpoint, e.g. `https://westus.api.cognitive.microsoft.com`. Required when `NLU_PROVIDER=luis`.',
  }),
  LUIS_APP_ID: z
    .preprocess(unsetIfEmpty, z.guid({ error: 'must be the LUIS application id (a GUID)' }).optional())
    .meta({ description: 'LUIS application id (a GUID). Required when `NLU_PROVIDER=luis`.' }),
  LUIS_API_KEY: optionalSecret.meta({ description: 'LUIS prediction key. Required when `NLU_PROVIDER=luis`.', secret: true }),
  LUIS_SLOT: z.preprocess(unsetIfEmpty, z.string().trim().default('production')).meta({ description: '`production` or `staging`.' }),
};

/** The same object without the provider checks (use with `.extend()` / spread of `.shape`). */
export const nluEnvObject = z.object(nluEnvShape);
export type NluEnv = z.output<typeof nluEnvObject>;

const REQUIRED: Record<Exclude<NluProvider, 'local'>, Array<keyof NluEnv>> = {
  clu: ['CLU_ENDPOINT', 'CLU_API_KEY', 'CLU_PROJECT_NAME', 'CLU_DEPLOYMENT_NAME'],
  luis: ['LUIS_ENDPOINT', 'LUIS_APP_ID', 'LUIS_API_KEY'],
};

/**
 * Cross-field check: the chosen cloud provider's settings must be present. Exported so a
 * merged env schema can apply it: `base.extend(nluEnvShape).superRefine(checkNluEnv)`.
 */
export function checkNluEnv(env: Pick<NluEnv, keyof NluEnv>, ctx: z.RefinementCtx): void {
  if (env.NLU_PROVIDER === 'local') return;
  for (const name of REQUIRED[env.NLU_PROVIDER]) {
    if (env[name] === undefined) {
      ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required when NLU_PROVIDER=${env.NLU_PROVIDER}` });
    }
  }
}

export const nluEnvSchema = nluEnvObject.superRefine(checkNluEnv);

export interface CluSettings {
  endpoint: string;
  apiKey: string;
  projectName: string;
  deploymentName: string;
  apiVersion: string;
}

export interface LuisSettings {
  endpoint: string;
  appId: string;
  apiKey: string;
  slot: string;
}

export interface NluSettings {
  provider: NluProvider;
  /** Below this score the answer is `none`; undefined = the tuned value in intents/data/model-config.json. */
  confidenceThreshold?: number;
  cloudTimeoutMs: number;
  /** A cloud answer below this score falls back to the local model. */
  cloudMinConfidence: number;
  /** Model file to load; undefined = dist/intents/nlu-model.json (written by npm run build). */
  modelFile?: string;
  clu?: CluSettings;
  luis?: LuisSettings;
}

/** Maps parsed env (nluEnvSchema output) to settings. Throws if a provider's settings are missing. */
export function toNluSettings(env: NluEnv): NluSettings {
  const missing = env.NLU_PROVIDER === 'local' ? [] : REQUIRED[env.NLU_PROVIDER].filter((n) => env[n] === undefined);
  if (missing.length > 0) throw new Error(`${missing.join(', ')} required when NLU_PROVIDER=${env.NLU_PROVIDER}`);
  const settings: NluSettings = {
    provider: env.NLU_PROVIDER,
    cloudTimeoutMs: env.NLU_CLOUD_TIMEOUT_MS,
    cloudMinConfidence: env.NLU_CLOUD_MIN_CONFIDENCE,
  };
  if (env.NLU_CONFIDENCE_THRESHOLD !== undefined) settings.confidenceThreshold = env.NLU_CONFIDENCE_THRESHOLD;
  if (env.NLU_MODEL_FILE !== undefined) settings.modelFile = env.NLU_MODEL_FILE;
  if (env.CLU_ENDPOINT && env.CLU_API_KEY && env.CLU_PROJECT_NAME && env.CLU_DEPLOYMENT_NAME) {
    settings.clu = {
      endpoint: env.CLU_ENDPOINT,
      apiKey: env.CLU_API_KEY,
      projectName: env.CLU_PROJECT_NAME,
      deploymentName: env.CLU_DEPLOYMENT_NAME,
      apiVersion: env.CLU_API_VERSION,
    };
  }
  if (env.LUIS_ENDPOINT && env.LUIS_APP_ID && env.LUIS_API_KEY) {
    settings.luis = { endpoint: env.LUIS_ENDPOINT, appId: env.LUIS_APP_ID, apiKey: env.LUIS_API_KEY, slot: env.LUIS_SLOT };
  }
  return settings;
}
