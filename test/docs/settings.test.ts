import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { envSchema, loadConfig } from '../../bot/config';
import { fromRoot } from '../../common/paths';
import { renderSettingsReference, schemaDefault, SETTINGS_SECTIONS, settingRows } from '../../scripts/settings-reference';

/**
 * Every setting the code reads is documented for the people who deploy it, and nothing else is:
 * docs/settings.md is generated from the schema, and .env.example (written by hand, with
 * comments) names the same settings with the same secrets and defaults.
 */
describe('settings documentation', () => {
  const known = Object.keys(envSchema.shape).sort();
  const example = readFileSync(fromRoot('.env.example'), 'utf8');
  const rows = settingRows();

  /** The comment lines that document each setting in .env.example (settings under one comment share it). */
  function exampleComments(): Map<string, string[]> {
    const lines = example.split('\n');
    const comments = new Map<string, string[]>();
    lines.forEach((line, i) => {
      const name = /^([A-Za-z_]\w*)=/.exec(line)?.[1];
      if (!name) return;
      let j = i - 1;
      while (j >= 0 && /^[A-Za-z_]\w*=/.test(lines[j]!)) j--;
      const block: string[] = [];
      while (j >= 0 && lines[j]!.startsWith('#')) block.unshift(lines[j--]!);
      comments.set(name, block);
    });
    return comments;
  }

  it('docs/settings.md is what `npm run docs:settings` writes from the schema', () => {
    const page = readFileSync(fromRoot('docs', 'settings.md'), 'utf8');
    assert.ok(page === renderSettingsReference(), 'docs/settings.md is stale: run npm run docs:settings and commit it');
  });

  it('documents every setting of the schema once, with a description', () => {
    assert.deepEqual(rows.map((r) => r.name).sort(), known);
    for (const row of rows) assert.ok(row.description.length > 10, `${row.name} has no real description`);
  });

  it('a configuration error never echoes the value of a setting marked secret, and echoes the others', () => {
    const secrets = rows.filter((r) => r.secret).map((r) => r.name);
    assert.ok(secrets.length >= 12, `only ${secrets.join(', ')}`);
    const checked: string[] = [];
    for (const name of known) {
      for (const value of ['not-a-valid-value-\u0000', 'x\u0000']) {
        let message = '';
        try {
          loadConfig({ [name]: value, ...(name === 'NODE_ENV' ? {} : { NODE_ENV: 'test' }) }, '/tmp');
        } catch (err) {
          message = (err as Error).message;
        }
        if (!new RegExp(`(?:: |; )${name} `).test(message)) continue; // a value this setting accepts
        assert.equal(message.includes(value), !secrets.includes(name), `${name}: ${message}`);
        checked.push(name);
      }
    }
    assert.ok(secrets.filter((name) => checked.includes(name)).length >= 4, `secrets checked: ${checked.filter((n) => secrets.includes(n)).join(', ')}`);
  });

  it('.env.example lists exactly the settings the configuration schema reads', () => {
    const listed = [...example.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!).sort();
    assert.deepEqual(listed, known);
  });

  it('every setting has a comment above it in .env.example', () => {
    for (const [name, block] of exampleComments()) assert.ok(block.length > 0, `${name} has no comment`);
  });

  it('.env.example marks SECRET exactly the settings the schema documents as secrets', () => {
    const comments = exampleComments();
    const marked = rows.filter((r) => (comments.get(r.name) ?? []).some((line) => /^# SECRET\b/.test(line))).map((r) => r.name);
    assert.deepEqual(marked, rows.filter((r) => r.secret).map((r) => r.name));
  });

  it(".env.example gives each setting's schema default", () => {
    const comments = exampleComments();
    const wrong = Object.entries(envSchema.shape).flatMap(([name, schema]) => {
      const fallback = schemaDefault(schema as z.ZodType);
      if (fallback === undefined) return [];
      const text = (comments.get(name) ?? []).join(' ');
      return /Defaults?:/.test(text) && text.includes(String(fallback)) ? [] : [`${name} (default ${String(fallback)})`];
    });
    assert.deepEqual(wrong, []);
  });

  describe('the generator', () => {
    const shape = { DOCUMENTED: z.string().default('x').meta({ description: 'A documented setting.' }) };

    it('refuses a setting without a description, naming it', () => {
      const bare = { ...shape, BARE: z.string().optional() };
      assert.throws(() => renderSettingsReference([{ title: 'T', shape: bare }], { shape: bare }), /setting BARE needs \.meta/);
    });

    it('refuses a setting left out of every section', () => {
      assert.throws(() => renderSettingsReference([{ title: 'T', shape }], { shape: { ...shape, OTHER: z.string() } }), /in none OTHER/);
    });

    it('refuses a documented default that contradicts the schema', () => {
      const both = { BOTH: z.string().default('a').meta({ description: 'Two defaults.', defaultText: 'b' }) };
      assert.throws(() => renderSettingsReference([{ title: 'T', shape: both }], { shape: both }), /BOTH has a default in its schema/);
    });

    it('shows the schema default, the documented one or "empty", and marks secrets', () => {
      const mixed = {
        ...shape,
        WORDS: z.string().optional().meta({ description: 'Default in words.', defaultText: 'from elsewhere' }),
        KEY: z.string().optional().meta({ description: 'A key | with a bar.', secret: true }),
      };
      const page = renderSettingsReference([{ title: 'T', shape: mixed }], { shape: mixed });
      assert.match(page, /^\| `DOCUMENTED` \| `x` \| no \| A documented setting\. \|$/m);
      assert.match(page, /^\| `WORDS` \| from elsewhere \| no \| Default in words\. \|$/m);
      assert.match(page, /^\| `KEY` \| empty \| \*\*yes\*\* \| A key \\\| with a bar\. \|$/m);
    });
  });

  it('has a section for every part of the schema', () => {
    assert.equal(SETTINGS_SECTIONS.reduce((n, s) => n + Object.keys(s.shape).length, 0), known.length);
  });
});
