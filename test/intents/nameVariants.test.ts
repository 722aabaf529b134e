import assert from 'node:assert/strict';
import { Gazetteer, loadGazetteer } from '../../intents/local/gazetteer';
import { medicineNameVariants } from '../../intents/local/nameVariants';
import type { TrainingExample } from '../../intents/training-data';

describe('training variants with another medicine name (intents/local/nameVariants.ts)', () => {
  const gazetteer = new Gazetteer({ medication: ['lisinopril', 'ozempic', 'metformin', 'fluticasone salmeterol', 'pills'] }, ['lisinopril', 'ozempic', 'metformin', 'fluticasone salmeterol']);
  const line = (text: string, source = 'intents/data/train/en/refill.txt:3'): TrainingExample => ({ text, intent: 'refill', locale: 'en', source });

  it('swaps one medicine name for another, keeping the rest of the line and its punctuation', () => {
    const [variant, ...rest] = medicineNameVariants([line('why is my Lisinopril, the 10 mg, pending?')], gazetteer, () => false);
    assert.equal(rest.length, 0);
    assert.match(variant!.text, /^why is my (ozempic|metformin), the 10 mg, pending\?$/);
    assert.equal(variant!.intent, 'refill');
    assert.match(variant!.source, /medicine name swapped/);
  });

  it('a medication word in general ("pills") is swapped for a name too', () => {
    const [variant] = medicineNameVariants([line('refill my pills')], gazetteer, () => false);
    assert.match(variant!.text, /^refill my (lisinopril|ozempic|metformin)$/);
  });

  it('leaves lines without a medicine name, and the sources it is told to skip, alone', () => {
    assert.deepEqual(medicineNameVariants([line('where is my order')], gazetteer, () => false), []);
    assert.deepEqual(medicineNameVariants([line('refill my metformin', 'public/banking.other.txt:1')], gazetteer, (s) => s.startsWith('public/')), []);
  });

  it('the real word classes include every brand and generic of medicine-names.json', () => {
    const entries = new Set(loadGazetteer().entriesOf('medication'));
    for (const name of ['lipitor', 'atorvastatin', 'glucophage', 'fluticasone salmeterol', 'auvi q']) assert.ok(entries.has(name), name);
  });
});
