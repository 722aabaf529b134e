import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { envSchema } from '../../bot/config';
import { fromRoot } from '../../common/paths';

/** Every setting the code reads is documented for the people who deploy it, and nothing else is. */
describe('settings documentation', () => {
  const known = Object.keys(envSchema.shape).sort();

  it('.env.example lists exactly the settings the configuration schema reads', () => {
    const example = readFileSync(fromRoot('.env.example'), 'utf8');
    const listed = [...example.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!).sort();
    assert.deepEqual(listed, known);
  });

  it('every setting has a comment above it in .env.example', () => {
    const lines = readFileSync(fromRoot('.env.example'), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/^[A-Za-z_]\w*=/.test(line)) return;
      let j = i - 1;
      while (j >= 0 && /^[A-Za-z_]\w*=/.test(lines[j]!)) j--;
      assert.ok(lines[j]?.startsWith('#'), `${line} has no comment`);
    });
  });

  it('docs/settings.md mentions every setting', () => {
    const reference = readFileSync(fromRoot('docs', 'settings.md'), 'utf8');
    const missing = known.filter((name) => !reference.includes(`\`${name}\``));
    assert.deepEqual(missing, []);
  });
});
