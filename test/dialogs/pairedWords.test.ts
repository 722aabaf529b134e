import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LabPrepWords, LabPrepWordsError } from '../../dialogs/labPrep';
import { NurseInChatWords } from '../../dialogs/nurseInChat';

describe('word files read as "one list alone, or two lists together" (dialogs/common/pairedWords.ts)', () => {
  it('the shipped lab-preparation and nurse-in-chat words read both languages', () => {
    const lab = LabPrepWords.load();
    assert.equal(lab.asks('do i need to fast for the lab thing'), true);
    assert.equal(lab.asks('tengo que ir en ayunas para los laboratorios?'), true);
    assert.equal(lab.asks('where is the lab'), false);
    const nurse = NurseInChatWords.load();
    assert.equal(nurse.asks('puedo hablar con una nurse aqui en el chat?'), true);
    assert.equal(nurse.asks('i have no minutes left on my phone'), true);
    assert.equal(nurse.asks(''), false);
  });

  it('a file without one of its lists stops start-up, naming the file and the list', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paired-'));
    try {
      const file = path.join(dir, 'lab-prep.json');
      fs.writeFileSync(file, JSON.stringify({ en: { alone: ['x'], prep: ['fast'] }, es: { alone: ['x'], prep: ['ayunas'], lab: ['laboratorio'] } }));
      assert.throws(() => LabPrepWords.load(file), (err: Error) => err instanceof LabPrepWordsError && err.message.includes(file) && /lab/.test(err.message));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
