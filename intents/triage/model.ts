import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readJsonFile } from '../data-files';
import { decodeFloat32, encodeFloat32 } from '../local/model';
import { logits, softmax, trainSoftmax, type SoftmaxParams, type SparseExample } from '../local/softmax';
import { CORPUS_WORDS_FILE, LOCALE_WORDS_FILE } from '../locale/detect-locale';
import { DATA_DIR, REPO_ROOT } from '../paths';
import { SHORTHAND_FILE } from '../text/shorthand';
import { TRAIN_DIR } from '../training-data';
import type { Locale } from '../types';
import { CONCEPTS_FILE } from './concepts';
import { augment, TRIAGE_DATA_DIR, type TriageExample } from './corpus';
import { TriageFeatures, type SentenceView } from './features';
import { TRIAGE_LABELS, type TriageLabel } from './labels';
import { fromDist } from '../../common/paths';

export const TRIAGE_MODEL_FORMAT = 'member-assistant-triage/2';
export const TRIAGE_CONFIG_FILE = path.join(TRIAGE_DATA_DIR, 'config.json');
export const DEFAULT_TRIAGE_MODEL_FILE = fromDist('intents', 'triage-model.json');

export const triageConfigSchema = z.object({
  $comment: z.string().optional(),
  training: z.object({
    epochs: z.int().min(1).max(100),
    learningRate: z.number().positive(),
    l2: z.number().min(0),
    classBalance: z.number().min(0).max(1),
    seed: z.int(),
    augmentPerLine: z.int().min(0).max(10),
    minFeatureCount: z.int().min(1),
  }),
  decision: z.object({
    emergency: z.number().gt(0).lt(1),
    emergencyWithTask: z.number().gt(0).lt(1),
    sentenceEmergency: z.number().gt(0).lt(1),
    unconceptual: z.number().gt(0).lte(1),
    abuse: z.number().gt(0).lt(1),
    abuseWithTask: z.number().gt(0).lt(1),
    mental_health: z.number().gt(0).lt(1),
    symptoms: z.number().gt(0).lt(1),
    health: z.number().gt(0).lt(1),
    unsure: z.number().gt(0).lt(1),
    /** The doubt needed in a portal task whose only health word is a medicine's ("resurtir mis medicinas y una cita"). */
    unsureWithTask: z.number().gt(0).lt(1),
    signal: z.number().gt(0).lt(1),
    leaning: z.number().gt(0).lt(1),
    unconceptualUnsure: z.number().gt(0).lt(1),
  }),
});
export type TriageConfig = z.output<typeof triageConfigSchema>;

export function loadTriageConfig(file = TRIAGE_CONFIG_FILE): TriageConfig {
  return readJsonFile(file, triageConfigSchema);
}

const modelFileSchema = z
  .object({
    format: z.literal(TRIAGE_MODEL_FORMAT),
    dataHash: z.string().regex(/^[0-9a-f]{64}$/),
    labels: z.array(z.enum(TRIAGE_LABELS)).length(TRIAGE_LABELS.length),
    vocabulary: z.array(z.string()),
    features: z.array(z.string()),
    /** Float32, little-endian, base64: features × labels, row-major by feature. */
    weights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
    bias: z.array(z.number()),
    trainedExamples: z.int().min(1),
  })
  .refine((m) => Buffer.byteLength(m.weights, 'base64') === m.features.length * m.labels.length * 4, { message: 'weights length must be features × labels', path: ['weights'] });
export type TriageModelFile = z.output<typeof modelFileSchema>;

