import assert from 'node:assert/strict';
import { LockedStorage } from '../../../storage/lockedStorage';
import { StorageConflictError, type AssistantStorage } from '../../../storage/types';
import { problem, type BackendResult } from '../../../services/member';
import type { Prescription } from '../../../services/pharmacy/prescriptionLookup';
import { SampleBackend } from '../../../services/sample/sampleBackend';
import { choicesOf, linksOf, pick, textOf, TEST_NOW } from '../../support/chat';
import { ALEX, codeIn, JORDAN, MemberChat } from '../../support/identity';

async function signedIn(memberId: string, options: ConstructorParameters<typeof MemberChat>[0] = {}): Promise<MemberChat> {
  const chat = new MemberChat(options);
  await chat.open();
  const replies = await chat.signIn(memberId);
  assert.match(textOf(replies), /You're signed in, (Alex|Jordan)/);
  return chat;
}

describe('verified members see their own records', () => {
  describe('prescriptions', () => {
    it('Web Chat: "your lisinopril refill is ready for pickup at …", one by its Rx number', async () => {
      const chat = await signedIn(ALEX.memberId);
      const replies = await chat.say('where is my refill Rx 1000101');
      assert.match(textOf(replies), /Your Lisinopril 10 mg tablet \(Rx 1000101\) is ready for pickup at Evergreen Pharmacy Downtown\./);
      assert.doesNotMatch(textOf(replies), /Atorvastatin/, 'only the one asked about');
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/pharmacy/prescriptions')));
      assert.deepEqual(
        chat.disclosures().map(({ event, actor, subject, record, action, count, channel, method }) => ({ event, actor, subject, record, action, count, channel, method })),
        [{ event: 'phi.disclosure', actor: ALEX.memberId, subject: ALEX.memberId, record: 'prescriptions', action: 'read', count: 1, channel: 'webchat', method: 'portal' }],
      );
    });

    it('all of them, in every status, when no number is given; an unknown number is said so', async () => {
      const chat = await signedIn(ALEX.memberId);
      await chat.say('Prescription refills');
      const replies = await chat.say('Check status');
      const text = textOf(replies);
      for (const line of [
        /Lisinopril 10 mg tablet \(Rx 1000101\) is ready for pickup at Evergreen Pharmacy Downtown/,
        /Atorvastatin 20 mg tablet \(Rx 1000102\) can be refilled from Saturday, June 14/,
        /Metformin 500 mg tablet \(Rx 1000103\) is waiting for your care team to approve/,
        /Sertraline 50 mg tablet \(Rx 1000104\) has shipped by mail, tracking number EX123456789US/,
        /Albuterol HFA inhaler \(Rx 1000105\) has no refills left/,
        /Levothyroxine 75 mcg tablet \(Rx 1000106\) can be refilled now/,
        /Amlodipine 5 mg tablet \(Rx 1000107\) is being filled at Evergreen Pharmacy Eastside/,
      ]) {
        assert.match(text, line);
      }
      assert.doesNotMatch(text, /Which prescription\?/, 'a verified member is not asked for the number');
      const unknown = await chat.say('where is my refill Rx 7777777');
      assert.match(textOf(unknown), /couldn't find a prescription with Rx number 7777777/);
    });

    it('why pending: the ones waiting, and why', async () => {
      const chat = await signedIn(ALEX.memberId);
      await chat.say('Prescription refills');
      const text = textOf(await chat.say('Why is it pending?'));
      assert.match(text, /Metformin.*approve/);
      assert.match(text, /Atorvastatin.*June 14/);
      assert.doesNotMatch(text, /Lisinopril/, 'ready ones are not waiting');
    });

    it('refill now: the one that can be refilled, confirmed, requested once; the status follows', async () => {
      const chat = await signedIn(ALEX.memberId);
      await chat.say('Prescription refills');
      const confirm = await chat.say('Refill now');
      assert.match(textOf(confirm), /Refill Levothyroxine 75 mcg tablet \(Rx 1000106\) at Evergreen Pharmacy Downtown\?/);
      assert.deepEqual(choicesOf(confirm), ['Yes', 'No']);
      const done = await chat.say('Yes');
      assert.match(textOf(done), /I've asked Evergreen Pharmacy Downtown to refill your Levothyroxine 75 mcg tablet/);
      assert.match(textOf(await chat.say('where is my refill Rx 1000106')), /Levothyroxine 75 mcg tablet \(Rx 1000106\) is being filled/);
      assert.deepEqual(chat.disclosures().map((e) => [e.record, e.action]), [['prescriptions', 'read'], ['refillRequest', 'create'], ['prescriptions', 'read']]);
    });

    it('refill now with several that can be refilled: pick one (or none), then confirm; "No" requests nothing', async () => {
      const chat = await signedIn(JORDAN.memberId);
      await chat.say('Prescription refills');
      const asked = await chat.say('Refill now');
      assert.deepEqual(choicesOf(asked), ['Omeprazole 20 mg capsule (Rx 1000201)', 'Cetirizine 10 mg tablet (Rx 1000202)', 'None of these']);
      assert.match(textOf(await chat.say('the cetirizine')), /Refill Cetirizine 10 mg tablet \(Rx 1000202\)/);
      assert.match(textOf(await chat.say('No')), /haven't asked for a refill/);
      assert.ok(!chat.disclosures().some((e) => e.record === 'refillRequest'));
      await chat.say('Prescription refills');
      await chat.say('Refill now');
      assert.match(textOf(await chat.say('None of these')), /You can also refill on the pharmacy page/);
    });

    it('a prescription that cannot be refilled now is explained, not requested', async () => {
      const chat = await signedIn(ALEX.memberId);
      const replies = await chat.say('I need a refill of Rx 1000102 now');
      assert.match(textOf(replies), /Atorvastatin 20 mg tablet \(Rx 1000102\) can be refilled from Saturday, June 14/);
      assert.ok(linksOf(replies).some((l) => l.includes('/secure/pharmacy/refill')));
    });
  });

  describe('appointments', () => {
    it('"you have a video visit Tue 3 pm with …": the upcoming ones, soonest first', async () => {
      const chat = await signedIn(ALEX.memberId);
      await chat.say('Appointments');
      await chat.say('Find my appointments');
      const text = textOf(await chat.say('Myself'));
      assert.match(text, /Tue, Jun 10, 3:00 PM: video visit with Dr\. Maya Chen \(Primary care follow-up\)[\s\S]*Tue, Jun 17, 9:30 AM: in-person visit at Evergreen Downtown Clinic \(Lab tests\)/);
    });

    it('in the time zone Web Chat says the member is in', async () => {
      const chat = await signedIn(ALEX.memberId);
      await chat.say({ type: 'message', text: 'Appointments', localTimezone: 'America/New_York' });
      await chat.say({ type: 'message', text: 'Find my appointments', localTimezone: 'America/New_York' });
      assert.match(textOf(await chat.say({ type: 'message', text: 'Myself', localTimezone: 'America/New_York' })), /Tue, Jun 10, 6:00 PM: video visit/);
    });

    it('cancel: pick which, confirm, cancelled once; it is gone from the list', async () => {
      const chat = await signedIn(ALEX.memberId);
      await chat.say('Appointments');
      await chat.say('Cancel an appointment');
      const asked = await chat.say('Myself');
      assert.deepEqual(choicesOf(asked), ['Tue, Jun 10, 3:00 PM · Primary care follow-up', 'Tue, Jun 17, 9:30 AM · Lab tests', 'None of these']);
      assert.match(textOf(await chat.say('Lab tests')), /Cancel the in-person visit on Tue, Jun 17, 9:30 AM \(Lab tests\)\?/);
      assert.match(textOf(await chat.say('yes')), /the in-person visit on Tue, Jun 17, 9:30 AM is cancelled/);
      await chat.say('Appointments');
      // "Myself", said for the cancellation, is not asked again.
      const list = await chat.say('Find my appointments');
      assert.match(textOf(list), /Your upcoming appointments/);
      assert.doesNotMatch(textOf(list), /Lab tests/);
      assert.deepEqual(chat.disclosures().map((e) => e.record), ['appointments', 'appointmentCancellation', 'appointments']);
    });

    it('book: open times for the kind of care and time asked for, pick one, confirm, booked', async () => {
      const chat = await signedIn(JORDAN.memberId);
      await chat.say('Appointments');
      await chat.say('New appointment');
      await chat.say('Myself');
      await chat.say('Mental health');
      await chat.say('Video');
      const offered = await chat.say('next Tuesday afternoon');
      assert.match(textOf(offered), /open times for Mental health/);
      const choices = choicesOf(offered);
      assert.deepEqual(choices.slice(0, 2), ['Tue, Jun 10, 2:00 PM · Dana Brooks, LCSW (video visit)', 'Tue, Jun 10, 3:30 PM · Dana Brooks, LCSW (video visit)']);
      assert.equal(choices.at(-1), 'None of these');
      assert.match(textOf(await chat.say(choices[1]!)), /Book a video visit on Tue, Jun 10, 3:30 PM with Dana Brooks, LCSW\?/);
      assert.match(textOf(await chat.say('Yes')), /You're booked: video visit on Tue, Jun 10, 3:30 PM with Dana Brooks, LCSW/);
      await chat.say('Appointments');
      // "Myself", said for the booking, is not asked again.
      assert.match(textOf(await chat.say('Find my appointments')), /Tue, Jun 10, 3:30 PM: video visit with Dana Brooks, LCSW \(Mental health\)/);
    });

    it('nothing open at the preferred time: said, and the first open times after it', async () => {
      const chat = await signedIn(JORDAN.memberId);
      await chat.say('Appointments');
      await chat.say('New appointment');
      await chat.say('Myself');
      // A shot is given at a clinic: "How would you like to be seen?" is not asked.
      assert.doesNotMatch(textOf(await chat.say('Vaccines')), /How would you like to be seen/);
      const offered = await chat.say('Saturday morning'); // the clinic is closed on weekends
      assert.match(textOf(offered), /Nothing is open on Saturday, June 7, in the morning\. The first open times after that are on Monday, June 9:/);
      assert.match(choicesOf(offered)[0]!, /^Mon, Jun 9, 9:00 AM · Evergreen Downtown Clinic \(in-person visit\)$/);
    });

    it('a family member with proxy access (the back end says so): their appointments', async () => {
      const chat = await signedIn(ALEX.memberId);
      await chat.say('Appointments');
      await chat.say('Find my appointments');
      const text = textOf(await chat.say('A family member'));
      assert.match(text, /Sam's upcoming appointments:[\s\S]*Sun, Jun 8, 10:00 AM: in-person visit with Dr\. Priya Patel at Evergreen Pediatrics \(Vaccines\)/);
      assert.deepEqual(chat.disclosures().map((e) => [e.actor, e.subject]), [[ALEX.memberId, 'EH1000003']]);
    });

    it('in Spanish', async () => {
      const chat = new MemberChat({ locale: 'es-US' });
      await chat.open('hola');
      assert.match(textOf(await chat.signIn(ALEX.memberId)), /Ya inició sesión, Alex/);
      await chat.say('Citas');
      await chat.say('Ver mis citas');
      assert.match(textOf(await chat.say('Para mí')), /Sus próximas citas:[\s\S]*mar, 10 de jun, 3:00 p\.\s?m\.: consulta por video con Dr\. Maya Chen/);
    });
  });

  describe('how each channel verifies, then continues', () => {
    it('Web Chat: asked before signing in, answered as soon as the portal signs the member in', async () => {
      const chat = new MemberChat();
      await chat.open();
      await chat.say('Prescription refills');
      assert.match(textOf(await chat.say('Check status')), /sign in to the portal and open this chat there/);
      const replies = await chat.signIn(ALEX.memberId);
      assert.match(textOf(replies), /You're signed in, Alex[\s\S]*Your prescriptions:[\s\S]*Lisinopril 10 mg tablet \(Rx 1000101\) is ready for pickup/);
      const again = await chat.signIn(ALEX.memberId);
      assert.equal(textOf(again), '', 'a reconnect with the same member renews it silently');
    });

    it('Teams: the Entra ID user mapped to a member, no question asked', async () => {
      const chat = new MemberChat({ channelId: 'msteams', from: { id: '29:alex', aadObjectId: ALEX.teams } });
      await chat.open();
      await chat.say('Appointments');
      await chat.say('Find my appointments');
      assert.match(textOf(await chat.say('Myself')), /video visit with Dr\. Maya Chen/);
      assert.equal(chat.audit.entries[0]?.event, 'identity.verified');
      assert.equal(chat.audit.entries[0]?.method, 'teams');
    });

    it('Teams: otherwise the sign-in card (OAuthPrompt) and the token it returns', async () => {
      const chat = new MemberChat({ channelId: 'msteams', from: { id: '29:guest', aadObjectId: '00000000-0000-4000-8000-0000000000aa' }, env: { TEAMS_OAUTH_CONNECTION: 'portal' } });
      await chat.open();
      const token = await chat.core.identity.developmentPortal!.sign(JORDAN.memberId);
      chat.adapter.addUserToken('portal', 'msteams', '29:guest', token);
      await chat.say('Prescription refills');
      const replies = await chat.say('Check status');
      assert.match(textOf(replies), /Omeprazole 20 mg capsule \(Rx 1000201\) can be refilled now/);
      assert.equal(chat.audit.entries.find((e) => e.event === 'identity.verified')?.method, 'oauth');
    });

    it('Teams: a sign-in card with a token the portal did not sign shows nothing', async () => {
      const chat = new MemberChat({ channelId: 'msteams', from: { id: '29:guest2' }, env: { TEAMS_OAUTH_CONNECTION: 'portal' } });
      await chat.open();
      chat.adapter.addUserToken('portal', 'msteams', '29:guest2', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJFSDEwMDAwMDIifQ.');
      await chat.say('Prescription refills');
      const replies = await chat.say('Check status');
      assert.match(textOf(replies), /The sign-in didn't work/);
      assert.doesNotMatch(textOf(replies), /Omeprazole/);
    });

    it('SMS: a code to the number on file, typed back, then the answer', async () => {
      const chat = new MemberChat({ channelId: 'sms', from: { id: ALEX.phone } });
      await chat.open();
      await chat.say('Appointments');
      await chat.say(pick(chat, await chat.say('Find my appointments'), 'Myself'));
      const code = codeIn(await chat.say('1'))!;
      assert.match(code, /^\d{6}$/);
      const replies = await chat.say(code);
      assert.match(textOf(replies), /Thanks, that's confirmed[\s\S]*Tue, Jun 10, 3:00 PM: video visit with Dr\. Maya Chen/);
      assert.equal(chat.audit.entries.find((e) => e.event === 'identity.verified')?.method, 'smsCode');
      assert.ok(!chat.intents.seen.includes(code), 'the code never reaches the recognizer');
    });
  });

  describe('failures never strand the member', () => {
    it('a pharmacy back end that is down: a plain explanation, the pharmacy page and phone number', async () => {
      const sample = new SampleBackend(undefined, () => TEST_NOW.getTime());
      const down = async (): Promise<BackendResult<Prescription[]>> => problem('unavailable');
      const chat = new MemberChat({ overrides: { directory: sample, appointments: sample, prescriptions: { list: down, status: async () => problem('unavailable'), requestRefill: async () => problem('unavailable') } } });
      await chat.open();
      await chat.signIn(ALEX.memberId);
      await chat.say('Prescription refills');
      const replies = await chat.say('Check status');
      assert.match(textOf(replies), /can't reach the pharmacy system right now[\s\S]*call the pharmacy at 1-800-555-0122/);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/pharmacy/prescriptions')));
      assert.match(textOf(replies), /anything else/);
      assert.deepEqual(chat.disclosures(), [], 'nothing shown, nothing to audit');
    });

    it('a turn run again after a state conflict (TurnGuard) books once and audits once', async () => {
      const inner = new LockedStorage();
      let collide = 0;
      const storage: AssistantStorage = {
        kind: 'custom',
        read: (keys) => inner.read(keys),
        write: (changes) => inner.write(changes),
        delete: (keys) => inner.delete(keys),
        put: async (key, item, expected) => {
          if (collide > 0 && key.includes('/conversations/')) {
            collide--;
            throw new StorageConflictError(key);
          }
          return inner.put(key, item, expected);
        },
        ready: async () => undefined,
        close: async () => undefined,
      };
      const sample = new SampleBackend(undefined, () => TEST_NOW.getTime());
      const calls: string[] = [];
      const spy = Object.assign(Object.create(sample) as SampleBackend, {
        requestRefill: (member: string, id: string, key: string) => {
          calls.push(key);
          return sample.requestRefill(member, id, key);
        },
      });
      const chat = new MemberChat({ overrides: { storage, directory: sample, appointments: sample, prescriptions: spy, turnBackoff: async () => undefined } });
      await chat.open();
      await chat.signIn(ALEX.memberId);
      await chat.say('Prescription refills');
      await chat.say('Refill now');
      collide = 1;
      const done = await chat.say('Yes');
      assert.equal(textOf(done).match(/I've asked/g)?.length, 1, 'one answer');
      assert.equal(calls.length, 2, 'the turn ran twice');
      assert.equal(new Set(calls).size, 1, 'with the same idempotency key');
      assert.equal(chat.disclosures().filter((e) => e.record === 'refillRequest').length, 1);
      const list = await sample.list(ALEX.memberId);
      assert.equal(list.ok && list.value.find((p) => p.rxNumber === '1000106')?.refillsLeft, 1, 'refilled once (2 → 1)');
    });
  });
});
