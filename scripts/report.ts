/**
 * `npm run report`: the analytics report over the stored transcripts — containment and escalation
 * rates, top intents, the requests the assistant did not understand (redacted, to retrain on) and
 * emergency redirections. Reads the store the assistant is configured with (`.env` and the
 * environment, as `npm start`: STORAGE, DATA_DIR…), prints a table, writes `report.json` and
 * `report.svg`.
 *
 *   npm run -s report -- [--days N] [--channel ID] [--top N] [--out DIR] [--json]
 *
 * Exit codes: 0 done (also when there is nothing to report), 1 the store or configuration could
 * not be used, 2 bad arguments. Problems print one line on stderr, never a stack.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { z } from 'zod';
import { renderSvg } from './analytics/chart';
import { periodOf, renderTable, ReportBuilder } from './analytics/report';
import { loadConfig } from '../bot/config';
import { createStorage } from '../storage/factory';
import { AssistantTranscriptStore } from '../handoff/transcript/transcriptStore';
import { StartupError } from '../common/errors';

/** Channels read without --channel when the store has no channel index (transcripts kept before it). */
const USUAL_CHANNELS = ['directline', 'webchat', 'msteams', 'sms', 'emulator'];

const USAGE = 'usage: npm run -s report -- [--days N] [--channel ID] [--top N] [--out DIR] [--json]';

const whole = (name: string, min: number, max: number, fallback: number) => {
  const error = `--${name} must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .pipe(z.number().min(min, { error }).max(max, { error }))
    .default(fallback);
};

/** Options after parseArgs has taken argv apart (unknown names are refused there). */
const argsSchema = z.strictObject({
  days: whole('days', 1, 366, 30),
  top: whole('top', 1, 100, 10),
  channel: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, { error: '--channel must be a channel id such as directline, msteams or sms' })
    .optional(),
  out: z.string().trim().min(1, { error: '--out needs a folder' }).optional(),
  json: z.literal(true).optional(),
  help: z.literal(true).optional(),
});

type Args = z.output<typeof argsSchema>;

const FLAGS = new Set(['json', 'help']);
const OPTIONS = new Set(['days', 'top', 'channel', 'out', ...FLAGS]);

/** `--name value`, `--name=value` and flags into an object for the schema; throws a one-line message. */
function parseArgs(argv: string[]): Args {
  const raw: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new Error(arg === '-h' ? 'help' : `unexpected argument "${arg.slice(0, 40)}"`);
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    if (!OPTIONS.has(name)) throw new Error(`unknown option --${name}`);
    if (name in raw) throw new Error(`--${name} given twice`);
    if (FLAGS.has(name)) {
      if (inline !== undefined) throw new Error(`--${name} takes no value`);
      raw[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new Error(`--${name} needs a value`);
    raw[name] = value;
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'bad arguments');
  return parsed.data;
}

function fail(message: string, code: number): never {
  process.stderr.write(`report: ${message}\n`);
  process.exit(code);
}

function loadEnvFile(): void {
  const envFile = path.resolve(process.env.ENV_FILE ?? '.env');
  if (!existsSync(envFile)) return;
  try {
    process.loadEnvFile(envFile);
  } catch (err) {
    fail(`${envFile} could not be read (${(err as Error).message})`, 1);
  }
}

function describeError(err: unknown): string {
  if (err instanceof StartupError) return err.message;
  const e = err as { name?: string; code?: unknown; statusCode?: unknown };
  return `the store could not be read (${[e?.name ?? 'Error', e?.code ?? e?.statusCode].filter(Boolean).join(' ')})`;
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if ((err as Error).message === 'help') args = { days: 30, top: 10, help: true };
    else fail(`${(err as Error).message} (npm run -s report -- --help)`, 2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n  --days N      conversations started in the last N days, UTC (default 30)\n  --channel ID  one channel only (default: every channel with transcripts)\n  --top N       rows of top intents and unrecognized utterances (default 10)\n  --out DIR     where report.json and report.svg go (default DATA_DIR/reports)\n  --json        print the report as JSON instead of the table\n`);
    return;
  }

  loadEnvFile();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    fail(describeError(err), 1);
  }
  if (config.storage.kind === 'memory') {
    fail('STORAGE=memory keeps transcripts only inside the running assistant: there is no stored transcript to report on', 1);
  }

  const logger = pino({ level: 'warn' }, pino.destination(2));
  // No ready(): a report only reads (no write check, no expiry sweeps of the assistant's state).
  const storage = createStorage(config.storage, { logger, idleMinutes: config.conversation.idleMinutes });
  const transcripts = new AssistantTranscriptStore(storage);
  const { days, period } = periodOf(args.days, Date.now());
  const builder = new ReportBuilder();
  try {
    const channels = args.channel ? [args.channel] : [...new Set([...(await transcripts.channels()), ...USUAL_CHANNELS])];
    for (const channel of channels) {
      for await (const doc of transcripts.conversations(channel, days)) builder.add(doc);
    }
  } catch (err) {
    fail(describeError(err), 1);
  } finally {
    await storage.close().catch(() => undefined);
  }
  const report = builder.build(period, { top: args.top, channels: args.channel ? [args.channel] : [] });

  if (!report.conversations) {
    const where = args.channel ? ` on channel ${args.channel}` : '';
    const note = `No conversations in the last ${args.days} day${args.days === 1 ? '' : 's'}${where} (${period.from} to ${period.to}, UTC): nothing to report.\n`;
    if (args.json) {
      process.stderr.write(note);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      process.stdout.write(note);
    }
    return;
  }

  const out = path.resolve(args.out ?? path.join(config.dataDir, 'reports'));
  try {
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(path.join(out, 'report.svg'), renderSvg(report));
  } catch (err) {
    fail(`could not write the report in ${out} (${(err as NodeJS.ErrnoException).code ?? (err as Error).name})`, 1);
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(`Written: ${path.join(out, 'report.json')}, ${path.join(out, 'report.svg')}\n`);
  } else {
    process.stdout.write(renderTable(report));
    process.stdout.write(`\nWritten: ${path.join(out, 'report.json')}, ${path.join(out, 'report.svg')}\n`);
  }
}

main().catch((err: unknown) => fail(`failed (${(err as Error)?.name ?? 'Error'})`, 1));
