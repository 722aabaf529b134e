/**
 * `npm run bench:nlu`: how fast the understanding layer is (a benchmark, not a test).
 *
 * - start-up: a fresh node process loads the layer and builds it, once from the model file
 *   written by `npm run build` and once training from intents/data (model file absent);
 *   "ready" is measured from process start (performance.now() in the child).
 * - classify: every test-set utterance through understand() (local provider), several
 *   rounds after a warm-up; median, p95, p99 per utterance, and the detector and the safety
 *   triage alone.
 *
 * Targets: median classify well under 1 ms; ready within 2 s of start-up.
 *   --json FILE  also write the numbers as JSON      --rounds N  (default 5)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createTriage, createUnderstanding } from '../intents';
import { EmergencyDetector } from '../intents/emergency/detector';
import { loadTestSet } from '../intents/training-data';

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function child(mode: string): Promise<void> {
  const logger = pino({ level: 'silent' });
  const missing = path.join(os.tmpdir(), `no-such-model-${process.pid}.json`);
  const u = await createUnderstanding(
    { provider: 'local', cloudTimeoutMs: 1500, cloudMinConfidence: 0.5, ...(mode === 'train' ? { modelFile: missing } : {}) },
    { logger, ...(mode === 'train' ? { triage: createTriage(new EmergencyDetector(), logger, missing) } : {}) },
  );
  await u.understand('I need a refill');
  process.stdout.write(JSON.stringify({ readyMs: performance.now() }));
}

function startup(mode: 'model-file' | 'train', runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [__filename, '--child', mode === 'train' ? 'train' : 'model'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`start-up child failed: ${r.stderr}`);
    out.push((JSON.parse(r.stdout) as { readyMs: number }).readyMs);
  }
  return out.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1]!);
  const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || 5;
  const logger = pino({ level: 'silent' });
  const understanding = await createUnderstanding({ provider: 'local', cloudTimeoutMs: 1500, cloudMinConfidence: 0.5 }, { logger });
  const texts = loadTestSet().map((e) => e.text);
  const detector = new EmergencyDetector();
  const triage = createTriage(detector, logger);
  const triageTimes: number[] = [];
  for (const t of texts) await understanding.understand(t); // warm-up (JIT, typo caches)
  const times: number[] = [];
  const detectorTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const a = process.hrtime.bigint();
      await understanding.understand(t);
      times.push(Number(process.hrtime.bigint() - a) / 1e6);
      const b = process.hrtime.bigint();
      detector.detect(t);
      detectorTimes.push(Number(process.hrtime.bigint() - b) / 1e6);
      const c = process.hrtime.bigint();
      triage.triage(t);
      triageTimes.push(Number(process.hrtime.bigint() - c) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  detectorTimes.sort((a, b) => a - b);
  triageTimes.sort((a, b) => a - b);
  const long = 'I have a question about my bill and my refill. '.repeat(2000);
  const l0 = process.hrtime.bigint();
  await understanding.understand(long);
  const longMs = Number(process.hrtime.bigint() - l0) / 1e6;
  const fromFile = startup('model-file', 3);
  const trained = startup('train', 2);
  const result = {
    utterances: texts.length,
    rounds,
    classifyMs: { median: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), max: times[times.length - 1] },
    detectorMs: { median: quantile(detectorTimes, 0.5), p95: quantile(detectorTimes, 0.95) },
    triageMs: { median: quantile(triageTimes, 0.5), p95: quantile(triageTimes, 0.95), p99: quantile(triageTimes, 0.99) },
    longMessage: { chars: long.length, ms: longMs },
    readyMs: { modelFile: fromFile, trainAtStart: trained },
  };
  const f = (n: number): string => n.toFixed(3);
  process.stdout.write(
    [
      `NLU benchmark (${texts.length} test utterances × ${rounds} rounds, local provider, ${os.cpus().length} cores)`,
      `classify per utterance: median ${f(result.classifyMs.median)} ms, p95 ${f(result.classifyMs.p95)} ms, p99 ${f(result.classifyMs.p99)} ms, max ${f(result.classifyMs.max!)} ms`,
      `  emergency detector alone: median ${f(result.detectorMs.median)} ms, p95 ${f(result.detectorMs.p95)} ms`,
      `  safety triage alone (lexicons + model + concepts): median ${f(result.triageMs.median)} ms, p95 ${f(result.triageMs.p95)} ms, p99 ${f(result.triageMs.p99)} ms`,
      `  one ${Math.round(long.length / 1000)} kB message: ${longMs.toFixed(1)} ms`,
      `ready after process start (model file):      ${fromFile.map((n) => `${Math.round(n)} ms`).join(', ')}`,
      `ready after process start (train at start):  ${trained.map((n) => `${Math.round(n)} ms`).join(', ')}`,
      `targets: median < 1 ms ${result.classifyMs.median < 1 ? 'OK' : 'MISSED'}; ready < 2000 ms from the model file ${fromFile[fromFile.length - 1]! < 2000 ? 'OK' : 'MISSED'}`,
      '',
    ].join('\n'),
  );
  const j = argv.indexOf('--json');
  if (j >= 0 && argv[j + 1]) fs.writeFileSync(argv[j + 1]!, JSON.stringify(result, null, 2));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench-nlu: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
