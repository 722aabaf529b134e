/**
 * `npm run eval`: the local understanding pipeline (emergency detector + local model +
 * threshold) on the held-out test set in intents/data/test, per locale: accuracy, per-intent
 * precision / recall / F1, confusion matrix, emergency recall, kind accuracy, false-alarm
 * rate and none-on-out-of-scope rate, plus accuracy per test file. Exits non-zero when
 * emergency recall on the test set is below 100%.
 *
 *   --json FILE   also write the numbers as JSON
 *   --cv          also report k-fold cross-validation accuracy on the TRAINING set (how the
 *                 hyperparameters in model-config.json were chosen; the test set is never used)
 */
import fs from 'node:fs';
import pino from 'pino';
import { createUnderstanding, INTENT_IDS, LOCALES, type IntentId, type Locale } from '../intents';
import { modelResources } from '../intents/create-understanding';
import { loadModelConfig } from '../intents/local/config';
import { crossValidate } from '../intents/local/model';
import { fitTemperature, softmax } from '../intents/local/softmax';
import { loadTestSet, loadTrainingSet, MODEL_INTENTS, type TestExample } from '../intents/training-data';

interface Row {
  example: TestExample;
  intent: IntentId;
  kind: string | null;
}

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
  lines.push(`\n=== ${locale} — ${total} test utterances ===`);
  lines.push(`accuracy (all lines)            ${pct(correct, total)}  (${correct}/${total})`);
  const nonEmCorrect = nonEmergency.filter((r) => r.intent === r.example.intent).length;
  lines.push(`accuracy (non-emergency lines)  ${pct(nonEmCorrect, nonEmergency.length)}  (${nonEmCorrect}/${nonEmergency.length})`);
  lines.push(`emergency recall                ${pct(detected.length, emergencies.length)}  (${detected.length}/${emergencies.length}); right kind ${pct(rightKind.length, detected.length)}`);
  lines.push(`emergency false alarms          ${pct(falseAlarms.length, nonEmergency.length)}  (${falseAlarms.length}/${nonEmergency.length} non-emergency lines)`);
  lines.push(`none on out-of-scope            ${pct(oosNone.length, oos.length)}  (${oosNone.length}/${oos.length})`);
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
    noneOnOutOfScope: oos.length ? oosNone.length / oos.length : null,
    outOfScopeLines: oos.length,
    perIntent,
  };
  return detected.length === emergencies.length;
}

function crossValidation(): void {
  const examples = loadTrainingSet();
  const config = loadModelConfig();
  const oof = crossValidate(examples, modelResources(), config);
  const t = fitTemperature(oof.map((o) => ({ logits: o.logits, label: MODEL_INTENTS.indexOf(o.example.intent) })));
  process.stdout.write(`\n=== ${config.calibration.folds}-fold cross-validation on the training set (${examples.length} lines), temperature ${t.toFixed(3)} ===\n`);
  for (const locale of LOCALES) {
    let ok = 0;
    let n = 0;
    for (const o of oof.filter((x) => x.example.locale === locale)) {
      const p = softmax(Float64Array.from(o.logits), t);
      let best = 0;
      for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
      const predicted = p[best]! < config.confidenceThreshold ? 'none' : MODEL_INTENTS[best];
      n++;
      if (predicted === o.example.intent) ok++;
    }
    process.stdout.write(`  ${locale}: ${pct(ok, n)} (${ok}/${n})\n`);
  }
}

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const understanding = await createUnderstanding({ provider: 'local', cloudTimeoutMs: 1500, cloudMinConfidence: 0.5 }, { logger });
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
