import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readJsonFile } from '../data-files';
import { CORPUS_WORDS_FILE, LOCALE_WORDS_FILE, type LocaleDetector } from '../locale/detect-locale';
import { SHORTHAND_FILE, type ShorthandExpander } from '../text/shorthand';
import { MODEL_INTENTS, PUBLIC_TRAIN_DIR, RELABEL_FILE, TRAIN_DIR, type ModelIntent, type TrainingExample } from '../training-data';
import type { Locale, ScoredIntent } from '../types';
import { MODEL_CONFIG_FILE, modelConfigSchema, type ModelConfig } from './config';
import { FeatureExtractor, trainingVocabulary } from './features';
import { GAZETTEER_FILE, MEDICINE_NAMES_FILE, type Gazetteer } from './gazetteer';
import { medicineNameVariants } from './nameVariants';
import { fitTemperature, logits, prng, shuffle, softmax, trainSoftmax, type SoftmaxParams, type SparseExample } from './softmax';

/** Bump when feature extraction or training changes, so old model files count as stale. */
export const MODEL_FORMAT = 'member-assistant-nlu/6';

const modelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    dataHash: z.string().regex(/^[0-9a-f]{64}$/),
    config: modelConfigSchema,
    classes: z.array(z.enum(MODEL_INTENTS)).min(2),
    vocabulary: z.array(z.string()),
    features: z.array(z.string()),
    /** Float32, little-endian, base64: features × classes, row-major by feature (a compact file, quick to load). */
    weights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
    bias: z.array(z.number()),
    temperature: z.number().positive(),
    trainedExamples: z.int().min(1),
  })
  .refine((m) => Buffer.byteLength(m.weights, 'base64') === m.features.length * m.classes.length * 4, { message: 'weights length must be features × classes', path: ['weights'] })
  .refine((m) => m.bias.length === m.classes.length, { message: 'bias length must equal classes', path: ['bias'] });
export type LocalModelFile = z.output<typeof modelFileSchema>;

export interface ModelResources {
  shorthand: ShorthandExpander;
  localeDetector: LocaleDetector;
  gazetteer: Gazetteer;
}

export interface Prediction {
  locale: Locale;
  /** Every model intent, most likely first; scores are calibrated probabilities summing to 1. */
  ranked: Array<ScoredIntent & { intent: ModelIntent }>;
}

/**
 * SHA-256 over everything a trained model depends on: the format, the model settings, the
 * shorthand and locale word lists, and every training file. A model file whose hash differs
 * is stale and is not used.
 */
