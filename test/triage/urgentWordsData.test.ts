import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../common/paths';
import { UrgentWords, UrgentWordsError } from '../../pipeline/urgentWords';

/**
 * The signs and words the follow-up after an urgent answer reads are data
 * (pipeline/data/urgent-follow-up.json): every concept named is a triage concept, the shipped file
 * reads as the code did, and a broken file stops the start with a message that names the file.
 */
describe('the urgent follow-up signs and words are data (pipeline/data/urgent-follow-up.json)', () => {
  const shipped = fromRoot('pipeline', 'data', 'urgent-follow-up.json');
  const words = UrgentWords.load();

  it('names only concepts the triage has', () => {
    const known = new Set(Object.keys((JSON.parse(readFileSync(fromRoot('intents', 'data', 'triage', 'concepts.json'), 'utf8')) as { concepts: Record<string, unknown> }).concepts));
    const data = JSON.parse(readFileSync(shipped, 'utf8')) as Record<string, unknown>;
    for (const list of ['newSigns', 'namedByCall', 'abuseSigns', 'crisisSigns', 'deniableSigns', 'worseAfterPoison']) {
      for (const concept of data[list] as string[]) assert.ok(known.has(concept), `${list}: ${concept}`);
    }
    assert.ok(known.has('negation'));
  });

  it('reads cancels, new signs, denials and a worse poisoning in English and Spanish', () => {
    assert.ok(words.cancels('ambulance came. can u cancel the appt'));
    assert.ok(words.cancels('quiero cambiar la cita'));
    assert.ok(!words.cancels('y la cita?'));
    assert.ok(words.newSign(['pain']) && !words.newSign(['fear']));
    assert.ok(!words.newSignAfterCall(['ingest', 'substance']) && words.newSignAfterCall(['breathing']));
    assert.ok(words.safeForNow(['negation', 'injury']) && !words.safeForNow(['injury']) && !words.safeForNow(['negation', 'death_wish']));
    assert.ok(words.abuseSign(['violence']) && !words.abuseSign(['pain']));
    assert.ok(words.drowsyAfterPoison({ intent: 'emergency', kind: 'poison' }, ['drowsy']));
    assert.ok(!words.drowsyAfterPoison({ intent: 'emergency', kind: 'medical' }, ['drowsy']));
    assert.ok(words.stillAboutIt('full') && !words.stillAboutIt('goodbye'));
  });

  function withChange(change: (data: Record<string, unknown[]>) => void): string {
    const data = JSON.parse(readFileSync(shipped, 'utf8'));
    change(data);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'urgent-follow-up-')), 'urgent-follow-up.json');
    writeFileSync(file, JSON.stringify(data));
    return file;
  }

  it('a broken expression, an unknown follow-up or a call-named sign that is no new sign is refused with the file named', () => {
    assert.throws(() => UrgentWords.load(withChange((d) => (d.cancels![0] = '(unclosed'))), (err: unknown) => err instanceof UrgentWordsError && /urgent-follow-up\.json is invalid: cancels\.0/.test((err as Error).message));
    assert.throws(() => UrgentWords.load(withChange((d) => d.stillAboutIt!.push('nope'))), /urgent-follow-up\.json is invalid: stillAboutIt/);
    assert.throws(() => UrgentWords.load(withChange((d) => (d.namedByCall = ['fear']))), /namedByCall names concepts that are not newSigns: fear/);
    assert.throws(() => UrgentWords.load(path.join(tmpdir(), 'no-such-urgent-follow-up.json')), /could not be read/);
  });
});
