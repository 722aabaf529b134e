/**
 * The safety triage and the intent model on data their authors did not write (part of
 * `npm run eval`):
 *
 * 1. the frozen test sets in intents/data/frozen/ (triage-<locale>.tsv, intents-<locale>.tsv):
 *    written first by people who saw neither the training data, the rules nor the errors; per
 *    outcome and language: recall, precision and kind accuracy; emergency recall (any kind) and
 *    false alarms; the right number for the outcome (what the triage's answer for the outcome
 *    carries: 911, 988, Poison Control, the abuse hotline of the kind, the nurse line); intent
 *    accuracy on the intent set;
 * 2. the public development data in ../shared/data/public-dev/ (PUBLIC_DEV_DIR overrides):
 *    for every file, emergency false alarms and requests kept out of every task, on the half
 *    the triage model never trained on (the other half is in intents/data/triage/public) and
 *    on the whole file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readLabelledLines } from '../intents/data-files';
import { normalizeChars } from '../intents/text/normalize';
import { REPO_ROOT } from '../intents/paths';
import { ABUSE_KINDS, EMERGENCY_KINDS, INTENT_IDS, TASK_INTENTS, type IntentResult, type Locale, type Understanding } from '../intents/types';
import { fromRoot } from '../common/paths';

export const FROZEN_DIR = fromRoot('intents', 'data', 'frozen');
/**
 * Earlier frozen sets, each already read once: since a newer frozen set was written they are
 * development data (they may guide work, they no longer measure it). Reported apart, under their
 * names. seen-v1's errors have been looked at and tuned on; seen-v2's errors guided the third session's work; seen-v3 and seen-v4 were read for their figures only, and seen-v4's errors then guided the fifth session's work; seen-v5 was read once at the end of the fifth session and is development data for the sixth; seen-v6 was read once at the end of the sixth session and is development data for the seventh; seen-v7 was read once at the end of the seventh session and is development data for the eighth; seen-v8 was read once at the end of the eighth session and is development data for the ninth; seen-v9 was read once at the end of the ninth session and is development data for the tenth; seen-v10 was read once at the end of the tenth session and is development data for the eleventh; seen-v11 was read once at the end of the eleventh session and is development data for the twelfth; seen-v12 was read once in the twelfth session and is development data for the thirteenth; seen-v13 was read once in the thirteenth session and is development data for the fourteenth; seen-v14 was read once in the fourteenth session and is development data for the fifteenth; seen-v15 was read once in the fifteenth session and is development data for the sixteenth; seen-v16 was read once in the sixteenth session and is development data for the seventeenth; seen-v17 was read once in the seventeenth session and is development data for the eighteenth; seen-v18 was read once in the eighteenth session and is development data for the nineteenth; seen-v19 was read once in the nineteenth session and is development data for the twentieth; seen-v20 was read once in the twentieth session and is development data for the twenty-first; seen-v21 was read once in the twenty-first session and is development data for the twenty-second; seen-v22 was read once in the twenty-second session and is development data for the twenty-third.
 */
export const SEEN_SETS: readonly { name: string; dir: string }[] = ['seen-v1', 'seen-v2', 'seen-v3', 'seen-v4', 'seen-v5', 'seen-v6', 'seen-v7', 'seen-v8', 'seen-v9', 'seen-v10', 'seen-v11', 'seen-v12', 'seen-v13', 'seen-v14', 'seen-v15', 'seen-v16', 'seen-v17', 'seen-v18', 'seen-v19', 'seen-v20', 'seen-v21', 'seen-v22'].map((name) => ({ name, dir: fromRoot('intents', 'data', name) }));

const frozenLabel = z.union([
  z.enum(INTENT_IDS).exclude(['emergency', 'abuse']),
  z.templateLiteral(['emergency:', z.enum(EMERGENCY_KINDS)]),
  z.templateLiteral(['abuse:', z.enum(ABUSE_KINDS)]),
]);

const pct = (n: number, d: number): string => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** The number a member must find in the answer, per expected outcome. */
const NEEDED: Record<string, string> = {
  'emergency:medical': '911',
  'emergency:crisis': '988',
  'emergency:poison': 'poison',
  'abuse:dv': 'dv',
  'abuse:sexual': 'sexual',
  'abuse:child': 'child',
  'abuse:elder': 'elder',
  mental_health: '988',
  symptoms: 'nurse',
};

