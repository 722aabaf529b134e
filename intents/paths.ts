import path from 'node:path';

/**
 * Where this layer's data lives. Compiled code runs from dist/intents/, sources from
 * intents/; both resolve to the repository's intents/data folder (data is never copied
 * into dist, so there is one copy to review and edit).
 */
function findRepoRoot(): string {
  // dist/intents/paths.js → repo root is two levels up; intents/paths.ts (ts-node) → one.
  const up1 = path.resolve(__dirname, '..');
  return path.basename(up1) === 'dist' ? path.resolve(up1, '..') : up1;
}

export const REPO_ROOT = findRepoRoot();

export const DATA_DIR = path.join(REPO_ROOT, 'intents', 'data');

/** The model file written by `npm run build` (scripts/build-nlu-model.ts). */
export const DEFAULT_MODEL_FILE = path.join(REPO_ROOT, 'dist', 'intents', 'nlu-model.json');

/** Paths relative to the repository root, for error messages and logs. */
export function displayPath(file: string): string {
  const rel = path.relative(REPO_ROOT, file);
  return rel.startsWith('..') ? file : rel;
}
