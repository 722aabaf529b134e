/**
 * `npm run soak`: a bounded soak test on this machine. Starts the assistant (production settings,
 * file state in a temporary folder, loopback only), runs many conversations at once for a few
 * minutes — realistic scripts, most through /api/messages, some through the chat widget's local
 * Direct Line channel — and checks:
 *
 * - zero errors (every request answered as it should be, no error lines in the assistant's log);
 * - no cross-talk (every reply addressed to its own conversation, and exactly what that script
 *   gets at that step when run alone);
 * - RSS flat: sampled every second; the slope over the second half of the run (after warm-up,
 *   caches and the Direct Line channel's conversation cap filled) must stay under a bound.
 *
 * Exits 1 on any failure. Results also go to test-results/soak.json.
 *
 * Options: --seconds N (150) --concurrency N (100) --directline-share F (0.2)
 *          --max-rss-slope MiB-per-minute (8)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromDist, fromRoot } from '../../common/paths';
import { startHeapFlags } from '../bench/startFlags';
import { goldenReplies, runSoak } from './run';

interface Options {
  seconds: number;
  concurrency: number;
  directLineShare: number;
  maxRssSlope: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number, integer = true) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) throw new Error(`--${name} expects a ${integer ? 'whole ' : ''}number`);
    return n;
  };
  const options = {
    seconds: value('seconds', 150),
    concurrency: value('concurrency', 100),
    directLineShare: value('directline-share', 0.2, false),
    maxRssSlope: value('max-rss-slope', 8, false),
  };
  if (options.seconds < 10 || options.seconds > 1800) throw new Error('--seconds expects 10 to 1800 (the soak is bounded)');
  if (options.concurrency < 1 || options.concurrency > 1000) throw new Error('--concurrency expects 1 to 1000');
  if (options.directLineShare > 1) throw new Error('--directline-share expects a fraction from 0 to 1');
  return options;
}

interface Assistant {
  child: ChildProcess;
  url: string;
  /** Lines the assistant logged at level error or fatal. */
  errorLines: string[];
  deferred: number;
}

