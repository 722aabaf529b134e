import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder that holds package.json. Data files (training utterances, portal profiles, response
 * texts, web assets) are read from the source tree at run time, whether the code runs from
 * `dist/` or elsewhere, so that editing a data file needs no rebuild.
 */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
}

/**
 * A path inside the project, e.g. `fromRoot('config', 'profiles')`. Every file path the code
 * builds goes through this (or `fromDist`) with one literal segment per folder, never through
 * `__dirname`, so that a file keeps finding its data when it moves (scripts/relayout rewrites
 * these segments with the imports).
 */
export function fromRoot(...segments: string[]): string {
  return path.join(projectRoot(), ...segments);
}

/** A compiled file, e.g. `fromDist('bot', 'index.js')` for what `npm start` runs. */
export function fromDist(...segments: string[]): string {
  return path.join(projectRoot(), 'dist', ...segments);
}
