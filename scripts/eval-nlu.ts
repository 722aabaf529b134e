/**
 * `npm run eval`: the local understanding pipeline (emergency detector + local model +
 * threshold) on the held-out test set in intents/data/test, per locale: accuracy, per-intent
 * precision / recall / F1, confusion matrix, emergency recall, kind accuracy, false-alarm
 * rate and none-on-out-of-scope rate, plus accuracy per test file. Exits non-zero when
 * emergency recall on the test set is below 100%.
 *
 * The out-of-scope holdout (test/<locale>/oos-holdout.tsv, written after the other files had
 * been consulted during development) is reported on its own line and left out of the
 * "without holdout" accuracy, so that figure stays comparable with the earlier reports.
 *
 *   --json FILE   also write the numbers as JSON
 *   --cv          also run the threshold selection on the TRAINING set (5-fold cross-validation,
 *                 5 seeds; how confidenceThreshold in model-config.json is chosen; the test set
 *                 is never used)
 *   --cv-only     only the threshold selection on the training set: the test set is not read,
 *                 so model and data changes can be judged without looking at it
 *   --public-only only the public development data (no test set is read): for development
 *   --dev         the development data only: the earlier frozen sets (seen-v1 to seen-v22) and the
 *                 public development data (neither the test set nor the frozen sets are read)
 *   --no-frozen   leave out the frozen test sets (intents/data/frozen), which are read once at
 *                 the end of a piece of work; intents/data/seen-v1 and seen-v2 (earlier frozen sets,
 *                 read once already and now development data) are always reported, apart
 *
 * Then (scripts/eval-triage.ts): the safety triage and intents on the frozen test sets, and false
 * alarms / out-of-scope rejection on every file of the public development data.
 */
import fs from 'node:fs';
import pino from 'pino';
import { createUnderstanding, INTENT_IDS, LOCALES, type IntentId, type Locale, type Understanding } from '../intents';
import { modelResources } from '../intents/create-understanding';
import { loadModelConfig } from '../intents/local/config';
import { decide } from '../intents/local/local-recognizer';
import { crossValidate } from '../intents/local/model';
import { fitTemperature, softmax } from '../intents/local/softmax';
import { loadTestSet, loadTrainingSet, MODEL_INTENTS, type TestExample } from '../intents/training-data';
import { evaluateReplies } from './eval-replies';
import { evaluateFrozen, evaluatePublic, FROZEN_DIR, SEEN_SETS } from './eval-triage';

interface Row {
  example: TestExample;
  intent: IntentId;
  kind: string | null;
}

/** The test file written after the others had been consulted (see the file's header). */
const HOLDOUT = 'oos-holdout';

