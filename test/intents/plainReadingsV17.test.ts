import assert from 'node:assert/strict';
import { buildSafetyTriage, type SafetyTriage } from '../../intents/triage/safetyTriage';
import type { TriageResult } from '../../intents/types';
import { sharedDetector } from './support/fixtures';

let shared: SafetyTriage | undefined;
const triage = (text: string): TriageResult => (shared ??= buildSafetyTriage(sharedDetector()).triage).triage(text);

/**
 * Plain words inside a portal task that the triage model read as abuse (development set v17):
 * Spanish "toca" as a turn or a due date ("cuando me toca la cita"), and a pharmacy that "told me
 * they did not have" the prescription. Disclosures keep their answer.
 */
describe('Safety triage: a portal task in plain words is not an abuse disclosure', () => {
  for (const text of [
    'cuando me toca la proxima consulta con la doctora?',
    'a mi esposo le toca su chequeo el lunes, lo puedo agendar yo?',
    'que dia le toca la vacuna a mi hijo',
    'la farmacia me dijo que no tienen mi receta, por que?',
    'me dijeron en la farmacia que no habia surtido, que hago',
  ]) {
    it(`no abuse answer, no abuse doubt, no signal from "toca": ${text}`, () => {
      const r = triage(text);
      assert.notEqual(r.match?.intent, 'abuse', JSON.stringify(r));
      assert.equal(r.safety?.abuseKind, undefined, JSON.stringify(r));
      if (/toca/.test(text)) assert.notEqual(r.safety?.rule, 'concept:violence', JSON.stringify(r));
    });
  }
  for (const text of [
    'mi padrastro me toca y me dijo que no le diga a nadie',
    'mi esposo me pega y no me deja ir a mi cita',
    'my boyfriend hits me when I ask about the bill',
  ]) {
    it(`still an abuse disclosure: ${text}`, () => assert.equal(triage(text).match?.intent, 'abuse', JSON.stringify(triage(text))));
  }
});

describe('Safety triage: a person asked for on behalf of a relative is the hand-off, not abuse', () => {
  for (const text of [
    'my grandma is 85 and cant do chatbots, can you connect her to a real person',
    'my father keeps getting confused by this bot, can a person take over',
    'mi abuelita no sabe usar el chat, la puede comunicar con una persona?',
  ]) {
    it(`no abuse answer or doubt: ${text}`, () => {
      const r = triage(text);
      assert.notEqual(r.match?.intent, 'abuse', JSON.stringify(r));
      assert.equal(r.safety?.abuseKind, undefined, JSON.stringify(r));
    });
  }
  it('a disclosure that also asks for a person keeps its answer', () => {
    assert.equal(triage('my husband hits me, I need to talk to a person').match?.intent, 'abuse');
    assert.equal(triage('mi hijo me pega y me quita el dinero, quiero hablar con una persona').match?.intent, 'abuse');
  });
});

describe('Safety triage: a part of the day that suits better is a booking answer, not a crisis', () => {
  for (const text of ['actually morning would be better', 'afternoons work better for me', 'tomorrow would be best thanks', 'en la tarde me queda mejor', 'mejor por la mañana sería mejor']) {
    it(`nothing: ${text}`, () => {
      const r = triage(text);
      assert.equal(r.match, null, JSON.stringify(r));
      assert.equal(r.safety, null, JSON.stringify(r));
    });
  }
  for (const text of ['tomorrow would be better if i wasnt here', 'if i died tomorrow i honestly wouldnt mind', 'mañana sería mejor no despertar']) {
    it(`still a crisis: ${text}`, () => assert.equal(triage(text).match?.kind, 'crisis', JSON.stringify(triage(text))));
  }
});
