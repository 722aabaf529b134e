/**
 * `npm run bench`: the assistant against a stock botbuilder echo bot, side by side in one run,
 * with the same closed-loop load over loopback (expectReplies, many conversations, multi-turn
 * scripts that exercise understanding, dialogs and state writes). Prints turns per second,
 * p50/p95/p99 latency and RSS for each, the assistant/echo throughput ratio, the assistant's
 * start-up time and its RSS after many conversations. Results also go to test-results/bench.json.
 *
 * Options: --rounds N (3) --conversations N per round (600) --concurrency N (20)
 *          --memory-conversations N (10000; 0 to skip) --cpu-profile (writes test-results/profiles)
 *          --node-args "<flags>" (Node/V8 flags for the assistant instead of the heap flags `npm start`
 *          uses, e.g. "--max-old-space-size=256")
 *          --compare-v8-defaults (also run the assistant with V8's default heap sizes, side by side,
 *          to show what the start command's heap flags cost and save)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromDist, fromRoot } from '../../common/paths';
import { percentile, runLoad, type LoadResult } from './load';
import { startHeapFlags } from './startFlags';

interface Options {
  rounds: number;
  conversations: number;
  concurrency: number;
  memoryConversations: number;
  cpuProfile: boolean;
  nodeArgs: string[];
  compareV8Defaults: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number`);
    return n;
  };
  return {
    rounds: value('rounds', 3),
    conversations: value('conversations', 600),
    concurrency: value('concurrency', 20),
    memoryConversations: value('memory-conversations', 10_000),
    cpuProfile: argv.includes('--cpu-profile'),
    nodeArgs: nodeArgsOf(argv) ?? startHeapFlags(),
    compareV8Defaults: argv.includes('--compare-v8-defaults'),
  };
}

/** `--node-args "<flags>"`: only flags (each starting with --), so nothing else can be run. */
function nodeArgsOf(argv: string[]): string[] | undefined {
  const i = argv.indexOf('--node-args');
  if (i < 0) return undefined;
  const flags = (argv[i + 1] ?? '').split(/\s+/).filter(Boolean);
  if (!flags.length || flags.some((f) => !/^--[a-z0-9-]+(=[\w.,:/-]+)?$/i.test(f))) {
    throw new Error('--node-args expects Node/V8 flags such as "--max-old-space-size=256"');
  }
  return flags;
}

interface Target {
  name: string;
  child: ChildProcess;
  url: string;
  readyMs: number;
}

async function start(name: string, entry: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Target> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...nodeArgs, entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // However the bench ends (a closed pipe, an exception), it leaves no server running.
  process.once('exit', () => child.kill('SIGTERM'));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (const line of buffer.split('\n')) {
        const match = /"url":"([^"]+)"/.exec(line);
        if (match) return resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
  });
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  child.stdout!.resume();
  return { name, child, url, readyMs };
}

function stop(target: Target): Promise<void> {
  return new Promise((resolve) => {
    if (target.child.exitCode !== null) return resolve();
    target.child.once('exit', () => resolve());
    target.child.kill('SIGTERM');
  });
}

