import assert from 'node:assert/strict';
import { partnerDisclosure, sexualDisclosure } from '../../intents/triage/disclosureWords';
import { understandingForTests } from './support/classifies';

/**
 * Sexual violence said as done to the writer gets the sexual-assault answer even when therapy,
 * nightmares or anxiety are named beside it and the model leans to mental health (development set
 * v22); a bill, a story or another person's case is not read from the words.
 */
describe('classify: a first-person disclosure of sexual violence is abuse (sexual)', function () {
  this.timeout(60_000);
  const u = understandingForTests();
  for (const text of [
    'fui violada hace años y tengo pesadillas, necesito un psicologo',
    'me manoseaba mi tio de chiquita y ahora tengo ansiedad, quiero ayuda',
    'a coworker groped me at the holiday party and now i have panic attacks going to work',
  ]) {
    it(`abuse:sexual: ${text}`, async () => {
      const r = await u().understand(text);
      assert.equal(`${r.intent}:${r.kind}`, 'abuse:sexual', `${r.intent}:${r.kind} for ${text}`);
    });
  }
  for (const text of [
    'the hospital billed me for the exam after i was raped, is that allowed',
    'in my novel the main character was molested as a child, is that too dark',
    'my sister was raped last year and i want to help her find a counselor',
  ]) {
    it(`not a disclosure read from the words: ${text}`, () => assert.equal(sexualDisclosure(text), false));
  }
  it('a cover story taken back names the partner (newcomer run v23, W12)', () => {
    assert.equal(partnerDisclosure('bueno la verdad no fue la puerta, fue mi esposo'), true);
    assert.equal(partnerDisclosure("i didn't fall down the stairs, it was my boyfriend"), true);
    assert.equal(partnerDisclosure("it wasn't the dog that chewed it, it was my son"), false);
    assert.equal(partnerDisclosure('no fue la puerta, fue el viento'), false);
  });
  it('the words of a disclosure are read in either language', () => {
    assert.equal(sexualDisclosure('I was raped'), true);
    assert.equal(sexualDisclosure('me violaron'), true);
  });
});
