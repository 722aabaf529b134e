import assert from 'node:assert/strict';
import { buildSafetyTriage } from '../../intents/triage/safetyTriage';
import { sharedDetector } from '../intents/support/fixtures';

/**
 * "y la del centro?" (which clinic: the downtown one), said after the clinic-hours answer, got the
 * elder-abuse answer: the model gave the elder label 96% with no concept at all in the message (the
 * hours12 fixer saw it). With no concept, the model's abuse is a doubt (the safety net), never a
 * disclosure; and the net names no abuse hotline, since nothing in the words points at abuse ("y la
 * cetirizina tambien", a follow-up in a refill, got the domestic-violence line: newcomer run v13,
 * YW11). A disclosure in any words the concepts know stays one.
 */
describe('the model alone, with no concept, never answers a disclosure (intents/triage/safetyTriage.ts)', function () {
  this.timeout(240_000);
  const triage = buildSafetyTriage(sharedDetector()).triage;

  it('"y la del centro?": the safety net, not the elder-abuse answer', () => {
    const r = triage.triage('y la del centro?');
    assert.equal(r.match, null);
    assert.equal(r.safety?.level, 'unsure');
    assert.equal(r.safety?.abuseKind, undefined);
  });

  it('a follow-up with no concept never gets an abuse hotline in its safety line', () => {
    for (const words of ['y la del centro?', 'y la cetirizina tambien', 'and the other ones?']) {
      assert.equal(triage.triage(words).safety?.abuseKind, undefined, words);
    }
  });

  it('disclosures with a concept stay disclosures', () => {
    for (const words of ['le dije que parara y no paro', 'my husband hits me', 'la cuidadora encierra a mi abuelita en su cuarto']) {
      assert.equal(triage.triage(words).match?.intent, 'abuse', words);
    }
  });
});
