import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../common/paths';
import { FollowUpReader, FollowUpReadingError, readFollowUp } from '../../pipeline/followUpReading';

/**
 * The words of the follow-up reading after an urgent answer are data
 * (pipeline/data/follow-up-reading.json): each reading is found in both languages from the shipped
 * file, and a broken file stops the start with a message that names the file and the place.
 */
describe('the follow-up reading words are data (pipeline/data/follow-up-reading.json)', () => {
  const shipped = fromRoot('pipeline', 'data', 'follow-up-reading.json');

  it('reads every kind of follow-up in English and Spanish from the shipped file', () => {
    const cases: Array<[string, ReturnType<typeof readFollowUp>]> = [
      ['ok calling them now', 'called'],
      ['ya llamé, vienen en camino', 'called'],
      ["i don't want to go to the ER, can i just get an appt", 'refusal'],
      ['no quiero ir a emergencias', 'refusal'],
      ["please don't tell my husband", 'privacy'],
      ['no quiero que llamen a la policia', 'police'],
      ['he knows my password to the portal', 'account'],
      ['el puede ver mis cosas del seguro?', 'account'],
      ['ok thanks bye', 'goodbye'],
      ['tengo las pastillas guardadas', 'means'],
      ['she says she is fine now', 'reassured'],
      ["i'm at my sister's now", 'safe'],
      ['idk', 'ack'],
      ['what time does the pharmacy open', null],
    ];
    for (const [text, reading] of cases) assert.equal(readFollowUp(text), reading, text);
  });

  function withChange(change: (data: { macros: Record<string, string>; patterns: Record<string, string[]> }) => void): string {
    const data = JSON.parse(readFileSync(shipped, 'utf8'));
    change(data);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'follow-up-reading-')), 'follow-up-reading.json');
    writeFileSync(file, JSON.stringify(data));
    return file;
  }

  it('a broken expression, an unknown macro or a missing list is refused with the file and the place named', () => {
    assert.throws(() => FollowUpReader.load(withChange((d) => (d.patterns.called![0] = '(unclosed'))), (err: unknown) => err instanceof FollowUpReadingError && /patterns\.called\.0 is not a valid expression/.test((err as Error).message));
    assert.throws(() => FollowUpReader.load(withChange((d) => (d.patterns.means![0] = '\\b{NO_SUCH}\\b'))), /patterns\.means\.0 uses an unknown macro \{NO_SUCH\}/);
    assert.throws(() => FollowUpReader.load(withChange((d) => delete d.patterns.refusal)), /follow-up-reading\.json is invalid: patterns\.refusal/);
    assert.throws(() => FollowUpReader.load(path.join(tmpdir(), 'no-such-follow-up-reading.json')), /could not be read/);
  });

  it('a changed file changes the reading (the words are read from the data, not from code)', () => {
    const reader = FollowUpReader.load(withChange((d) => d.patterns.ack!.push('^(roger that)$')));
    assert.equal(reader.read('roger that'), 'ack');
    assert.equal(readFollowUp('roger that'), null);
  });
});
