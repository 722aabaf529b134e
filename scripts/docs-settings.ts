/**
 * `npm run docs:settings`: writes docs/settings.md from the configuration schema (see
 * scripts/settings-reference.ts). Prints whether the page changed; a setting without
 * documentation stops it with one line naming the setting (exit 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fromRoot } from '../common/paths';
import { renderSettingsReference } from './settings-reference';

const file = fromRoot('docs', 'settings.md');
try {
  const page = renderSettingsReference();
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    /* written below */
  }
  if (current === page) {
    process.stdout.write('docs/settings.md is up to date\n');
  } else {
    writeFileSync(file, page);
    process.stdout.write('docs/settings.md written\n');
  }
} catch (err) {
  process.stderr.write(`docs:settings: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
