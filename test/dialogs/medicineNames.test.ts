import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MedicineNames, MedicineNamesError } from '../../dialogs/common/medicineNames';
import { named } from '../../dialogs/common/mentions';

describe('medicine names: brand and generic (intents/data/lexicon/medicine-names.json)', () => {
  const names = MedicineNames.load();
  const list = ['Atorvastatin 20 mg tablet', 'Lisinopril 10 mg tablet', 'Albuterol HFA inhaler', 'Advair Diskus 250/50'];
  const byName = (text: string) => named(text, list, (m) => names.names(m));

  it('a brand finds the generic, and a generic finds the brand', () => {
    assert.deepEqual(byName('refill my lipitor'), ['Atorvastatin 20 mg tablet']);
    assert.deepEqual(byName('is my ProAir ready'), ['Albuterol HFA inhaler']);
    assert.deepEqual(byName('my zestril'), ['Lisinopril 10 mg tablet']);
    assert.deepEqual(byName('fluticasone salmeterol refill'), ['Advair Diskus 250/50']);
  });

  it('a brand of a medicine the member does not take names nothing', () => {
    assert.deepEqual(byName('refill my zoloft'), []);
  });

  it('keeps the prescription\'s own name first and adds each other name once', () => {
    const all = names.names('Atorvastatin 20 mg tablet');
    assert.equal(all[0], 'Atorvastatin 20 mg tablet');
    assert.ok(all.includes('lipitor'));
    assert.equal(new Set(all).size, all.length);
    assert.deepEqual(names.names('Vitamin D 1000 IU'), ['Vitamin D 1000 IU']);
  });

  it('a broken file is refused with the file and the field named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medicines-'));
    try {
      const file = path.join(dir, 'm.json');
      fs.writeFileSync(file, JSON.stringify({ groups: [{ generic: 'atorvastatin', brands: [] }] }));
      assert.throws(() => MedicineNames.load(file), (err: Error) => err instanceof MedicineNamesError && err.message.includes(file) && err.message.includes('groups.0.brands'));
      fs.writeFileSync(file, '{');
      assert.throws(() => MedicineNames.load(file), /could not be read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