async function startAssistant(dataDir: string): Promise<Assistant> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...startHeapFlags(), fromDist('bot', 'index.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      DIRECTLINE_TOKEN_SECRET: randomBytes(48).toString('base64'),
      // One loopback client drives every conversation: no per-client limits.
      RATE_LIMIT_PER_CLIENT_PER_MINUTE: '0',
      DIRECTLINE_TOKENS_PER_MINUTE: '0',
      DIRECTLINE_MAX_CONVERSATIONS: '2000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const assistant: Assistant = { child, url: '', errorLines: [], deferred: 0 };
  let buffer = '';
  assistant.url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const url = /"url":"([^"]+)"/.exec(line)?.[1];
        if (url && !assistant.url) resolve(url);
        if (/"level":"(error|fatal)"/.test(line)) assistant.errorLines.push(line.slice(0, 400));
        if (line.includes('turn still running at the deadline')) assistant.deferred++;
      }
    });
    child.once('exit', (code) => reject(new Error(`the assistant exited with ${code} before it was ready`)));
  });
  return assistant;
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Least-squares slope of (seconds, MiB) samples, in MiB per minute. */
export function slopePerMinute(samples: Array<{ t: number; rss: number }>): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((s, p) => s + p.t, 0) / n;
  const mr = samples.reduce((s, p) => s + p.rss, 0) / n;
  const num = samples.reduce((s, p) => s + (p.t - mt) * (p.rss - mr), 0);
  const den = samples.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const scripts = JSON.parse(readFileSync(fromRoot('scripts', 'bench', 'conversations.json'), 'utf8')) as string[][];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'assistant-soak-'));
  const results = fromRoot('test-results');
  mkdirSync(results, { recursive: true });
  const assistant = await startAssistant(dataDir);
  const pid = assistant.child.pid!;
  const samples: Array<{ t: number; rss: number }> = [];
  const t0 = performance.now();
  const sampler = setInterval(() => {
    try {
      samples.push({ t: (performance.now() - t0) / 1000, rss: rssMiB(pid) });
    } catch {
      /* the process is gone: reported below */
    }
  }, 1000);
  let exitCode: number | null;
  try {
    process.stdout.write(`soak: ${options.concurrency} concurrent conversations for ${options.seconds} s against ${assistant.url} (${Math.round(options.directLineShare * 100)}% through Direct Line)\n`);
    const golden = await goldenReplies(assistant.url, scripts, 'soak', options.directLineShare > 0);
    let reported = 0;
    const counters = await runSoak(
      {
        url: assistant.url,
        scripts,
        concurrency: options.concurrency,
        durationMs: options.seconds * 1000,
        directLineShare: options.directLineShare,
        runId: `soak-${Date.now()}`,
        onProgress: (c) => {
          const elapsed = Math.floor((performance.now() - t0) / 1000);
          if (elapsed >= reported + 15) {
            reported = elapsed;
            const rss = samples.at(-1)?.rss ?? NaN;
            process.stdout.write(`  ${String(elapsed).padStart(4)} s  ${c.conversations} conversations, ${c.turns} turns, ${c.errors} errors, ${c.crossTalk} cross-talk, RSS ${rss.toFixed(1)} MiB\n`);
          }
        },
      },
      golden,
    );
    clearInterval(sampler);
    const alive = assistant.child.exitCode === null;
    const half = samples.filter((s) => s.t >= (samples.at(-1)?.t ?? 0) / 2);
    const slope = slopePerMinute(half);
    const latencies = [...counters.latencies].sort((a, b) => a - b);
    const seconds = (performance.now() - t0) / 1000;
    exitCode = await stop(assistant.child);
    const summary = {
      options,
      seconds: Number(seconds.toFixed(1)),
      conversations: counters.conversations,
      turns: counters.turns,
      turnsPerSecond: Number((counters.turns / seconds).toFixed(1)),
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
      errors: counters.errors,
      crossTalk: counters.crossTalk,
      assistantErrorLines: assistant.errorLines.length,
      deferredTurns: assistant.deferred,
      rssMiB: { first: samples[0]?.rss, secondHalfStart: half[0]?.rss, last: samples.at(-1)?.rss, max: Math.max(...samples.map((s) => s.rss)) },
      rssSlopeMiBPerMinute: Number(slope.toFixed(2)),
      stoppedCleanly: exitCode === 0,
      firstError: counters.firstError,
      firstCrossTalk: counters.firstCrossTalk,
      firstAssistantError: assistant.errorLines[0],
    };
    writeFileSync(path.join(results, 'soak.json'), `${JSON.stringify({ ...summary, samples }, null, 2)}\n`);
    const failures = [
      counters.errors > 0 && `${counters.errors} errors (first: ${counters.firstError})`,
      counters.crossTalk > 0 && `${counters.crossTalk} conversations with cross-talk (first: ${counters.firstCrossTalk})`,
      assistant.errorLines.length > 0 && `${assistant.errorLines.length} error lines in the assistant's log (first: ${assistant.errorLines[0]})`,
      slope > options.maxRssSlope && `RSS grew ${slope.toFixed(1)} MiB/min over the second half (bound ${options.maxRssSlope})`,
      !alive && 'the assistant died during the run',
      exitCode !== 0 && `the assistant did not stop cleanly (exit ${exitCode})`,
      counters.conversations === 0 && 'no conversation completed',
    ].filter(Boolean);
    const lines = [
      '',
      `conversations ${summary.conversations}, turns ${summary.turns} (${summary.turnsPerSecond}/s), p50 ${summary.latencyMs.p50.toFixed(1)} ms, p95 ${summary.latencyMs.p95.toFixed(1)} ms, p99 ${summary.latencyMs.p99.toFixed(1)} ms`,
      `errors ${summary.errors}, cross-talk ${summary.crossTalk}, assistant error lines ${summary.assistantErrorLines}, turns past the deadline ${summary.deferredTurns}`,
      `RSS ${summary.rssMiB.first?.toFixed(1)} → ${summary.rssMiB.secondHalfStart?.toFixed(1)} (half-time) → ${summary.rssMiB.last?.toFixed(1)} MiB, max ${summary.rssMiB.max.toFixed(1)}; slope over the second half ${summary.rssSlopeMiBPerMinute} MiB/min (bound ${options.maxRssSlope})`,
      failures.length ? `SOAK FAILED:\n  - ${failures.join('\n  - ')}` : 'soak passed',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (failures.length) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    if (assistant.child.exitCode === null) await stop(assistant.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`soak failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