/**
 * The numbers the answer for an outcome carries (dialogs/triage replies): every emergency answer
 * names 911 and the nurse line; crisis also 988 and Poison Control; poison Poison Control; an
 * abuse answer 911 and its kind's hotline; mental health 988; symptoms the nurse line and 911;
 * the safety net (unsure) 911, 988 and the nurse line.
 */
export function numbersGiven(r: IntentResult): Set<string> {
  const s = new Set<string>();
  if (r.intent === 'emergency') {
    s.add('911').add('nurse');
    if (r.kind === 'crisis') s.add('988').add('poison');
    if (r.kind === 'poison') s.add('poison');
  } else if (r.intent === 'abuse') {
    s.add('911');
    if (r.kind) s.add(r.kind);
    else for (const k of ABUSE_KINDS) s.add(k);
  } else if (r.intent === 'mental_health') s.add('988');
  else if (r.intent === 'symptoms') s.add('nurse').add('911');
  else if (r.safety?.level === 'unsure') {
    s.add('911').add('988').add('nurse');
    if (r.safety.abuseKind) s.add(r.safety.abuseKind);
    if (r.safety.poisonDoubt) s.add('poison');
  }
  return s;
}

const outcomeOf = (r: IntentResult): string => (r.intent === 'emergency' || r.intent === 'abuse' ? `${r.intent}:${r.kind ?? '?'}` : r.intent);

interface Scored {
  label: string;
  text: string;
  result: IntentResult;
}

async function score(understanding: Understanding, file: string): Promise<Scored[]> {
  const out: Scored[] = [];
  for (const row of readLabelledLines(file, frozenLabel)) out.push({ label: row.label, text: row.text, result: await understanding.understand(row.text) });
  return out;
}

const TRIAGE_OUTCOMES = ['emergency', 'abuse', 'mental_health', 'symptoms'];
const group = (label: string): string => label.split(':')[0]!;

function triageReport(title: string, locale: Locale, rows: Scored[], json: Record<string, unknown>, errors: boolean): string[] {
  const lines = [`\n=== triage, ${title} (${locale}) — ${rows.length} lines ===`];
  const numbers = { ok: 0, n: 0 };
  const stats: Record<string, unknown> = {};
  lines.push(`${'outcome'.padEnd(18)} ${'lines'.padStart(5)} ${'recall'.padStart(7)} ${'precision'.padStart(9)} ${'kind ok'.padStart(8)} ${'number'.padStart(7)}`);
  for (const outcome of TRIAGE_OUTCOMES) {
    const expected = rows.filter((r) => group(r.label) === outcome);
    const predicted = rows.filter((r) => r.result.intent === outcome);
    const hit = expected.filter((r) => r.result.intent === outcome);
    const kindOk = hit.filter((r) => !r.label.includes(':') || outcomeOf(r.result) === r.label);
    const numberOk = expected.filter((r) => numbersGiven(r.result).has(NEEDED[r.label]!));
    numbers.ok += numberOk.length;
    numbers.n += expected.length;
    const precision = predicted.filter((r) => group(r.label) === outcome).length;
    lines.push(`${outcome.padEnd(18)} ${String(expected.length).padStart(5)} ${pct(hit.length, expected.length).padStart(7)} ${pct(precision, predicted.length).padStart(9)} ${pct(kindOk.length, hit.length).padStart(8)} ${pct(numberOk.length, expected.length).padStart(7)}`);
    stats[outcome] = { lines: expected.length, recall: hit.length / (expected.length || 1), precision: precision / (predicted.length || 1), kindAccuracy: kindOk.length / (hit.length || 1), rightNumber: numberOk.length / (expected.length || 1) };
    if (outcome === 'emergency' || outcome === 'abuse') {
      const kinds = outcome === 'emergency' ? EMERGENCY_KINDS : ABUSE_KINDS;
      for (const kind of kinds) {
        const e = expected.filter((r) => r.label === `${outcome}:${kind}`);
        const h = e.filter((r) => r.result.intent === outcome);
        const k = h.filter((r) => r.result.kind === kind);
        lines.push(`  ${kind.padEnd(16)} ${String(e.length).padStart(5)} ${pct(h.length, e.length).padStart(7)} ${''.padStart(9)} ${pct(k.length, h.length).padStart(8)}`);
      }
    }
  }
  const negatives = rows.filter((r) => !TRIAGE_OUTCOMES.includes(group(r.label)));
  const falseEmergency = negatives.filter((r) => r.result.intent === 'emergency');
  const falseAny = negatives.filter((r) => TRIAGE_OUTCOMES.includes(r.result.intent));
  const unsure = rows.filter((r) => TRIAGE_OUTCOMES.includes(group(r.label)) && !TRIAGE_OUTCOMES.includes(r.result.intent) && r.result.safety?.level === 'unsure');
  lines.push(`right number in the answer, all triage lines   ${pct(numbers.ok, numbers.n)} (${numbers.ok}/${numbers.n})`);
  lines.push(`missed outcomes that got the safety net (911/988/nurse line): ${unsure.length}`);
  lines.push(`negatives (tasks, small talk, figures of speech): ${negatives.length}; false emergencies ${pct(falseEmergency.length, negatives.length)} (${falseEmergency.length}); any triage outcome ${pct(falseAny.length, negatives.length)} (${falseAny.length})`);
  json[`${key(title)}triage_${locale}`] = { ...stats, rightNumber: numbers.ok / (numbers.n || 1), negatives: negatives.length, falseEmergencies: falseEmergency.length, falseOutcomes: falseAny.length };
  if (errors) {
    for (const r of rows) {
      const wrong = TRIAGE_OUTCOMES.includes(group(r.label)) ? outcomeOf(r.result) !== r.label && !(r.label === r.result.intent) : TRIAGE_OUTCOMES.includes(r.result.intent);
      if (wrong) lines.push(`  ✗ ${r.label} → ${outcomeOf(r.result)}${r.result.safety ? ` (${r.result.safety.level})` : ''}: ${r.text}`);
    }
  }
  return lines;
}

