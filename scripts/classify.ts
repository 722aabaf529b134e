/**
 * `npm run --silent classify`: one utterance per line on stdin, one JSON object per line on
 * stdout: {"text","intent","score","kind","locale"}. Nothing else goes to stdout (logs go to
 * stderr). An empty or blank line gives {"intent":"none","score":1,...}: there is nothing to
 * act on. Options: --locale en|es (the conversation's language, used for ambiguous lines).
 * Settings come from the environment (NLU_PROVIDER etc.; see intents/README.md).
 */
import readline from 'node:readline';
import pino from 'pino';
import { createUnderstanding, nluEnvSchema, toNluSettings, type Locale } from '../intents';

function parseArgs(argv: string[]): { locale?: Locale } {
  const i = argv.indexOf('--locale');
  if (i < 0) return {};
  const value = argv[i + 1];
  if (value !== 'en' && value !== 'es') {
    process.stderr.write('classify: --locale must be en or es\n');
    process.exit(2);
  }
  return { locale: value };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = nluEnvSchema.safeParse(process.env);
  if (!env.success) {
    for (const issue of env.error.issues) process.stderr.write(`classify: ${issue.path.join('.')}: ${issue.message}\n`);
    process.exit(2);
  }
  const logger = pino({ level: process.env.NLU_LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const understanding = await createUnderstanding(toNluSettings(env.data), { logger });
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const raw of rl) {
    const text = raw.replace(/\r$/, '');
    const r = await understanding.understand(text, args.locale ? { locale: args.locale } : {});
    process.stdout.write(`${JSON.stringify({ text, intent: r.intent, score: Math.round(r.score * 10000) / 10000, kind: r.kind, locale: r.locale })}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`classify: ${(err as Error).message}\n`);
  process.exit(1);
});