const pct = (n: number, d: number): string => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1)}%`);

function report(locale: Locale, rows: Row[], out: Record<string, unknown>): boolean {
  const lines: string[] = [];
  const total = rows.length;
  const correct = rows.filter((r) => r.intent === r.example.intent).length;
  const emergencies = rows.filter((r) => r.example.intent === 'emergency');
  const detected = emergencies.filter((r) => r.intent === 'emergency');
  const rightKind = detected.filter((r) => r.kind === r.example.kind);
  const nonEmergency = rows.filter((r) => r.example.intent !== 'emergency');
  const falseAlarms = nonEmergency.filter((r) => r.intent === 'emergency');
  const oos = rows.filter((r) => r.example.category === 'oos' || (r.example.category.startsWith('late-') && r.example.intent === 'none'));
  const oosNone = oos.filter((r) => r.intent === 'none');
  const holdout = rows.filter((r) => r.example.category === HOLDOUT);
  const holdoutNone = holdout.filter((r) => r.intent === 'none');
  const allOos = [...oos, ...holdout];
  const allOosNone = allOos.filter((r) => r.intent === 'none');
  const withoutHoldout = rows.filter((r) => r.example.category !== HOLDOUT);
  const correctWithoutHoldout = withoutHoldout.filter((r) => r.intent === r.example.intent).length;
  lines.push(`\n=== ${locale} — ${total} test utterances ===`);
  lines.push(`accuracy (all lines)            ${pct(correct, total)}  (${correct}/${total})`);
  lines.push(`accuracy (without oos-holdout)  ${pct(correctWithoutHoldout, withoutHoldout.length)}  (${correctWithoutHoldout}/${withoutHoldout.length})`);
  const nonEmCorrect = nonEmergency.filter((r) => r.intent === r.example.intent).length;
  lines.push(`accuracy (non-emergency lines)  ${pct(nonEmCorrect, nonEmergency.length)}  (${nonEmCorrect}/${nonEmergency.length})`);
  lines.push(`emergency recall                ${pct(detected.length, emergencies.length)}  (${detected.length}/${emergencies.length}); right kind ${pct(rightKind.length, detected.length)}`);
  lines.push(`emergency false alarms          ${pct(falseAlarms.length, nonEmergency.length)}  (${falseAlarms.length}/${nonEmergency.length} non-emergency lines)`);
  lines.push(`none on out-of-scope            ${pct(oosNone.length, oos.length)}  (${oosNone.length}/${oos.length})`);
  lines.push(`none on oos-holdout             ${pct(holdoutNone.length, holdout.length)}  (${holdoutNone.length}/${holdout.length})`);
  lines.push(`none on both                    ${pct(allOosNone.length, allOos.length)}  (${allOosNone.length}/${allOos.length})`);
  lines.push('\nper test file:');
  const categories = [...new Set(rows.map((r) => r.example.category))].sort();
  for (const c of categories) {
    const rs = rows.filter((r) => r.example.category === c);
    const ok = rs.filter((r) => r.intent === r.example.intent).length;
    lines.push(`  ${c.padEnd(18)} ${pct(ok, rs.length).padStart(6)}  (${ok}/${rs.length})`);
  }
  const intents = INTENT_IDS.filter((i) => rows.some((r) => r.example.intent === i || r.intent === i));
  lines.push('\nper intent:        precision  recall     F1   support');
  const perIntent: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  for (const i of intents) {
    const tp = rows.filter((r) => r.intent === i && r.example.intent === i).length;
    const predicted = rows.filter((r) => r.intent === i).length;
    const support = rows.filter((r) => r.example.intent === i).length;
    const p = predicted ? tp / predicted : 0;
    const rc = support ? tp / support : 0;
    const f1 = p + rc ? (2 * p * rc) / (p + rc) : 0;
    perIntent[i] = { precision: p, recall: rc, f1, support };
    lines.push(`  ${i.padEnd(16)} ${p.toFixed(3).padStart(9)} ${rc.toFixed(3).padStart(7)} ${f1.toFixed(3).padStart(6)} ${String(support).padStart(8)}`);
  }
  const abbrev = (i: string): string => i.slice(0, 5);
  lines.push('\nconfusion matrix (rows: expected, columns: predicted):');
  lines.push(`  ${''.padEnd(14)}${intents.map((i) => abbrev(i).padStart(6)).join('')}`);
  for (const e of intents) {
    const cells = intents.map((p) => rows.filter((r) => r.example.intent === e && r.intent === p).length);
    lines.push(`  ${e.padEnd(14)}${cells.map((n) => (n ? String(n) : '.').padStart(6)).join('')}`);
  }
  const errors = rows.filter((r) => r.intent !== r.example.intent || (r.example.kind && r.kind !== r.example.kind));
  if (process.argv.includes('--errors')) {
    lines.push('\nerrors:');
    for (const r of errors) lines.push(`  ${r.example.intent}${r.example.kind ? `:${r.example.kind}` : ''} -> ${r.intent}${r.kind ? `:${r.kind}` : ''}  ${r.example.source.replace(/^.*intents\//, 'intents/')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  out[locale] = {
    total,
    accuracy: correct / total,
    accuracyNonEmergency: nonEmCorrect / nonEmergency.length,
    emergencyRecall: detected.length / emergencies.length,
    emergencyKindAccuracy: detected.length ? rightKind.length / detected.length : 0,
    emergencyLines: emergencies.length,
    falseAlarmRate: falseAlarms.length / nonEmergency.length,
    nonEmergencyLines: nonEmergency.length,
    accuracyWithoutHoldout: correctWithoutHoldout / withoutHoldout.length,
    noneOnOutOfScope: oos.length ? oosNone.length / oos.length : null,
    outOfScopeLines: oos.length,
    noneOnHoldout: holdout.length ? holdoutNone.length / holdout.length : null,
    holdoutLines: holdout.length,
    perIntent,
  };
  return detected.length === emergencies.length;
}