export function computeDataHash(trainDir = TRAIN_DIR): string {
  const hash = crypto.createHash('sha256').update(MODEL_FORMAT);
  const files = [MODEL_CONFIG_FILE, SHORTHAND_FILE, LOCALE_WORDS_FILE, CORPUS_WORDS_FILE, GAZETTEER_FILE, MEDICINE_NAMES_FILE];
  for (const locale of fs.readdirSync(trainDir).sort()) {
    const dir = path.join(trainDir, locale);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt') || f === RELABEL_FILE) files.push(path.join(dir, f));
  }
  if (trainDir === TRAIN_DIR && fs.existsSync(PUBLIC_TRAIN_DIR)) {
    for (const f of fs.readdirSync(PUBLIC_TRAIN_DIR).sort()) if (f.endsWith('.other.txt')) files.push(path.join(PUBLIC_TRAIN_DIR, f));
  }
  for (const file of files) {
    hash.update(`\0${path.relative(path.dirname(trainDir), file)}\0`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/** Weights as float32 bytes in base64 (one number per 4 bytes instead of ~8 characters of JSON). */
export function encodeFloat32(values: ArrayLike<number>): string {
  const f = Float32Array.from(values);
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64');
}

export function decodeFloat32(base64: string): Float32Array {
  // A copy of its own: a small Buffer may sit at an offset in a shared pool that Float32Array cannot view.
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  return new Float32Array(bytes.buffer, 0, bytes.byteLength / 4);
}

function round(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}

export class LocalModel {
  private readonly featureIndex: Map<string, number>;
  private readonly params: SoftmaxParams;
  private readonly extractor: FeatureExtractor;

  /** The model file without its weights (held once, decoded, in `params`; the base64 text is not kept). */
  private readonly file: Omit<LocalModelFile, 'weights'>;

  private constructor(file: LocalModelFile, resources: ModelResources) {
    const { weights, ...rest } = file;
    this.file = rest;
    this.featureIndex = new Map(file.features.map((f, i) => [f, i]));
    this.params = {
      numClasses: file.classes.length,
      numFeatures: file.features.length,
      weights: decodeFloat32(weights),
      bias: Float64Array.from(file.bias),
    };
    this.extractor = new FeatureExtractor(file.config.features, resources.shorthand, resources.localeDetector, resources.gazetteer, file.vocabulary);
  }

  get dataHash(): string {
    return this.file.dataHash;
  }

  get trainedExamples(): number {
    return this.file.trainedExamples;
  }

  /** The tuned threshold from intents/data/model-config.json. */
  get confidenceThreshold(): number {
    return this.file.config.confidenceThreshold;
  }

  predict(text: string, hint?: Locale): Prediction {
    const locale = this.extractor.locale(text, hint);
    const x: number[] = [];
    for (const f of this.extractor.extract(text, locale)) {
      const i = this.featureIndex.get(f);
      if (i !== undefined) x.push(i);
    }
    if (x.length === 0) {
      // Nothing the model knows (emoji, gibberish, empty): certainly out of scope.
      return { locale, ranked: this.file.classes.map((intent) => ({ intent, score: intent === 'none' ? 1 : 0 })).sort((a, b) => b.score - a.score) };
    }
    const p = softmax(logits(this.params, x), this.file.temperature);
    const ranked = this.file.classes.map((intent, c) => ({ intent, score: p[c]! }));
    ranked.sort((a, b) => b.score - a.score);
    return { locale, ranked };
  }

  toFile(): LocalModelFile {
    return { ...this.file, weights: encodeFloat32(this.params.weights) };
  }

  static fromFile(file: string, resources: ModelResources): LocalModel {
    return new LocalModel(readJsonFile(file, modelFileSchema), resources);
  }

  static fromObject(value: unknown, resources: ModelResources): LocalModel {
    const parsed = modelFileSchema.safeParse(value);
    if (!parsed.success) throw new NluDataError('(model object)', parsed.error.issues[0]?.message ?? 'invalid');
    return new LocalModel(parsed.data, resources);
  }

  /**
   * Trains on every example. The temperature that calibrates the scores is fitted on
   * out-of-fold predictions of a k-fold cross-validation of the same training set.
   */
  static train(examples: readonly TrainingExample[], resources: ModelResources, config: ModelConfig, dataHash: string): LocalModel {
    const folds = crossValidate(examples, resources, config);
    const temperature = fitTemperature(folds.map((f) => ({ logits: f.logits, label: MODEL_INTENTS.indexOf(f.example.intent) })));
    const fitted = fit(examples, resources, config);
    // Keep only features with some weight, rounded: a smaller file, the same predictions.
    const C = MODEL_INTENTS.length;
    const features: string[] = [];
    const weights: number[] = [];
    fitted.features.forEach((name, f) => {
      const row = Array.from(fitted.params.weights.subarray(f * C, f * C + C), round);
      if (row.some((v) => v !== 0)) {
        features.push(name);
        weights.push(...row);
      }
    });
    return new LocalModel(
      {
        format: MODEL_FORMAT,
        dataHash,
        config,
        classes: [...MODEL_INTENTS],
        vocabulary: fitted.vocabulary,
        features,
        weights: encodeFloat32(weights),
        bias: Array.from(fitted.params.bias, round),
        temperature: round(temperature),
        trainedExamples: examples.length,
      },
      resources,
    );
  }
}

interface Fitted {
  features: string[];
  vocabulary: string[];
  params: SoftmaxParams;
  extractor: FeatureExtractor;
  index: Map<string, number>;
}

function fit(examples: readonly TrainingExample[], resources: ModelResources, config: ModelConfig): Fitted {
  // The typo corrector's targets: the words of the lines written for this project. The public
  // other-domain lines (intents/data/public) teach `none`; their 20,000 words would multiply the
  // corrector's index (and the heap) for words nobody misspells toward a health-plan task.
  const vocabulary = trainingVocabulary(resources.shorthand, examples.filter((e) => !e.source.startsWith(PUBLIC_TRAIN_DIR)));
  const extractor = new FeatureExtractor(config.features, resources.shorthand, resources.localeDetector, resources.gazetteer, vocabulary);
  const index = new Map<string, number>();
  const variants = medicineNameVariants(examples, resources.gazetteer, (source) => source.startsWith(PUBLIC_TRAIN_DIR));
  const rows: SparseExample[] = [...examples, ...variants].map((e) => {
    const locale = extractor.locale(e.text, e.locale);
    const x = extractor.extract(e.text, locale).map((f) => {
      let i = index.get(f);
      if (i === undefined) index.set(f, (i = index.size));
      return i;
    });
    return { x, label: MODEL_INTENTS.indexOf(e.intent) };
  });
  const params = trainSoftmax(rows, MODEL_INTENTS.length, index.size, config.training);
  return { features: [...index.keys()], vocabulary, params, extractor, index };
}

export interface OutOfFold {
  example: TrainingExample;
  logits: Float64Array;
}

/** k-fold cross-validation (stratified by intent): out-of-fold logits for every example. */
export function crossValidate(examples: readonly TrainingExample[], resources: ModelResources, config: ModelConfig): OutOfFold[] {
  const k = config.calibration.folds;
  const random = prng(config.training.seed + 1);
  const foldOf = new Map<TrainingExample, number>();
  for (const intent of MODEL_INTENTS) {
    const members = shuffle(
      examples.filter((e) => e.intent === intent),
      random,
    );
    members.forEach((e, i) => foldOf.set(e, i % k));
  }
  const out: OutOfFold[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = examples.filter((e) => foldOf.get(e) !== fold);
    const held = examples.filter((e) => foldOf.get(e) === fold);
    const fitted = fit(train, resources, config);
    for (const e of held) {
      const locale = fitted.extractor.locale(e.text, e.locale);
      const x = fitted.extractor
        .extract(e.text, locale)
        .map((f) => fitted.index.get(f))
        .filter((i): i is number => i !== undefined);
      out.push({ example: e, logits: Float64Array.from(logits(fitted.params, x)) });
    }
  }
  return out;
}