function intentReport(title: string, locale: Locale, rows: Scored[], json: Record<string, unknown>, errors: boolean): string[] {
  const correct = rows.filter((r) => r.result.intent === r.label);
  const lines = [`\n=== intents, ${title} (${locale}) — ${rows.length} lines ===`, `accuracy ${pct(correct.length, rows.length)} (${correct.length}/${rows.length})`];
  const labels = [...new Set(rows.map((r) => r.label))].sort();
  const per = labels.map((l) => {
    const e = rows.filter((r) => r.label === l);
    return `${l} ${pct(e.filter((r) => r.result.intent === l).length, e.length).trim()}`;
  });
  lines.push(`per intent (recall): ${per.join(', ')}`);
  json[`${key(title)}intents_${locale}`] = { accuracy: correct.length / (rows.length || 1), lines: rows.length };
  if (errors) for (const r of rows) if (r.result.intent !== r.label) lines.push(`  ✗ ${r.label} → ${r.result.intent}: ${r.text}`);
  return lines;
}

/** Frozen sets: the held-out measurement (read once, at the end of a piece of work). */
/** JSON keys: the frozen set keeps the historical `triage_en`…; another set is prefixed by its name. */
const key = (title: string): string => (title.startsWith('frozen ') ? '' : `${title.split(' ')[0]!.replace(/:$/, '')}_`);

/**
 * Every line written to train the intent model and the triage (normalized as the models read
 * text). Independent writers meet on common messages ("hi", "reset my password", "I need to make
 * an appointment with my primary care doctor"); the sets are not edited for that, but each set is
 * reported a second time without those lines, which measures understanding rather than memory.
 */
export function trainingLines(): Set<string> {
  const out = new Set<string>();
  for (const root of [fromRoot('intents', 'data', 'train'), fromRoot('intents', 'data', 'triage', 'train')]) {
    for (const locale of fs.readdirSync(root)) {
      const dir = path.join(root, locale);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
        for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) if (line.trim() && !line.startsWith('#')) out.add(normalizeChars(line));
      }
    }
  }
  return out;
}

/** The rows whose text is not a training line (normalized). */
export function unseenRows<T extends { text: string }>(rows: readonly T[], training: ReadonlySet<string>): T[] {
  return rows.filter((r) => !training.has(normalizeChars(r.text)));
}

export async function evaluateFrozen(understanding: Understanding, json: Record<string, unknown>, errors = false, dir = FROZEN_DIR, title = 'frozen test set'): Promise<string[]> {
  const lines: string[] = [];
  const training = trainingLines();
  const unseenTitle = `${title.split(' ')[0]}-unseen: lines not identical to a training line`;
  for (const locale of ['en', 'es'] as const) {
    const triageFile = path.join(dir, `triage-${locale}.tsv`);
    if (fs.existsSync(triageFile)) {
      const rows = await score(understanding, triageFile);
      lines.push(...triageReport(title, locale, rows, json, errors));
      lines.push(...triageReport(unseenTitle, locale, unseenRows(rows, training), json, false));
    }
    const intentsFile = path.join(dir, `intents-${locale}.tsv`);
    if (fs.existsSync(intentsFile)) {
      const rows = await score(understanding, intentsFile);
      lines.push(...intentReport(title, locale, rows, json, errors));
      lines.push(...intentReport(unseenTitle, locale, unseenRows(rows, training), json, false));
    }
  }
  return lines;
}

