import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../common/paths';
import { LOCALES } from '../../intents/types';
import { OptionMatcher } from '../../dialogs/common/options';
import { PhraseBook, PhraseBookError } from '../../dialogs/phrases';
import { QUESTIONS, type QuestionKey } from '../../dialogs/questions';
import { TOPIC_TABLES } from '../../dialogs/topics/tables';
import { loadPortalProfile, portalProfileSchema } from '../../services/portal/profile';
import { catalog } from './support';

describe('dialog data', () => {
  const phrases = PhraseBook.load();
  const options = new OptionMatcher(catalog, phrases);

  it('every option of every question has a title in every language', () => {
    for (const [question, ids] of Object.entries(QUESTIONS)) {
      for (const id of ids) for (const locale of LOCALES) assert.ok(options.title(question as QuestionKey, id, locale), `${question}.${id}`);
    }
  });

  it('every synonym belongs to a known option', () => {
    const raw = JSON.parse(readFileSync(fromRoot('dialogs', 'data', 'phrases.json'), 'utf8')) as { options: Record<string, unknown> };
    for (const key of Object.keys(raw.options)) {
      const [question, id] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
      assert.ok((QUESTIONS as Record<string, readonly string[]>)[question]?.includes(id), `unknown option ${key}`);
    }
  });

  it('every topic answer has its text, and every portal page a title', () => {
    for (const table of TOPIC_TABLES) {
      for (const id of QUESTIONS[table.question]) {
        assert.ok((table.answers as Record<string, unknown>)[id], `${table.intent}: no answer for ${id}`);
        assert.ok(catalog.has(`${table.intent}.answer.${id}`), `${table.intent}.answer.${id}`);
      }
      assert.ok(catalog.has(`${table.intent}.ask.topic`));
    }
    const links = portalProfileSchema.shape.links.shape;
    for (const [group, schema] of Object.entries(links)) {
      const names = 'shape' in schema ? Object.keys((schema as { shape: object }).shape).map((n) => `${group}.${n}`) : [group];
      for (const name of names) assert.ok(catalog.has(`links.${name}`), `links.${name}`);
    }
  });

  it('matches typed answers by title, synonym or a phrase inside a sentence, in either language', () => {
    assert.equal(options.match('Video', 'appointment.mode'), 'video');
    assert.equal(options.match('por teléfono', 'appointment.mode'), 'phone');
    assert.equal(options.match('I would like it to be a video call please', 'appointment.mode'), 'video');
    assert.equal(options.match('video or phone', 'appointment.mode'), null, 'two options: not sure');
    assert.equal(options.match('no thanks', 'followUp', 'exact'), 'no');
    assert.equal(options.match('no I need my bill', 'followUp', 'exact'), null);
    assert.equal(options.prefill('can you help me', 'appointment.patient'), null, 'short words do not pre-fill');
    assert.equal(options.prefill('I need to see a specialist for my daughter', 'appointment.patient'), 'family');
  });

  it('interruption phrases in both languages', () => {
    assert.equal(phrases.interruption('Never mind!'), 'cancel');
    assert.equal(phrases.interruption('Olvídalo'), 'cancel');
    assert.equal(phrases.interruption('talk to a person'), 'agent');
    assert.equal(phrases.interruption('empezar de nuevo'), 'startOver');
    assert.equal(phrases.interruption('never mind the bill, what about my refill'), null);
  });

  describe('a broken phrase file stops start-up with a clear message', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'phrases-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('names the problem', () => {
      const file = path.join(dir, 'phrases.json');
      const original = JSON.parse(readFileSync(fromRoot('dialogs', 'data', 'phrases.json'), 'utf8'));
      writeFileSync(file, JSON.stringify({ ...original, interruptions: { ...original.interruptions, agent: { en: ['agent'] } } }));
      assert.throws(() => PhraseBook.load(file), (err: Error) => err instanceof PhraseBookError && /interruptions\.agent\.es/.test(err.message));
      writeFileSync(file, '{');
      assert.throws(() => PhraseBook.load(file), /could not be read/);
    });
  });

  it('the sample second region loads, with its own pages, numbers and Rx format', () => {
    const northwest = loadPortalProfile('northwest');
    assert.equal(northwest.link('pharmacy.refill', { rx: '12345678' }), 'https://nw.member.evergreen-health.example/secure/pharmacy/refills?prescription=12345678');
    assert.equal(northwest.phone('billing', 'es').hours, 'de lunes a viernes, de 7 a. m. a 5 p. m., hora del Pacífico');
    assert.deepEqual(northwest.rxNumber, { minDigits: 8, maxDigits: 10 });
  });
});