/** Resident set size of a child process, in MiB (Linux /proc). */
function rssMiB(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

interface Summary {
  turnsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  turns: number;
  errors: number;
  crossTalk: number;
  rssMiB: number;
}

function summarize(runs: LoadResult[], rss: number): Summary {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const rates = runs.map((r) => (r.turns / r.durationMs) * 1000).sort((a, b) => a - b);
  return {
    turnsPerSecond: rates[Math.floor(rates.length / 2)]!,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    turns: runs.reduce((n, r) => n + r.turns, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    crossTalk: runs.reduce((n, r) => n + r.crossTalk, 0),
    rssMiB: rss,
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

interface MemoryResult {
  conversations: number;
  turns: number;
  rssMiB: number;
  peakMiB: number;
  errors: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const scripts = JSON.parse(readFileSync(fromRoot('scripts', 'bench', 'conversations.json'), 'utf8')) as string[][];
  const script = (i: number) => scripts[i % scripts.length]!;
  const results = fromRoot('test-results');
  mkdirSync(results, { recursive: true });
  const dataDirs: string[] = [];
  const startAssistant = (name: string, nodeArgs: string[]) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'assistant-bench-'));
    dataDirs.push(dataDir);
    return start(
      name,
      fromDist('bot', 'index.js'),
      // The chat widget is not measured here (and production would need DIRECTLINE_TOKEN_SECRET).
      // One loopback client sends every request: no per-client limit (it is for the public endpoints).
      { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'info', DATA_DIR: dataDir, DIRECTLINE_MODE: 'off', RATE_LIMIT_PER_CLIENT_PER_MINUTE: '0' },
      [...nodeArgs, ...(options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(results, 'profiles')}`] : [])],
    );
  };

  const echo = await start('echo', fromDist('scripts', 'bench', 'echo-bot.js'), { PORT: '0' });
  const assistant = await startAssistant('assistant', options.nodeArgs);
  // The same assistant under V8's default heap sizes, to show what the start command's flags cost.
  const v8Defaults = options.compareV8Defaults ? await startAssistant('assistant-v8', []) : undefined;
  const assistants = v8Defaults ? [assistant, v8Defaults] : [assistant];
  const targets = [echo, ...assistants];

  try {
    const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
    let run = 0;
    const load = (target: Target, conversations: number) =>
      runLoad({ url: target.url, conversations, concurrency: options.concurrency, script, runId: `${target.name}-${run++}` });

    process.stdout.write(`warming up (${options.concurrency} concurrent conversations)…\n`);
    for (const target of targets) await load(target, Math.max(50, options.conversations / 5));

    for (let round = 0; round < options.rounds; round++) {
      // Rotate the order so no side always runs on a warmer or a busier machine.
      const order = targets.map((_, k) => targets[(k + round) % targets.length]!);
      for (const target of order) {
        const result = await load(target, options.conversations);
        runs.get(target.name)!.push(result);
        process.stdout.write(
          `round ${round + 1} ${target.name.padEnd(12)} ${fmt((result.turns / result.durationMs) * 1000, 0)} turns/s, ${result.errors} errors\n`,
        );
      }
    }

    const summaries: Record<string, Summary> = Object.fromEntries(
      targets.map((t) => [t.name, summarize(runs.get(t.name)!, rssMiB(t.child.pid).rss)]),
    );
    const ratioOf = (name: string) => summaries[name]!.turnsPerSecond / summaries.echo!.turnsPerSecond;
    const ratio = ratioOf('assistant');

    const memory: Record<string, MemoryResult> = {};
    if (options.memoryConversations > 0) {
      for (const target of assistants) {
        process.stdout.write(`memory: ${options.memoryConversations} conversations against ${target.name}…\n`);
        const result = await load(target, options.memoryConversations);
        const { rss, peak } = rssMiB(target.child.pid);
        memory[target.name] = { conversations: options.memoryConversations, turns: result.turns, rssMiB: rss, peakMiB: peak, errors: result.errors };
      }
    }

    const memoryLine = (name: string, flags: string) => {
      const m = memory[name];
      return m
        ? `${name} RSS after ${m.conversations} conversations (${m.turns} turns): ${fmt(m.rssMiB)} MiB, peak ${fmt(m.peakMiB)} MiB (target < 300 MB), ${m.errors} errors; node flags: ${flags}`
        : `${name}: memory run skipped`;
    };
    const lines = [
      '',
      `${'target'.padEnd(13)} ${'turns/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'RSS MiB'.padStart(8)} ${'errors'.padStart(7)}`,
      ...targets.map((t) => {
        const s = summaries[t.name]!;
        return `${t.name.padEnd(13)} ${fmt(s.turnsPerSecond, 0).padStart(9)} ${fmt(s.p50, 2).padStart(8)} ${fmt(s.p95, 2).padStart(8)} ${fmt(s.p99, 2).padStart(8)} ${fmt(s.rssMiB).padStart(8)} ${String(s.errors + s.crossTalk).padStart(7)}`;
      }),
      '',
      `assistant / echo throughput ratio: ${fmt(ratio, 2)} (target ≥ 1.00)`,
      ...(v8Defaults ? [`assistant-v8 / echo throughput ratio: ${fmt(ratioOf(v8Defaults.name), 2)}; assistant / assistant-v8: ${fmt(summaries.assistant!.turnsPerSecond / summaries[v8Defaults.name]!.turnsPerSecond, 2)}`] : []),
      `assistant p99 at ${options.concurrency} concurrent conversations: ${fmt(summaries.assistant!.p99, 2)} ms (target < 25 ms)`,
      `start-up to ready: assistant ${fmt(assistant.readyMs, 0)} ms (target < 2000 ms), echo ${fmt(echo.readyMs, 0)} ms`,
      memoryLine('assistant', options.nodeArgs.join(' ') || '(none: V8 defaults)'),
      ...(v8Defaults ? [memoryLine(v8Defaults.name, '(none: V8 defaults)')] : []),
      `scripts: ${scripts.length} conversation scripts, ${fmt(scripts.reduce((n, s) => n + s.length, 0) / scripts.length)} turns each on average`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    writeFileSync(
      path.join(results, 'bench.json'),
      `${JSON.stringify({ options, summaries, ratio, startupMs: Object.fromEntries(targets.map((t) => [t.name, t.readyMs])), memory }, null, 2)}\n`,
    );
    const bad = Object.values(summaries).some((s) => s.errors > 0 || s.crossTalk > 0) || Object.values(memory).some((m) => m.errors > 0);
    if (bad) process.exitCode = 1;
  } finally {
    await Promise.all(targets.map(stop));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).message}\n`);
  process.exit(1);
});