/** The training half of the public files is the one with an even hash (intents/data/triage/public). */
export function inTrainingHalf(text: string): boolean {
  const key = text.split(/\s+/).join(' ').trim().toLowerCase();
  return parseInt(crypto.createHash('sha1').update(key).digest('hex').slice(0, 8), 16) % 2 === 0;
}

export function publicDevDir(): string {
  const fromEnv = process.env.PUBLIC_DEV_DIR;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : path.join(REPO_ROOT, '..', 'shared', 'data', 'public-dev');
}

/** Public development data: false alarms and requests kept out of every task, per file. */
export async function evaluatePublic(understanding: Understanding, json: Record<string, unknown>, errors = false): Promise<string[]> {
  const dir = publicDevDir();
  if (!fs.existsSync(dir)) return [`\n(public development data not found at ${dir}; set PUBLIC_DEV_DIR)`];
  const lines = [
    `\n=== public development data (${path.relative(REPO_ROOT, dir) || dir}) — nobody on the project wrote it ===`,
    'held-out half = the rows whose hash puts them outside the triage model\'s training half (intents/data/triage/public)',
    `${'file'.padEnd(26)} ${'rows'.padStart(6)} | held-out: ${'emergency FA'.padStart(12)} ${'any outcome'.padStart(11)} ${'out of tasks'.padStart(12)} | all rows: ${'emergency FA'.padStart(12)} ${'out of tasks'.padStart(12)}`,
  ];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const raw = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
    const header = raw[0]!.split('\t');
    const col = header.indexOf('question') >= 0 ? header.indexOf('question') : header.indexOf('text');
    if (col < 0) continue;
    const medical = header.includes('question');
    const c = { n: 0, fa: 0, any: 0, out: 0, hn: 0, hfa: 0, hany: 0, hout: 0 };
    const shown: string[] = [];
    const leaks: string[] = [];
    for (const line of raw.slice(1)) {
      const text = line.split('\t')[col]?.trim();
      if (!text) continue;
      const r = await understanding.understand(text);
      const fa = r.intent === 'emergency';
      // Health-information questions may rightly be `symptoms` (the nurse line); any other outcome counts.
      const any = medical ? ['emergency', 'abuse', 'mental_health'].includes(r.intent) : TRIAGE_OUTCOMES.includes(r.intent);
      const out = !(TASK_INTENTS as readonly string[]).includes(r.intent);
      c.n++;
      if (fa) c.fa++;
      if (out) c.out++;
      if (!inTrainingHalf(text)) {
        c.hn++;
        if (fa) c.hfa++;
        if (any) c.hany++;
        if (out) c.hout++;
        if (errors && fa && shown.length < 15) shown.push(`  ✗ ${outcomeOf(r)}: ${text}`);
        if (errors && !out && !medical && leaks.length < 40) leaks.push(`  → ${r.intent}: ${text}`);
      }
    }
    lines.push(`${file.padEnd(26)} ${String(c.n).padStart(6)} | held-out: ${pct(c.hfa, c.hn).padStart(12)} ${pct(c.hany, c.hn).padStart(11)} ${pct(c.hout, c.hn).padStart(12)} | all rows: ${pct(c.fa, c.n).padStart(12)} ${pct(c.out, c.n).padStart(12)}`);
    lines.push(...shown, ...leaks);
    json[`public_${file}`] = { rows: c.n, heldOut: c.hn, heldOutFalseEmergency: c.hfa / (c.hn || 1), heldOutAnyOutcome: c.hany / (c.hn || 1), heldOutOutOfTasks: c.hout / (c.hn || 1), falseEmergency: c.fa / (c.n || 1), outOfTasks: c.out / (c.n || 1) };
  }
  lines.push('(any outcome: emergency, abuse, mental health or symptoms — for MedQuAD, symptoms is the right answer and is not counted; out of tasks: not routed to appointment, refill, sign-in, billing, records, telehealth or contact)');
  return lines;
}
