import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MODEL_INTENTS, RELABEL_FILE, loadTrainingSet } from '../../intents/training-data';
import { loadTriageCorpus } from '../../intents/triage/corpus';
import { loadConcepts } from '../../intents/triage/concepts';
import { computeDataHash } from '../../intents/local/model';

/** A training folder with one line per model intent in each locale, plus the given files. */
function folder(extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-relabel-'));
  for (const locale of ['en', 'es']) {
    fs.mkdirSync(path.join(dir, locale));
    for (const intent of MODEL_INTENTS) fs.writeFileSync(path.join(dir, locale, `${intent}.txt`), `${intent} line ${locale}\n`);
  }
  for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('relabel.tsv: a label changed after the line was written', () => {
  it('the intent model reads the line with the new label, from its own file', () => {
    const dir = folder({ [path.join('en', 'password_reset.txt')]: 'forgot my password\nthe site is down\n', [path.join('en', RELABEL_FILE)]: '# why\ncontact\tthe site is down\n' });
    try {
      const lines = loadTrainingSet(dir);
      const down = lines.find((e) => e.text === 'the site is down');
      assert.equal(down?.intent, 'contact');
      assert.match(down!.source, /password_reset\.txt:2$/);
      assert.equal(lines.find((e) => e.text === 'forgot my password')?.intent, 'password_reset');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a row that matches no training line, or names no model intent, is an error naming the file', () => {
    const stale = folder({ [path.join('es', RELABEL_FILE)]: 'contact\tla pagina esta caida\n' });
    const unknown = folder({ [path.join('en', RELABEL_FILE)]: 'website\trefill line en\n' });
    try {
      assert.throws(() => loadTrainingSet(stale), /relabel\.tsv: no training line reads "la pagina esta caida"/);
      assert.throws(() => loadTrainingSet(unknown), /relabel\.tsv: line 1: unknown label "website"/);
    } finally {
      fs.rmSync(stale, { recursive: true, force: true });
      fs.rmSync(unknown, { recursive: true, force: true });
    }
  });

  it('the shipped relabels keep the safety triage corpus as it was: every moved line is still `other`, in its own file', () => {
    const moved = loadTrainingSet().filter((e) => e.intent === 'contact' && /password_reset\.txt:\d+$/.test(e.source));
    assert.ok(moved.length >= 100, `${moved.length} site-error lines relabelled`);
    const corpus = loadTriageCorpus(loadConcepts());
    const bySource = new Map(corpus.map((ex) => [ex.source, ex]));
    for (const line of moved) assert.equal(bySource.get(line.source)?.label, 'other', line.source);
  });
});

describe('relabel.tsv and the saved intent model', () => {
  it('a change to relabel.tsv makes the saved model stale (its data hash changes)', () => {
    const dir = folder({ [path.join('en', 'password_reset.txt')]: 'the site is down\n' });
    try {
      const before = computeDataHash(dir);
      fs.writeFileSync(path.join(dir, 'en', RELABEL_FILE), 'contact\tthe site is down\n');
      assert.notEqual(computeDataHash(dir), before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