/** Every file the triage model depends on, hashed: a model file built from other data is stale. */
export function triageDataHash(): string {
  const hash = crypto.createHash('sha256').update(TRIAGE_MODEL_FORMAT);
  const files = [TRIAGE_CONFIG_FILE, CONCEPTS_FILE, SHORTHAND_FILE, LOCALE_WORDS_FILE, CORPUS_WORDS_FILE, path.join(DATA_DIR, 'emergency', 'real-words.en.json'), path.join(DATA_DIR, 'emergency', 'real-words.es.json')];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, f);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (f.endsWith('.txt')) files.push(full);
    }
  };
  walk(path.join(TRIAGE_DATA_DIR, 'train'));
  walk(path.join(DATA_DIR, 'public'));
  walk(TRAIN_DIR);
  for (const file of files) {
    hash.update(`\0${path.relative(REPO_ROOT, file)}\0`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;


/** The learned half of the triage: probabilities over TRIAGE_LABELS for a span of sentences. */
export class TriageModel {
  private readonly index: Map<string, number>;
  private readonly params: SoftmaxParams;

  /** The model file without its weights (held once, decoded, in `params`; the base64 text is not kept). */
  private readonly meta: Omit<TriageModelFile, 'weights'>;

  constructor(
    file: TriageModelFile,
    readonly features: TriageFeatures,
  ) {
    const { weights, ...meta } = file;
    this.meta = meta;
    this.index = new Map(file.features.map((f, i) => [f, i]));
    this.params = { numClasses: file.labels.length, numFeatures: file.features.length, weights: decodeFloat32(weights), bias: Float64Array.from(file.bias) };
  }

  /** The model as its file (the weights encoded again): for writing it. */
  get file(): TriageModelFile {
    return { ...this.meta, weights: encodeFloat32(this.params.weights) };
  }

  get trainedExamples(): number {
    return this.meta.trainedExamples;
  }

  /** Probabilities in TRIAGE_LABELS order (a fresh array). */
  predict(sentences: readonly SentenceView[], locale: Locale): Float64Array {
    const x: number[] = [];
    for (const f of this.features.extract(sentences, locale)) {
      const i = this.index.get(f);
      if (i !== undefined) x.push(i);
    }
    return softmax(logits(this.params, x));
  }

  /** The features of a text that the model knows, with their weight toward a label (for explanations). */
  strongestFeature(sentences: readonly SentenceView[], locale: Locale, label: TriageLabel): string {
    const c = this.meta.labels.indexOf(label);
    let best = '';
    let bestWeight = -Infinity;
    for (const f of this.features.extract(sentences, locale)) {
      const i = this.index.get(f);
      if (i === undefined) continue;
      const w = this.params.weights[i * this.params.numClasses + c]!;
      // Word features would put member words in logs: only concepts are named.
      if (w > bestWeight && (f.startsWith('k:') || f.startsWith('kk:'))) {
        best = f;
        bestWeight = w;
      }
    }
    return best || 'words';
  }

  static parse(raw: unknown, file: string): TriageModelFile {
    const parsed = modelFileSchema.safeParse(raw);
    if (!parsed.success) throw new NluDataError(file, `invalid triage model: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    return parsed.data;
  }
}

/** What training needs besides the corpus: how to read text (built for the corpus's vocabulary). */
export type FeatureFactory = (vocabulary: string[]) => TriageFeatures;

/** Trains the triage model on the corpus (plus seeded variants of its outcome lines). */
export function trainTriageModel(corpus: readonly TriageExample[], makeFeatures: FeatureFactory, config: TriageConfig, dataHash: string): TriageModel {
  const all = [...corpus, ...augment(corpus, config.training.augmentPerLine, config.training.seed)];
  // The typo corrector's targets: words met at least twice in the lines written for the triage
  // (not the public data's or the intent model's): the words members misspell toward.
  const seen = new Map<string, number>();
  for (const ex of corpus) {
    if (!ex.source.includes(`${path.sep}triage${path.sep}train${path.sep}`)) continue;
    for (const t of TriageFeatures.rawTokens(ex.text)) seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  const vocab = [...seen.keys()].filter((w) => seen.get(w)! >= 2 && w.length >= 4).sort();
  const features = makeFeatures(vocab);
  const extracted = all.map((ex) => features.extract(features.sentences(ex.text, ex.locale), ex.locale));
  const counts = new Map<string, number>();
  for (const fs_ of extracted) for (const f of fs_) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts.keys()].filter((f) => counts.get(f)! >= config.training.minFeatureCount).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const examples: SparseExample[] = all.map((ex, i) => ({
    x: extracted[i]!.map((f) => index.get(f)).filter((v): v is number => v !== undefined),
    label: TRIAGE_LABELS.indexOf(ex.label),
  }));
  const t = config.training;
  const params = trainSoftmax(examples, TRIAGE_LABELS.length, names.length, { epochs: t.epochs, learningRate: t.learningRate, l2: t.l2, classBalance: t.classBalance, seed: t.seed });
  // Features whose weights are all ~0 are dropped from the file.
  const keep: number[] = [];
  const C = TRIAGE_LABELS.length;
  for (let f = 0; f < names.length; f++) {
    let max = 0;
    for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(params.weights[f * C + c]!));
    if (max >= 5e-4) keep.push(f);
  }
  const weights: number[] = [];
  for (const f of keep) for (let c = 0; c < C; c++) weights.push(params.weights[f * C + c]!);
  const file: TriageModelFile = {
    format: TRIAGE_MODEL_FORMAT,
    dataHash,
    labels: [...TRIAGE_LABELS],
    vocabulary: vocab,
    features: keep.map((f) => names[f]!),
    weights: encodeFloat32(weights),
    bias: [...params.bias].map(round),
    trainedExamples: all.length,
  };
  return new TriageModel(file, features);
}
