import assert from 'node:assert/strict';
import { itIsEmergency, understandingForTests } from './support/classifies';

/**
 * A strong lexicon phrase inside a bill, a figure of speech or a joke the model is sure of
 * (intents/triage/framedRule.ts, development set v21): the task or the small talk, with the safety
 * line. A collapse or a swallowing happening now in the same message keeps its emergency.
 */
describe('Triage: a strong phrase inside a frame the model is sure of', function () {
  this.timeout(60_000);
  const understanding = understandingForTests();

  for (const text of ['the poison control hotline charged my insurance, is that normal?', 'ese partido de ayer casi me da un infarto jaja']) {
    it(`the safety line, no emergency answer: ${text}`, async () => {
      const r = await understanding().understand(text);
      assert.notEqual(r.intent, 'emergency', `${r.intent}:${r.kind} for ${text}`);
      assert.equal(r.safety?.level, 'signal', `safety ${JSON.stringify(r.safety)} for ${text}`);
      assert.match(r.safety?.rule ?? '', /^framed:/);
    });
  }

  itIsEmergency(understanding, ["quick question about my bill, my wife just collapsed and won't wake up"], 'medical');
  itIsEmergency(understanding, ['sorry about the billing thing, but my son swallowed a battery a few minutes ago'], 'poison');
});
