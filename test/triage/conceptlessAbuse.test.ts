import assert from 'node:assert/strict';
import { buildSafetyTriage } from '../../intents/triage/safetyTriage';
import { sharedDetector } from '../intents/support/fixtures';

/**
 * "y la del centro?" (which clinic: the downtown one), said after the clinic-hours answer, got the
 * elder-abuse answer: the model gave the elder label 96% with no concept at all in the message (the
 * hours12 fixer saw it). With no concept, the model's abuse is a doubt (the safety net, with that
 * hotline), never a disclosure; a disclosure in any words the concepts know stays one.
 */
describe('the model alone, with no concept, never answers a disclosure (intents/triage/safetyTriage.ts)', function () {
  this.timeout(240_000);
  const triage = buildSafetyTriage(sharedDetector()).triage;

  it('"y la del centro?": the safety net, not the elder-abuse answer', () => {
    const r = triage.triage('y la del centro?');
    assert.equal(r.match, null);
    assert.equal(r.safety?.level, 'unsure');
    assert.equal(r.safety?.abuseKind, 'elder');
  });

  it('disclosures with a concept stay disclosures', () => {
    for (const words of ['le dije que parara y no paro', 'my husband hits me', 'la cuidadora encierra a mi abuelita en su cuarto']) {
      assert.equal(triage.triage(words).match?.intent, 'abuse', words);
    }
  });
});
