import assert from 'node:assert/strict';
import { named, sameWord } from '../../dialogs/common/mentions';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { ALEX, assertNoPhi } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * The details members already gave (issue 15) are kept: a medicine, a clinician, a kind of visit
 * or a day named in the message is matched against the signed-in member's own prescriptions and
 * appointments, and the answer is about that one. Web Chat, real recognizer, sample member Alex.
 */
describe('the details members gave are kept (issue 15)', function () {
  this.timeout(60_000);

  it('"why is my metformin pending" answers the metformin line, not every prescription', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const replies = await chat.say('why is my metformin pending');
    const text = textOf(replies);
    assert.match(text, /Your Metformin 500 mg tablet \(Rx 1000103\) is waiting for your care team to approve the refill\./);
    assert.doesNotMatch(text, /Atorvastatin|Albuterol|Amlodipine/, 'only the one asked about');
    assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/message-center/new')));
  });

  it('"refill my albuterol" answers for albuterol: no refills left, and the renewal request is offered', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const replies = await chat.say('refill my albuterol');
    const text = textOf(replies);
    assert.match(text, /Your Albuterol HFA inhaler \(Rx 1000105\) has no refills left/);
    assert.match(text, /ask your care team to renew your Albuterol HFA inhaler/);
    assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/message-center/new')), 'the secure message to ask for the renewal');
    assert.doesNotMatch(text, /Levothyroxine/, 'not another prescription that could be refilled');
  });

  it('a refillable medicine named with a typo goes straight to its confirmation', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const replies = await chat.say('please refill my levothyroxin');
    assert.match(textOf(replies), /Refill Levothyroxine 75 mcg tablet \(Rx 1000106\) at Evergreen Pharmacy Downtown\?/);
    assert.deepEqual(choicesOf(replies), ['Yes', 'No']);
  });

  it('a brand name finds the generic on the member\'s list: "is my Synthroid ready" is the levothyroxine line', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const replies = await chat.say('refill my synthroid please');
    assert.match(textOf(replies), /Refill Levothyroxine 75 mcg tablet \(Rx 1000106\) at Evergreen Pharmacy Downtown\?/);
    assert.deepEqual(choicesOf(replies), ['Yes', 'No']);
  });

  it('"why is my Glucophage refill pending" (a brand) answers the metformin line', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const text = textOf(await chat.say('why is my glucophage refill pending'));
    assert.match(text, /Your Metformin 500 mg tablet \(Rx 1000103\) is waiting for your care team to approve the refill\./);
    assert.doesNotMatch(text, /Atorvastatin|Albuterol|Amlodipine/);
  });

  it('"cancel my lab appointment" goes straight to "Cancel the … visit on <its day>?"', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const replies = await chat.say('cancel my lab appointment');
    assert.match(textOf(replies), /^Cancel the in-person visit on Tue, Jun 17, 9:30 AM \(Lab tests\)\?/m);
    assert.deepEqual(choicesOf(replies), ['Yes', 'No']);
    assert.match(textOf(await chat.say('yes')), /the in-person visit on Tue, Jun 17, 9:30 AM is cancelled/);
  });

  it('a visit named that is not among the member\'s is said so, and theirs are offered', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const replies = await chat.say('cancel my phone visit');
    assert.match(textOf(replies), /couldn't find that one among your upcoming appointments/);
    assert.deepEqual(choicesOf(replies), ['Tue, Jun 10, 3:00 PM · Primary care follow-up', 'Tue, Jun 17, 9:30 AM · Lab tests', 'None of these']);
  });

  describe('not signed in yet: the detail is kept, and used once the member signs in', () => {
    it('Web Chat: "why is my metformin pending" is not asked "Which prescription?"; after sign-in, the metformin line', async () => {
      const chat = await realChat('webchat');
      const before = await chat.say('why is my metformin pending');
      assert.ok(!textOf(before).includes(promptText('en', 'refill.ask.rx')), textOf(before));
      assert.ok(textOf(before).includes(catalog.text('en', 'refill.answer.whyPending').slice(0, 30)), textOf(before));
      assertNoPhi(textOf(before), 'before sign-in');
      const after = textOf(await chat.signIn(ALEX.memberId));
      assert.match(after, /Your Metformin 500 mg tablet \(Rx 1000103\) is waiting for your care team to approve the refill\./);
      assert.doesNotMatch(after, /Lisinopril|Atorvastatin|Albuterol/, 'only the one asked about');
    });

    it('Web Chat: "refill my albuterol", then sign-in: albuterol has no refills left, and the renewal request', async () => {
      const chat = await realChat('webchat');
      assertNoPhi(textOf(await chat.say('refill my albuterol')), 'before sign-in');
      const after = await chat.signIn(ALEX.memberId);
      assert.match(textOf(after), /Your Albuterol HFA inhaler \(Rx 1000105\) has no refills left/);
      assert.match(textOf(after), /ask your care team to renew your Albuterol HFA inhaler/);
      assert.doesNotMatch(textOf(after), /Levothyroxine|Lisinopril/);
    });

    it('Web Chat: "refill my ventolin" (a brand), then sign-in: the albuterol line', async () => {
      const chat = await realChat('webchat');
      assertNoPhi(textOf(await chat.say('refill my ventolin')), 'before sign-in');
      const after = textOf(await chat.signIn(ALEX.memberId));
      assert.match(after, /Your Albuterol HFA inhaler \(Rx 1000105\) has no refills left/);
      assert.doesNotMatch(after, /Levothyroxine|Lisinopril/);
    });

    it('Web Chat: "I need to order a refill" names no medicine: still asked which prescription', async () => {
      const chat = await realChat('webchat');
      assert.ok(textOf(await chat.say('I need to order a refill')).includes(promptText('en', 'refill.ask.rx')));
    });
  });

  describe('matching against the member\'s own names', () => {
    const meds = ['Metformin 500 mg tablet', 'Albuterol HFA inhaler', 'Atorvastatin 20 mg tablet', 'Amlodipine 5 mg tablet'];
    const byName = (text: string) => named(text, meds, (m) => [m]);

    it('tolerates case, accents and a typing mistake in a long word, not in a short one', () => {
      assert.deepEqual(byName('why is my METFORMIN pending'), ['Metformin 500 mg tablet']);
      assert.deepEqual(byName('my metfromin'), ['Metformin 500 mg tablet']);
      assert.deepEqual(byName('atorvastatn refill'), ['Atorvastatin 20 mg tablet']);
      assert.ok(sameWord('chen', 'chen'));
      assert.ok(!sameWord('chan', 'chen'));
    });

    it('words that name no one record (a dosage form) name none', () => {
      assert.deepEqual(byName('refill my tablet'), []);
      assert.deepEqual(byName('refill my inhaler'), ['Albuterol HFA inhaler']);
      assert.deepEqual(byName('where is my refill'), []);
    });
  });
});
