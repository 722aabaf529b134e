import assert from 'node:assert/strict';
import { itIsEmergency, itIsNoEmergency, understandingForTests } from './support/classifies';

/**
 * Newcomer run v22 and development set v21: a portal errand done oneself ("do it myself"), pills
 * run out with nothing else said, and a message whose whole reads as care or a symptom while one
 * sentence alone reads as an emergency. The same words with a wish to die, a plan or nothing but
 * the sentence stay emergencies.
 */
describe('classify: an errand done oneself, pills run out, and a whole message that is care', function () {
  this.timeout(60_000);
  const u = understandingForTests();

  itIsNoEmergency(u, ['so i have to do it on the portal myself?', 'entonces lo tengo que hacer yo misma en la pagina?']);
  itIsEmergency(u, ['i have to do it myself tonight, nobody can stop me'], 'crisis');

  for (const text of ['ok. but i still need my pills, i have none left', 'ya no tengo pastillas de la presion, como las pido']) {
    it(`pills run out are a refill, not mental health or a crisis: ${text}`, async () => {
      const r = await u().understand(text);
      assert.ok(!['emergency', 'mental_health'].includes(r.intent), `${r.intent}:${r.kind} for ${text}`);
    });
  }
  itIsEmergency(u, ['i have no meds left and honestly i dont want to live'], 'crisis');

  for (const [text, intent] of [
    ['how do I get my daughter into rehab? she is 19 and using fentanyl. she says she is ready this time', 'mental_health'],
    ['can you set me up with a counselor for drinking? I want to cut back on vodka', 'mental_health'],
  ] as const) {
    it(`the whole message decides, not one sentence: ${text}`, async () => {
      const r = await u().understand(text);
      assert.equal(r.intent, intent, `${r.intent}:${r.kind} for ${text}`);
    });
  }
  itIsEmergency(u, ["I'm on the roof of the parking garage. I'm done"], 'crisis');
});