/**
 * Threshold selection on the TRAINING set: out-of-fold predictions of a 5-fold
 * cross-validation, repeated with 5 seeds (different folds and training orders), temperature
 * fitted on them as in training; for each threshold on the grid, per locale, in-scope
 * accuracy (the exact intent, not refused) and none recall on the none lines, and the
 * balanced score = their mean, averaged over en and es. The selected threshold is the
 * highest one whose balanced score is within one standard error (over seeds) of the best:
 * the scores of neighbouring thresholds are within noise of each other, and among those
 * the issue asks for the one that refuses out-of-scope messages most often.
 */
function crossValidation(): void {
  const examples = loadTrainingSet();
  const base = loadModelConfig();
  const seeds = [0, 1, 2, 3, 4].map((i) => base.training.seed + i);
  const grid: number[] = [];
  for (let t = 50; t <= 90; t += 5) grid.push(t / 100);
  type Cell = { acc: number; rec: number };
  const cells = grid.map(() => seeds.map(() => ({}) as Record<Locale, Cell>));
  const resources = modelResources();
  seeds.forEach((seed, si) => {
    const config = { ...base, training: { ...base.training, seed }, calibration: { folds: 5 } };
    const oof = crossValidate(examples, resources, config);
    const t = fitTemperature(oof.map((o) => ({ logits: o.logits, label: MODEL_INTENTS.indexOf(o.example.intent) })));
    const decided = oof.map((o) => {
      const p = softmax(Float64Array.from(o.logits), t);
      return { example: o.example, decision: decide(MODEL_INTENTS.map((intent, c) => ({ intent, score: p[c]! }))) };
    });
    grid.forEach((threshold, gi) => {
      for (const locale of LOCALES) {
        const rows = decided.filter((d) => d.example.locale === locale);
        const predicted = (d: (typeof rows)[number]): string => (d.decision.intent === 'none' || d.decision.score < threshold ? 'none' : d.decision.intent);
        const inScope = rows.filter((d) => d.example.intent !== 'none');
        const oos = rows.filter((d) => d.example.intent === 'none');
        cells[gi]![si]![locale] = {
          acc: inScope.filter((d) => predicted(d) === d.example.intent).length / inScope.length,
          rec: oos.filter((d) => predicted(d) === 'none').length / oos.length,
        };
      }
    });
  });
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  const sd = (v: number[]): number => Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / (v.length - 1));
  const balanced = cells.map((perSeed) => perSeed.map((c) => (c.en.acc + c.en.rec + c.es.acc + c.es.rec) / 4));
  let best = 0;
  balanced.forEach((b, i) => {
    if (mean(b) > mean(balanced[best]!)) best = i;
  });
  const se = sd(balanced[best]!) / Math.sqrt(seeds.length);
  let chosen = best;
  balanced.forEach((b, i) => {
    if (mean(b) >= mean(balanced[best]!) - se && grid[i]! > grid[chosen]!) chosen = i;
  });
  const out: string[] = [];
  out.push(`\n=== threshold selection: 5-fold cross-validation of the training set (${examples.length} lines), seeds ${seeds.join(', ')} ===`);
  out.push('threshold   en in-scope acc  en none recall   es in-scope acc  es none recall   balanced (± sd over seeds)');
  grid.forEach((threshold, i) => {
    const avg = (locale: Locale, k: keyof Cell): string => `${(100 * mean(cells[i]!.map((c) => c[locale][k]))).toFixed(1)}%`.padStart(15);
    const mark = i === chosen ? '  <- selected' : i === best ? '  (best)' : '';
    out.push(`  ${threshold.toFixed(2)}   ${avg('en', 'acc')} ${avg('en', 'rec')}   ${avg('es', 'acc')} ${avg('es', 'rec')}   ${(100 * mean(balanced[i]!)).toFixed(2)} ± ${(100 * sd(balanced[i]!)).toFixed(2)}${mark}`);
  });
  out.push(`selected threshold ${grid[chosen]!.toFixed(2)}: the highest within one standard error (${(100 * se).toFixed(2)}) of the best balanced score; model-config.json has ${base.confidenceThreshold}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/** The earlier frozen sets (development data now), each under its name. */
async function evaluateSeen(understanding: Understanding, out: Record<string, unknown>, errors: boolean): Promise<void> {
  for (const set of SEEN_SETS) {
    process.stdout.write(`${(await evaluateFrozen(understanding, out, errors, set.dir, `${set.name} (development: an earlier frozen set, already read)`)).join('\n')}\n`);
    process.stdout.write(`${(await evaluateReplies(set.dir, set.name, out, errors)).join('\n')}\n`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--cv-only')) {
    crossValidation();
    return;
  }
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const understanding = await createUnderstanding({ provider: 'local', cloudTimeoutMs: 1500, cloudMinConfidence: 0.5 }, { logger });
  const errors = process.argv.includes('--errors');
  if (process.argv.includes('--dev')) {
    const out: Record<string, unknown> = {};
    await evaluateSeen(understanding, out, errors);
    process.stdout.write(`${(await evaluatePublic(understanding, out, errors)).join('\n')}\n`);
    const j = process.argv.indexOf('--json');
    if (j >= 0 && process.argv[j + 1]) fs.writeFileSync(process.argv[j + 1]!, JSON.stringify(out, null, 2));
    return;
  }
  if (process.argv.includes('--public-only')) {
    process.stdout.write(`${(await evaluatePublic(understanding, {}, errors)).join('\n')}\n`);
    return;
  }
  const test = loadTestSet();
  const train = loadTrainingSet();
  const perLocale = (l: Locale): string => `${train.filter((e) => e.locale === l).length} train / ${test.filter((e) => e.locale === l).length} test`;
  process.stdout.write(`NLU evaluation — local pipeline (emergency detector + local model + threshold)\nsets: en ${perLocale('en')}; es ${perLocale('es')}\n`);
  const out: Record<string, unknown> = {};
  let recallOk = true;
  for (const locale of LOCALES) {
    const rows: Row[] = [];
    for (const example of test.filter((e) => e.locale === locale)) {
      const r = await understanding.understand(example.text);
      rows.push({ example, intent: r.intent, kind: r.kind });
    }
    recallOk = report(locale, rows, out) && recallOk;
  }
  await evaluateSeen(understanding, out, errors);
  if (!process.argv.includes('--no-frozen')) {
    process.stdout.write(`${(await evaluateFrozen(understanding, out, errors)).join('\n')}\n`);
    process.stdout.write(`${(await evaluateReplies(FROZEN_DIR, 'frozen test set', out, errors)).join('\n')}\n`);
  }
  process.stdout.write(`${(await evaluatePublic(understanding, out, errors)).join('\n')}\n`);
  if (process.argv.includes('--cv')) crossValidation();
  const i = process.argv.indexOf('--json');
  if (i >= 0 && process.argv[i + 1]) fs.writeFileSync(process.argv[i + 1]!, JSON.stringify(out, null, 2));
  if (!recallOk) {
    process.stdout.write('\nFAIL: emergency recall on the test set is below 100%\n');
    process.exitCode = 1;
  } else {
    process.stdout.write('\nOK: emergency recall on the test set is 100%\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${(err as Error).message}\n`);
  process.exitCode = 2;
});
