import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { currentCorrelationId } from './correlation';

export type { Logger };

/**
 * Field names whose values never reach a log line. Code is written to log ids, counts, intents
 * and error classes only; these paths are the safety net for member text and secrets that slip
 * into a logged object anyway.
 */
export const REDACTED_PATHS = [
  'text',
  '*.text',
  'activity.text',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'connectionString',
  '*.connectionString',
  'AZURE_STORAGE_CONNECTION_STRING',
  'COSMOS_KEY',
  'authKey',
  '*.authKey',
  'cookie',
  '*.cookie',
  'headers.cookie',
  'req.headers.cookie',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'METRICS_TOKEN',
  'instrumentationKey',
  '*.instrumentationKey',
  // Identity: the portal's assertion (a credential), an activity's value (where it travels),
  // the FHIR client secret.
  'assertion',
  '*.assertion',
  'activity.value',
  'FHIR_CLIENT_SECRET',
  'clientSecret',
  '*.clientSecret',
];

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go (tests pass a capturing stream); stdout by default. */
  destination?: DestinationStream;
  /** Static fields on every line, e.g. `{ service: 'member-assistant' }`. */
  base?: Record<string, unknown>;
}

/** Structured JSON logs, one object per line. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? { service: 'member-assistant' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Every line written on behalf of a request or turn carries its correlation id (the same
      // as the x-correlation-id answer header), without each call site passing it. A field the
      // call passes itself wins.
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    options.destination,
  );
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * What may be logged about an error whose message nobody vetted: its class, its code, and where
 * it was thrown (the stack's frames, without the first line, which repeats the message). The
 * message of an arbitrary error can quote member text (a parser echoing its input, a back end
 * echoing a request), so it is left out; errors written for logs should carry a `code`.
 */
export function errorFields(err: unknown): { name: string; code?: string; frames?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const code = (err as { code?: unknown }).code;
  const frames = err.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
  return {
    name: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code).slice(0, 64) } : {}),
    ...(frames ? { frames } : {}),
  };
}
