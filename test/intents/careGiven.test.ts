import assert from 'node:assert/strict';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { createUnderstanding } from '../../intents';
import type { Understanding } from '../../intents/types';

/**
 * A usual fever or pain medicine a parent gave as care is no overdose and no crisis (newcomer run
 * v20, X02: "ya le di tylenol y ya reacciona mejor" got 911, Poison Control and 988), while an
 * amount, a second dose or a sign that goes with it is still the emergency.
 */
describe('classify: a fever medicine given as care is not an emergency, a dose too many still is', function () {
  this.timeout(60_000);
  let u: Understanding;
  before(async () => {
    u = await createUnderstanding(loadConfig({ NODE_ENV: 'test' }).nlu, { logger: silentLogger() });
  });
  const plain = [
    'ya le di tylenol y ya reacciona mejor. entonces la cita del jueves como queda?',
    'que? no, le di tylenol a mi hija pa la fiebre. solo quiero saber de la cita del jueves',
    'I already gave him motrin for his fever and he perked up, is the appointment still on friday',
    // a temperature or an age is no amount of medicine
    'who can see my 4 year old tonight? fever of 102 and i already gave him tylenol an hour ago',
  ];
  for (const text of plain) {
    it(`not an emergency: ${text}`, async () => {
      const r = await u.understand(text);
      assert.notEqual(r.intent, 'emergency', `${r.intent}:${r.kind} for ${text}`);
    });
  }
  const emergencies: Array<[string, string]> = [
    ['le di tylenol dos veces sin querer', 'poison'],
    ['i gave her tylenol again by mistake, 2 doses an hour apart', 'poison'],
    ['i gave him tylenol and now he wont wake up', 'medical'],
    ['le di tylenol 3 veces hoy', 'poison'],
  ];
  for (const [text, kind] of emergencies) {
    it(`${kind}: ${text}`, async () => {
      const r = await u.understand(text);
      assert.equal(`${r.intent}:${r.kind}`, `emergency:${kind}`);
    });
  }
});
