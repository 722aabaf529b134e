import path from 'node:path';
import { fromDist, fromRoot, projectRoot } from '../common/paths';

/**
 * Where this layer's data lives. Compiled code runs from dist/intents/, sources from
 * intents/; both resolve to the repository's intents/data folder (data is never copied
 * into dist, so there is one copy to review and edit).
 */
export const REPO_ROOT = projectRoot();

export const DATA_DIR = fromRoot('intents', 'data');

/** The model file written by `npm run build` (scripts/build-nlu-model.ts). */
export const DEFAULT_MODEL_FILE = fromDist('intents', 'nlu-model.json');

/** Paths relative to the repository root, for error messages and logs. */
export function displayPath(file: string): string {
  const rel = path.relative(REPO_ROOT, file);
  return rel.startsWith('..') ? file : rel;
}
