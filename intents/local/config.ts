import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';

export const modelConfigSchema = z.object({
  $comment: z.string().optional(),
  features: z.object({
    words: z.boolean(),
    stems: z.boolean(),
    bigrams: z.boolean(),
    /** Character n-gram length inside words (0 = off): some robustness to unseen misspellings. */
    charNgrams: z.int().min(0).max(6),
    /** Word-class features from intents/data/lexicon/gazetteer.json. */
    gazetteer: z.boolean(),
    /** Only the first maxChars characters of a message are classified. */
    maxChars: z.int().min(100),
  }),
  training: z.object({
    epochs: z.int().min(1).max(500),
    learningRate: z.number().positive(),
    l2: z.number().min(0),
    /** 0 = no reweighting, 1 = every class weighs the same in total (none has many lines). */
    classBalance: z.number().min(0).max(1),
    seed: z.int(),
    /** From this epoch (0-based) on, the model is the mean of the end-of-epoch weights (intents/local/softmax.ts); absent: the last epoch's. */
    averageFrom: z.int().min(0).optional(),
    /** Lines taken (evenly spread) from each other-domain file of intents/data/public as `none`. */
    publicNonePerFile: z.int().min(0),
  }),
  calibration: z.object({ folds: z.int().min(2).max(20) }),
  confidenceThreshold: z.number().min(0).max(1),
});
export type ModelConfig = z.output<typeof modelConfigSchema>;

export const MODEL_CONFIG_FILE = path.join(DATA_DIR, 'model-config.json');

export function loadModelConfig(file = MODEL_CONFIG_FILE): ModelConfig {
  return readJsonFile(file, modelConfigSchema);
}
