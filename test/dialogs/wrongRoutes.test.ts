import assert from 'node:assert/strict';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, RecordingEscalation, signedInChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Wrong routes members met (issue 15), through the whole bot with the real recognizer, on the
 * channel where each was seen. The causes: an answer to a question read as a new request, a
 * request for a person lost behind the task it was about, a sub-topic chosen from the topic's own
 * name, and sub-topics ("cancel", "where are my prescriptions") said in words no option listed.
 */
describe('wrong routes members met, through the real recognizer (issue 15)', function () {
  this.timeout(60_000);

  describe('an answer inside a question is that answer first', () => {
    it('Web Chat: "in person please" answers "How would you like to be seen?", not a request for a person', async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat('webchat', { escalation });
      await chat.say('I need an appointment');
      await chat.say('Myself');
      const mode = await chat.say('Primary care');
      assert.ok(textOf(mode).includes(promptText('en', 'appointment.ask.mode')), textOf(mode));
      const when = await chat.say('in person please');
      assert.ok(textOf(when).includes(promptText('en', 'appointment.ask.when')), textOf(when));
      assert.deepEqual(escalation.requests, []);
    });

    it('Web Chat: "regular doc" answers "What kind of care?" (primary care), and the booking goes on', async () => {
      const chat = await realChat('webchat');
      await chat.say('I need an appointment');
      const care = await chat.say('Myself');
      assert.ok(textOf(care).includes(promptText('en', 'appointment.ask.care')), textOf(care));
      const next = await chat.say('regular doc');
      assert.ok(textOf(next).includes(promptText('en', 'appointment.ask.mode')), textOf(next));
      assert.deepEqual(await chat.dialogStack(), ['main', 'appointment', 'question.choice']);
    });

    it('Web Chat: "I want to talk to a therapist" is a request for mental-health care, never the hand-off (first message, and at "What kind of care?")', async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat('webchat', { escalation });
      const first = await chat.say('I want to talk to a therapist');
      assert.match(textOf(first), /988/);
      await chat.say('I need an appointment');
      await chat.say('Myself');
      const mid = await chat.say('I want to talk to a therapist');
      assert.match(textOf(mid), /988/, 'the triage\'s line, first');
      assert.ok(textOf(mid).includes(promptText('en', 'appointment.ask.mode')), `the booking goes on, for mental health:\n${textOf(mid)}`);
      assert.deepEqual(escalation.requests, []);
    });

    it('Web Chat: a clear request for a person mid-booking is still one', async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat('webchat', { escalation });
      await chat.say('I need an appointment');
      await chat.say('Myself');
      await chat.say('Primary care');
      await chat.say('in person, but first I want to talk to a person');
      assert.equal(escalation.requests.length, 1);
      assert.equal(escalation.requests[0]!.intent, 'appointment');
    });
  });

  describe('a request for a person carries the task it is about', () => {
    it('Teams: "I want to talk to a person about my appointment" reaches a person, topic appointment', async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat('msteams', { escalation });
      const replies = await chat.say('I want to talk to a person about my appointment');
      assert.deepEqual(escalation.requests.map((r) => [r.intent, r.reason]), [['appointment', 'member_asked']]);
      assert.doesNotMatch(textOf(replies), new RegExp(promptText('en', 'appointment.ask.action')));
    });

    it('Teams: "I need help with my prescription refill, talk to a person" reaches a person, topic refill (the pharmacy line)', async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat('msteams', { escalation });
      await chat.say('I need help with my prescription refill, talk to a person');
      assert.deepEqual(escalation.requests.map((r) => [r.intent, r.reason]), [['refill', 'member_asked']]);
      const direct = await realChat('msteams');
      const replies = await direct.say('I need help with my prescription refill, talk to a person');
      assert.match(textOf(replies), /pharmacy at 1-800-555-0122/);
    });
  });

  describe('the topic a member names, and its sub-topic only when named', () => {
    it('Teams: "I have a question about my bill" opens billing\'s menu, not the statements page', async () => {
      const chat = await realChat('msteams');
      const replies = await chat.say('I have a question about my bill');
      assert.ok(textOf(replies).includes(promptText('en', 'billing.ask.topic')), textOf(replies));
      assert.ok(!linksOf(replies).some((l) => l.includes('/billing/statements')));
      const statements = await (await realChat('msteams')).say('can I get a copy of my bill');
      assert.ok(linksOf(statements).some((l) => l.includes('/billing/statements')), textOf(statements));
    });

    it('Web Chat: "what\'s an e-visit? can I do one for a UTI" is about e-visits (video visits), not appointments', async () => {
      const chat = await realChat('webchat');
      const replies = await chat.say("what's an e-visit? can I do one for a UTI");
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/e-visit')), textOf(replies));
      assert.doesNotMatch(textOf(replies), new RegExp(promptText('en', 'appointment.ask.action')));
    });

    it('Web Chat, Spanish: "¿dónde están mis recetas?" is the status of the prescriptions (signed in: the list)', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      const replies = await chat.say('¿dónde están mis recetas?');
      // Not signed in: what the statuses mean and the sign-in, not the refill menu nor test results.
      assert.ok(textOf(replies).includes(catalog.text('es', 'refill.answer.status')), textOf(replies));
      assert.ok(!textOf(replies).includes(catalog.text('es', 'refill.ask.need')), textOf(replies));
      assert.ok(!textOf(replies).includes(catalog.text('es', 'records.ask.topic')), textOf(replies));

      const signed = await signedInChat(ALEX.memberId, { locale: 'es' });
      const list = textOf(await signed.say('¿dónde están mis recetas?'));
      assert.match(list, /Lisinopril 10 mg tableta \(Rx 1000101\)/);
      assert.match(list, /Metformin 500 mg tableta \(Rx 1000103\)/);
    });

    it('Web Chat: "cancel my video visit tomorrow" starts the cancellation, not the menu', async () => {
      const chat = await realChat('webchat');
      const replies = await chat.say('cancel my video visit tomorrow');
      assert.doesNotMatch(textOf(replies), new RegExp(promptText('en', 'appointment.ask.action')));
      assert.doesNotMatch(textOf(replies), new RegExp(promptText('en', 'telehealth.ask.topic')));
      assert.ok(linksOf(replies).some((l) => l.includes('/secure/appointments/upcoming?action=cancel')), textOf(replies));
    });

    it('Web Chat, signed in: "cancel my video visit with Dr. Chen" asks to cancel that visit', async () => {
      const chat = await signedInChat(ALEX.memberId);
      const replies = await chat.say('cancel my video visit with Dr. Chen');
      assert.match(textOf(replies), /Cancel the video visit on Tue, Jun 10, 3:00 PM with Dr\. Maya Chen \(Primary care follow-up\)\?/);
      assert.deepEqual(choicesOf(replies), ['Yes', 'No']);
      assert.match(textOf(await chat.say('yes')), /the video visit on Tue, Jun 10, 3:00 PM is cancelled/);
    });
  });
});
