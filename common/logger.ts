import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

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
    },
    options.destination,
  );
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
