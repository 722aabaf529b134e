import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readLabelledLines, readLines } from './data-files';
import { loadModelConfig } from './local/config';
import { DATA_DIR } from './paths';
import { EMERGENCY_KINDS, INTENT_IDS, LOCALES, TRIAGE_INTENTS, type EmergencyKind, type IntentId, type Locale, type TriageIntentId } from './types';

/** The intents the local intent model is trained on: everything but the safety triage's outcomes (intents/triage). */
export const MODEL_INTENTS = INTENT_IDS.filter((i) => !(TRIAGE_INTENTS as readonly string[]).includes(i)) as Exclude<IntentId, TriageIntentId>[];
export type ModelIntent = (typeof MODEL_INTENTS)[number];

export interface TrainingExample {
  text: string;
  intent: ModelIntent;
  locale: Locale;
  /** Where the line came from, for error messages ("intents/data/train/en/billing.txt:12"). */
  source: string;
}

export const TRAIN_DIR = path.join(DATA_DIR, 'train');
/** Training halves of public data sets (see its README): `<name>.other.txt` files are out of scope (none). */
export const PUBLIC_TRAIN_DIR = path.join(DATA_DIR, 'public');
export const TEST_DIR = path.join(DATA_DIR, 'test');

const intentFile = z.enum(MODEL_INTENTS);

/**
 * `<intent>.intent-only.txt`: lines for the intent model alone, which the safety triage's `other`
 * class does not read (intents/triage/corpus.ts). They teach boundaries between portal tasks, small
 * talk and other assistants (a form the doctor fills in is records; "omg thank you!!! finally" is
 * thanks), none of which is a safety question. Any line added to the triage's corpus retrains the
 * triage model, and its SGD moves on about 1.5 % of the development lines when 480 such lines are
 * added (seventeenth session: 7 English and 10 Spanish development emergencies lost, others found),
 * so a change meant for the intent model stays out of it.
 */
export const INTENT_ONLY_SUFFIX = /\.intent-only\.txt$/;

/** True when a training example comes from an intent-only file. */
export function isIntentOnly(example: Pick<TrainingExample, 'source'>): boolean {
  return /\.intent-only\.txt:\d+$/.test(example.source);
}

/**
 * `relabel.tsv` (rows `intent<TAB>line`): lines of the `<intent>.txt` files whose label changed
 * after they were written (a label definition that moved a kind of request to another task). The
 * intent model reads them with the new label; the safety triage reads the files as they are, every
 * task line as `other` in its place (intents/triage/corpus.ts), so a label moved between tasks
 * does not retrain it (its SGD follows the corpus order). Every row must match a training line.
 */
export const RELABEL_FILE = 'relabel.tsv';

function readRelabels(localeDir: string): Map<string, ModelIntent> {
  const file = path.join(localeDir, RELABEL_FILE);
  if (!fs.existsSync(file)) return new Map();
  return new Map(readLabelledLines(file, intentFile).map((row) => [row.text, row.label as ModelIntent]));
}

/**
 * Loads intents/data/train/<locale>/<intent>.txt (one utterance per line), and
 * <intent>.intent-only.txt where there is one, with the labels of relabel.tsv. Every file name
 * must be a model intent; every model intent must have a file in each locale. With the default
 * folder, the other-domain requests of intents/data/public (`*.other.txt`: online banking, CLINC150,
 * home and voice assistants, in English) are added as `none`: the model learns what is not a
 * health-plan task from thousands of real requests of other assistants, not from a few hundred
 * written here.
 */
export function loadTrainingSet(dir = TRAIN_DIR, publicDir: string | null = dir === TRAIN_DIR ? PUBLIC_TRAIN_DIR : null): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const locale of LOCALES) {
    const localeDir = path.join(dir, locale);
    let files: string[];
    try {
      files = fs.readdirSync(localeDir).filter((f) => f.endsWith('.txt')).sort();
    } catch {
      throw new NluDataError(localeDir, 'training folder is missing');
    }
    const seen = new Set<string>();
    const relabel = readRelabels(localeDir);
    const relabelled = new Set<string>();
    for (const file of files) {
      const full = path.join(localeDir, file);
      const parsed = intentFile.safeParse(file.replace(INTENT_ONLY_SUFFIX, '.txt').replace(/\.txt$/, ''));
      if (!parsed.success) throw new NluDataError(full, `file name is not a model intent (${MODEL_INTENTS.join(', ')})`);
      seen.add(parsed.data);
      const lines = readLines(full);
      if (lines.length === 0) throw new NluDataError(full, 'no utterances');
      for (const { line, text } of lines) {
        const moved = INTENT_ONLY_SUFFIX.test(file) ? undefined : relabel.get(text);
        if (moved) relabelled.add(text);
        out.push({ text, intent: moved ?? parsed.data, locale, source: `${full}:${line}` });
      }
    }
    const stale = [...relabel.keys()].filter((text) => !relabelled.has(text));
    if (stale.length) throw new NluDataError(path.join(localeDir, RELABEL_FILE), `no training line reads "${stale[0]}" (${stale.length} stale relabel line(s))`);
    for (const intent of MODEL_INTENTS) {
      if (!seen.has(intent)) throw new NluDataError(path.join(localeDir, `${intent}.txt`), 'training file is missing');
    }
  }
  if (publicDir && fs.existsSync(publicDir)) {
    const limit = loadModelConfig().training.publicNonePerFile;
    for (const file of fs.readdirSync(publicDir).filter((f) => f.endsWith('.other.txt')).sort()) {
      const full = path.join(publicDir, file);
      const lines = readLines(full);
      const step = lines.length / Math.max(1, Math.min(limit, lines.length));
      for (let k = 0; limit > 0 && k * step < lines.length; k++) {
        const { line, text } = lines[Math.floor(k * step)]!;
        out.push({ text, intent: 'none', locale: 'en', source: `${full}:${line}` });
      }
    }
  }
  return out;
}

/** Expected answer for one test line: an intent, or `emergency:<kind>`. */
export interface TestExample {
  text: string;
  intent: IntentId;
  kind: EmergencyKind | null;
  locale: Locale;
  /** The test file's name without extension: tasks, smalltalk, oos, lookalikes, emergency. */
  category: string;
  source: string;
}

const testLabel = z.union([z.enum(INTENT_IDS).exclude(['emergency']), z.templateLiteral(['emergency:', z.enum(EMERGENCY_KINDS)])]);

/**
 * Loads the held-out test set: intents/data/test/<locale>/<category>.tsv with rows
 * `label<TAB>utterance`, label an intent id or emergency:<kind>. Never used for training.
 */
export function loadTestSet(dir = TEST_DIR): TestExample[] {
  const out: TestExample[] = [];
  for (const locale of LOCALES) {
    const localeDir = path.join(dir, locale);
    const files = fs.readdirSync(localeDir).filter((f) => f.endsWith('.tsv')).sort();
    for (const file of files) {
      const full = path.join(localeDir, file);
      for (const row of readLabelledLines(full, testLabel)) {
        const [intent, kind] = row.label.split(':') as [IntentId, EmergencyKind | undefined];
        out.push({ text: row.text, intent, kind: kind ?? null, locale, category: file.replace(/\.tsv$/, ''), source: `${full}:${row.line}` });
      }
    }
  }
  return out;
}
