import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NluDataError } from '../../intents/data-files';
import { loadShorthand } from '../../intents/text/shorthand';
import { normalizeChars } from '../../intents/text/normalize';
import { loadTestSet, loadTrainingSet, TASK_INTENTS_FOR_TESTS } from './support/sets';
import { fromRoot } from '../../common/paths';

describe('training and test data', () => {
  const train = loadTrainingSet();
  const test = loadTestSet();

  it('has enough varied training lines per task intent (≥ 40 en, ≥ 20 es) and out-of-scope lines', () => {
    for (const intent of TASK_INTENTS_FOR_TESTS) {
      assert.ok(train.filter((e) => e.locale === 'en' && e.intent === intent).length >= 40, `en ${intent}`);
      assert.ok(train.filter((e) => e.locale === 'es' && e.intent === intent).length >= 20, `es ${intent}`);
    }
    assert.ok(train.filter((e) => e.intent === 'none').length >= 200);
  });

  it('has a test set large enough to mean something', () => {
    for (const intent of TASK_INTENTS_FOR_TESTS) {
      assert.ok(test.filter((e) => e.locale === 'en' && e.intent === intent).length >= 25, `en ${intent}`);
      assert.ok(test.filter((e) => e.locale === 'es' && e.intent === intent).length >= 12, `es ${intent}`);
    }
    assert.ok(test.filter((e) => e.intent === 'emergency').length >= 100);
    for (const kind of ['medical', 'crisis', 'poison'] as const) {
      for (const locale of ['en', 'es'] as const) assert.ok(test.some((e) => e.kind === kind && e.locale === locale), `${kind} ${locale}`);
    }
    assert.ok(test.filter((e) => e.category.includes('lookalikes')).length >= 100);
  });

  it('keeps the out-of-scope holdout: at least 150 en and 75 es lines, all expected to be none', () => {
    const holdout = test.filter((e) => e.category === 'oos-holdout');
    assert.ok(holdout.filter((e) => e.locale === 'en').length >= 150);
    assert.ok(holdout.filter((e) => e.locale === 'es').length >= 75);
    assert.deepEqual(holdout.filter((e) => e.intent !== 'none').map((e) => e.source), []);
  });

  it('never trains on a test line (compared after normalization)', () => {
    const trained = new Set(train.map((e) => normalizeChars(e.text)));
    const leaked = test.filter((e) => trained.has(normalizeChars(e.text))).map((e) => e.text);
    assert.deepEqual(leaked, []);
  });

  it('keeps the CLINC150 lines out of the test set', () => {
    const clinc = fs
      .readFileSync(fromRoot('intents', 'data', 'train', 'en', 'none.txt'), 'utf8')
      .split('\n')
      .slice(0)
      .map((l) => normalizeChars(l));
    const clincSet = new Set(clinc);
    assert.equal(test.filter((e) => clincSet.has(normalizeChars(e.text))).length, 0);
  });

  it('a broken data file produces an error naming the file and the problem', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-data-'));
    try {
      const file = path.join(dir, 'shorthand.json');
      fs.writeFileSync(file, JSON.stringify({ common: { 'two words': 'x' }, en: {}, es: {} }));
      assert.throws(
        () => loadShorthand(file),
        (err: unknown) => err instanceof NluDataError && err.message.includes('shorthand.json') && /common\.two words/.test(err.message),
      );
      fs.mkdirSync(path.join(dir, 'en'));
      fs.mkdirSync(path.join(dir, 'es'));
      fs.writeFileSync(path.join(dir, 'en', 'refills.txt'), 'refill\n');
      assert.throws(() => loadTrainingSet(dir), /refills\.txt: file name is not a model intent/);
      fs.rmSync(path.join(dir, 'en', 'refills.txt'));
      fs.writeFileSync(path.join(dir, 'en', 'refill.txt'), 'a\tb\n');
      assert.throws(() => loadTrainingSet(dir), /refill\.txt: line 1: contains a control character/);
      fs.writeFileSync(path.join(dir, 'en', 'refill.txt'), 'refill my meds\n');
      fs.writeFileSync(path.join(dir, 'en', 'refils.intent-only.txt'), 'refill my inhaler\n');
      assert.throws(() => loadTrainingSet(dir), /refils\.intent-only\.txt: file name is not a model intent/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
