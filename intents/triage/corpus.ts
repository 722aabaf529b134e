import fs from 'node:fs';
import path from 'node:path';
import { NluDataError, readLines } from '../data-files';
import { DATA_DIR } from '../paths';
import { normalizeChars } from '../text/normalize';
import { prng } from '../local/softmax';
import { isIntentOnly, loadTrainingSet } from '../training-data';
import { LOCALES, type Locale } from '../types';
import type { ConceptMatcher } from './concepts';
import { labelOfFile, type TriageLabel } from './labels';

export const TRIAGE_DATA_DIR = path.join(DATA_DIR, 'triage');
export const PUBLIC_DIR = path.join(DATA_DIR, 'public');

/** Intent lines not taught as `other` when they carry a safety-signal concept (see below). */
const AMBIGUOUS_AS_OTHER: ReadonlySet<string> = new Set(['none', 'appointment', 'telehealth']);

export interface TriageExample {
  text: string;
  label: TriageLabel;
  locale: Locale;
  /** "intents/data/triage/train/en/emergency.crisis.txt:12", "augmented", "intents/data/train/en/billing.txt:4". */
  source: string;
}

/**
 * The triage model's training corpus, all of it in the repository:
 * 1. intents/data/triage/train/<locale>/<label>.txt — written for the triage (every outcome, and
 *    `other*.txt` lookalikes: tasks and figures of speech that use alarming words);
 * 2. the intent model's training lines (intents/data/train) as `other`, except `none`,
 *    `appointment` and `telehealth` lines that carry a safety-signal concept: health questions the
 *    intent model calls none, and visits asked for because of a symptom ("book me in for this
 *    cough", "video visit for my rash"), are symptoms to the triage (the task still goes on when a
 *    task word is there: intents/understanding.ts), so they are left out rather than taught as
 *    `other`. Bills, records and refills that name a condition stay `other`. The
 *    `<intent>.intent-only.txt` files are not read (intents/training-data.ts, INTENT_ONLY_SUFFIX);
 * 3. intents/data/public/<name>.<label>.txt — the training halves of public data sets
 *    (banking, CLINC150, HWU64, SNIPS as other; MedQuAD's NIH questions as symptoms).
 */
export function loadTriageCorpus(concepts: ConceptMatcher, dir = TRIAGE_DATA_DIR, publicDir = PUBLIC_DIR): TriageExample[] {
  const out: TriageExample[] = [];
  const trainDir = path.join(dir, 'train');
  for (const locale of LOCALES) {
    const localeDir = path.join(trainDir, locale);
    let files: string[];
    try {
      files = fs.readdirSync(localeDir).filter((f) => f.endsWith('.txt')).sort();
    } catch {
      throw new NluDataError(localeDir, 'triage training folder is missing');
    }
    for (const file of files) {
      const full = path.join(localeDir, file);
      const label = labelOfFile(file);
      if (!label) throw new NluDataError(full, 'file name is not a triage label (emergency.<kind>, abuse.<kind>, mental_health, symptoms, other*)');
      for (const { line, text } of readLines(full)) out.push({ text, label, locale, source: `${full}:${line}` });
    }
  }
  for (const ex of loadTrainingSet()) {
    if (ex.source.startsWith(publicDir)) continue; // read below, with its own labels
    if (isIntentOnly(ex)) continue; // the intent model's alone (intents/training-data.ts)
    if (AMBIGUOUS_AS_OTHER.has(ex.intent)) {
      const tokens = normalizeChars(ex.text).split(' ');
      if (concepts.find(tokens).some((c) => concepts.signal.has(c))) continue;
    }
    out.push({ text: ex.text, label: 'other', locale: ex.locale, source: ex.source });
  }
  for (const file of fs.existsSync(publicDir) ? fs.readdirSync(publicDir).filter((f) => f.endsWith('.txt')).sort() : []) {
    const full = path.join(publicDir, file);
    const label = labelOfFile(file.replace(/^[a-z0-9]+\./, ''));
    if (!label) throw new NluDataError(full, 'public file names look like <name>.<label>.txt');
    for (const { line, text } of readLines(full)) out.push({ text, label, locale: 'en', source: `${full}:${line}` });
  }
  return out;
}

const FILLERS: Record<Locale, string[]> = {
  en: ['hi', 'hello', 'hey', 'um', 'ok so', 'sorry to bother you but', 'quick question', 'please help', 'idk what to do', 'hi there, i need help,'],
  es: ['hola', 'buenas', 'oiga', 'disculpe', 'ayuda', 'por favor', 'no se que hacer', 'hola buenas tardes,'],
};
const TASK_OPENERS: Record<Locale, string[]> = {
  en: ['i was trying to check my bill but', 'i wanted to book an appointment but', 'need a refill and also', 'i logged in to see my results and', 'sorry im on the portal,'],
  es: ['queria hacer una cita pero', 'estaba viendo mi factura y', 'necesito resurtir una receta y tambien', 'entre al portal y'],
};
const SPEAK: Record<Locale, Array<[RegExp, string]>> = {
  en: [[/\byou\b/g, 'u'], [/\byour\b/g, 'ur'], [/\bare\b/g, 'r'], [/\bplease\b/g, 'pls'], [/\bright now\b/g, 'rn'], [/\bbecause\b/g, 'bc'], [/\bi'?m\b/gi, 'im'], [/\bdon'?t\b/g, 'dont'], [/\breally\b/g, 'rly'], [/\bwith\b/g, 'w']],
  es: [[/\bque\b/g, 'q'], [/\bporque\b/g, 'xq'], [/\bpor que\b/g, 'xq'], [/\btambién\b/g, 'tmb'], [/\bquiero\b/g, 'kiero'], [/\bestoy\b/g, 'toy'], [/\bpara\b/g, 'pa']],
};

/**
 * Variants of the outcome lines (never of `other`), seeded: lower case without punctuation, a
 * typo (two letters swapped, or one dropped), text-speak, a greeting or a filler before it, or a
 * portal task before it ("I wanted to book an appointment but…"): members write all of these,
 * and a task in the same message must not hide what follows.
 */
export function augment(examples: readonly TriageExample[], perLine: number, seed: number): TriageExample[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: TriageExample[] = [];
  for (const ex of examples) {
    if (ex.label === 'other' || !ex.source.includes(`${path.sep}train${path.sep}`)) continue;
    for (let n = 0; n < perLine; n++) {
      let t = ex.text;
      const ops = 1 + Math.floor(random() * 2);
      for (let k = 0; k < ops; k++) {
        const op = Math.floor(random() * 5);
        if (op === 0) t = t.toLowerCase().replace(/[.,!?;:'"¿¡]/g, '');
        else if (op === 1) t = typo(t, random);
        else if (op === 2) for (const [re, sub] of SPEAK[ex.locale]) t = t.replace(re, sub);
        else if (op === 3) t = `${pick(FILLERS[ex.locale])} ${t}`;
        else t = `${pick(TASK_OPENERS[ex.locale])} ${t.charAt(0).toLowerCase()}${t.slice(1)}`;
      }
      if (t !== ex.text) out.push({ ...ex, text: t, source: 'augmented' });
    }
  }
  return out;
}

function typo(text: string, random: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^[a-záéíóúñ]{5,}$/i.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const i = candidates[Math.floor(random() * candidates.length)]!;
  const w = words[i]!;
  const j = 1 + Math.floor(random() * (w.length - 2));
  words[i] = random() < 0.5 ? w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2) : w.slice(0, j) + w.slice(j + 1);
  return words.join(' ');
}
