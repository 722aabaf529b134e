import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';
import { MedicinePurposes } from '../../dialogs/common/medicinePurposes';

/**
 * Inside a refill conversation, a medicine described by what it is for ("the one for my thyroid",
 * "la del azúcar") is one of the member's own prescriptions, never a symptom (newcomer run v4:
 * TD13). A complaint about the same thing is still the safety triage's. Sentences differ from the run's.
 */
describe('a medicine described by what it is for, in a refill conversation', function () {
  this.timeout(60_000);

  const teams = (locale: 'en' | 'es') => realChat('msteams', { locale, from: { id: '29:alex', aadObjectId: ALEX.teams } });
  const NURSE = /nurse|enfermer/i;

  for (const [locale, opening, said, expected] of [
    ['en', 'I need to get a refill', 'the one for my diabetes', /Metformin 500 mg tablet \(Rx 1000103\) is waiting/],
    ['es', 'necesito resurtir mi medicina', 'la del azucar', /Metformin 500 mg tableta \(Rx 1000103\) está esperando/],
  ] as const) {
    it(`Teams (${locale}): "${said}" when asked to confirm another refill`, async () => {
      const chat = await teams(locale);
      assert.match(textOf(await chat.say(opening)), /Levothyroxine/);
      const text = textOf(await chat.say(said));
      assert.match(text, expected, text);
      assert.doesNotMatch(text, NURSE, text);
    });
  }

  for (const [locale, said, both] of [
    ['en', 'what about my hypertension medicine?', [/Lisinopril 10 mg tablet/, /Amlodipine 5 mg tablet/]],
    ['es', '¿y la pastilla de la tension?', [/Lisinopril 10 mg tableta/, /Amlodipine 5 mg tableta/]],
  ] as const) {
    it(`Teams (${locale}): "${said}" right after the statuses`, async () => {
      const chat = await teams(locale);
      await chat.say(locale === 'en' ? 'where are my prescriptions at' : '¿dónde están mis recetas?');
      const text = textOf(await chat.say(said));
      for (const name of both) assert.match(text, name, text);
      assert.doesNotMatch(text, /Atorvastatin|Metformin/, text);
      assert.doesNotMatch(text, NURSE, text);
    });
  }

  it('Teams (en): a complaint inside a refill is still a symptom, the description of a medicine is not', async () => {
    const complaint = await teams('en');
    await complaint.say('I need to get a refill');
    assert.match(textOf(await complaint.say('my blood pressure is really high today')), NURSE);
    const description = await teams('en');
    await description.say('I need to get a refill');
    const text = textOf(await description.say('the thyroid one'));
    assert.doesNotMatch(text, NURSE, text);
    assert.match(text, /Levothyroxine 75 mcg tablet/, text);
  });

  it('describes() holds only a description', () => {
    const purposes = MedicinePurposes.load();
    for (const text of ['the cholesterol one', 'la de la presión', 'and my thyroid pill?', '¿y la del azúcar?']) assert.ok(purposes.describes(text), text);
    for (const text of ['my blood pressure is high', 'me duele el estómago', 'my sugar is low and I feel dizzy', 'refill please']) assert.ok(!purposes.describes(text), text);
  });
});
