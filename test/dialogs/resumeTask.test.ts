import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { Locale } from '../../intents/types';
import { assertChannelRules, choicesOf, linksOf, pick, TEST_NOW, textOf } from '../support/chat';
import { MemberChat } from '../support/identity';
import { realChat, RecordingEscalation } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Never trap them, keep what they already said (issue 15): a member who leaves a task half done
 * for another topic ("wait, what's my copay for a specialist?" in the middle of a booking) is asked,
 * once that topic is answered, whether to go back to it; yes goes on at the next open question,
 * without asking again what they already answered. The pause lasts one detour: no, a new request,
 * a second change of topic, "never mind" and an emergency drop it. Through the whole bot with the
 * real recognizer, on Web Chat and SMS, in English and Spanish.
 */

type Replies = Partial<Activity>[];

/** What members wrote (the newcomer run's words, in each language). */
const WORDS: Record<Locale, Record<'book' | 'copay' | 'billQuestion' | 'refill' | 'noRx' | 'pay' | 'emergency' | 'neverMind' | 'when', string>> = {
  en: {
    book: 'I need to book an appointment',
    copay: "wait, what's my copay for a specialist?",
    billQuestion: 'I have a question about my bill',
    refill: 'I need to refill my prescription',
    noRx: "I don't know the number",
    pay: 'how do I pay my bill',
    emergency: "I have crushing chest pain and can't breathe",
    neverMind: 'never mind',
    when: 'next Tuesday afternoon',
  },
  es: {
    book: 'necesito hacer una cita',
    copay: 'espera, ¿cuánto es mi copago para un especialista?',
    billQuestion: 'tengo una pregunta sobre mi factura',
    refill: 'necesito surtir mi receta',
    noRx: 'no sé el número',
    pay: '¿cómo pago mi factura?',
    emergency: 'tengo un dolor muy fuerte en el pecho y no puedo respirar',
    neverMind: 'olvídalo',
    when: 'el martes por la tarde',
  },
};

for (const channelId of ['webchat', 'sms'] as const) {
  for (const locale of ['en', 'es'] as const) {
    const words = WORDS[locale];
    const text = (key: string, vars = {}) => catalog.text(locale, key, vars);
    const offer = (task: string) => text('main.resume.ask', { task: text(task) });
    const BOOKING = 'main.resume.appointment.new';

    describe(`${channelId} ${locale}: a task left for another topic is offered again (issue 15)`, function () {
      this.timeout(60_000);
      let chat: MemberChat;

      /** Sends a message, checks the channel's rules, and returns the replies. */
      async function say(message: string): Promise<Replies> {
        const replies = await chat.say(message);
        assertChannelRules(channelId, replies);
        return replies;
      }

      /** Taps (Web Chat) or answers with the digit of (SMS) an offered choice. */
      const tap = (replies: Replies, key: string) => say(pick(chat, replies, text(key)));

      const asks = (replies: Replies, key: string) => assert.ok(textOf(replies).includes(promptText(locale, key)), `expected ${key}, got:\n${textOf(replies)}`);

      /** A booking with two answers given, waiting on "How would you like to be seen?". */
      async function midBooking(): Promise<Replies> {
        const patient = await say(words.book);
        asks(patient, 'appointment.ask.patient');
        const care = await tap(patient, 'options.appointment.patient.self');
        asks(care, 'appointment.ask.care');
        const mode = await tap(care, 'options.appointment.care.primary');
        asks(mode, 'appointment.ask.mode');
        return mode;
      }

      /** Mid-booking, the copay question: its answer, then "do you want to go back to booking your appointment?". */
      async function copayDetour(): Promise<Replies> {
        await midBooking();
        const replies = await say(words.copay);
        assert.ok(textOf(replies).includes(promptText(locale, 'billing.answer.costs')), textOf(replies));
        assert.ok(textOf(replies).includes(offer(BOOKING)), `the offer to go back:\n${textOf(replies)}`);
        assert.ok(!textOf(replies).includes(text('main.anythingElse')), 'not the plain "anything else?"');
        assert.deepEqual(choicesOf(replies), [text('options.resume.yes'), text('options.resume.no')]);
        return replies;
      }

      /** A message that finishes a topic at once ends with "anything else?", never the offer to go back. */
      async function endsPlainly(message: string): Promise<Replies> {
        const replies = await say(message);
        assert.ok(textOf(replies).includes(text('main.anythingElse')), textOf(replies));
        assert.ok(!textOf(replies).includes(offer(BOOKING)), `the booking was dropped:\n${textOf(replies)}`);
        return replies;
      }

      beforeEach(async () => {
        chat = await realChat(channelId, { locale });
      });

      it('yes: back to the booking at the next open question (not those already answered), and the booking completes', async () => {
        const offered = await copayDetour();
        const back = await tap(offered, 'options.resume.yes');
        assert.ok(textOf(back).includes(text('main.resume.back', { task: text(BOOKING) })), textOf(back));
        asks(back, 'appointment.ask.mode');
        for (const answered of ['appointment.ask.action', 'appointment.ask.patient', 'appointment.ask.care']) {
          assert.ok(!textOf(back).includes(promptText(locale, answered)), `${answered} asked again:\n${textOf(back)}`);
        }
        const when = await tap(back, 'options.appointment.mode.inPerson');
        asks(when, 'appointment.ask.when');
        const done = await say(words.when);
        assert.ok(textOf(done).includes(promptText(locale, 'appointment.done.new')), textOf(done));
        const page = linksOf(done).find((url) => url.includes('/appointments/book'));
        assert.ok(page, `the scheduling page: ${linksOf(done).join(', ')}`);
        assert.match(page, /reason=primary&visitType=inPerson&for=self&when=2025-06-10&time=afternoon&action=new/, 'the answers given before the detour are kept');
        assert.ok(textOf(done).includes(text('main.anythingElse')), textOf(done));
        assert.deepEqual(await chat.dialogStack(), ['main', 'question.choice']);
      });

      it('no: the booking is dropped and the conversation goes on as usual ("anything else?")', async () => {
        const offered = await copayDetour();
        const no = await tap(offered, 'options.resume.no');
        assert.ok(textOf(no).includes(text('main.anythingElse')), textOf(no));
        assert.ok(!textOf(no).includes(promptText(locale, 'appointment.ask.mode')), textOf(no));
        assert.deepEqual(await chat.dialogStack(), ['main', 'question.choice']);
        const bye = await tap(no, 'options.followUp.no');
        assert.ok(textOf(bye).includes(text('main.goodbye', { planName: 'Evergreen Health' })), textOf(bye));
      });

      it('a new request instead of yes or no is answered, and the booking is dropped', async () => {
        await copayDetour();
        await endsPlainly(words.pay);
        assert.deepEqual(await chat.dialogStack(), ['main', 'question.choice']);
      });

      it('a second change of topic drops the booking: only the topic left last is offered', async () => {
        await midBooking();
        const billing = await say(words.billQuestion);
        asks(billing, 'billing.ask.topic');
        const refill = await say(words.refill);
        asks(refill, 'refill.ask.rx');
        const answered = await say(words.noRx);
        assert.ok(textOf(answered).includes(offer('main.resume.task.billing')), `the billing question is offered:\n${textOf(answered)}`);
        assert.ok(!textOf(answered).includes(offer(BOOKING)), textOf(answered));
        const back = await tap(answered, 'options.resume.yes');
        asks(back, 'billing.ask.topic');
        const costs = await tap(back, 'options.billing.topic.costs');
        assert.ok(textOf(costs).includes(promptText(locale, 'billing.answer.costs')), textOf(costs));
        assert.ok(textOf(costs).includes(text('main.anythingElse')), `one detour only, the booking is gone:\n${textOf(costs)}`);
      });

      it('"never mind" drops it, at the offer and in the middle of the detour', async () => {
        await copayDetour();
        const stopped = await say(words.neverMind);
        assert.ok(textOf(stopped).includes(text('main.cancelled')), textOf(stopped));
        assert.deepEqual(await chat.dialogStack(), []);
        await endsPlainly(words.copay);

        // Back in a booking, a detour that is left with "never mind": the booking does not come back.
        const again = await copayDetour();
        asks(await tap(again, 'options.resume.yes'), 'appointment.ask.mode');
        asks(await say(words.billQuestion), 'billing.ask.topic');
        const cancelled = await say(words.neverMind);
        assert.ok(textOf(cancelled).includes(text('main.cancelled')), textOf(cancelled));
        assert.deepEqual(await chat.dialogStack(), []);
        await endsPlainly(words.copay);
      });

      it('an emergency in the middle of the detour is answered (911), and nothing goes back to the booking', async () => {
        const offered = await copayDetour();
        asks(await tap(offered, 'options.resume.yes'), 'appointment.ask.mode');
        asks(await say(words.billQuestion), 'billing.ask.topic');
        const emergency = await say(words.emergency);
        assert.match(textOf(emergency), /911/);
        assert.ok(!textOf(emergency).includes(offer(BOOKING)), textOf(emergency));
        assert.ok(!textOf(emergency).includes(promptText(locale, 'appointment.ask.mode')), textOf(emergency));
        assert.deepEqual(await chat.dialogStack(), []);
        await endsPlainly(words.copay);
      });
    });
  }
}

describe('webchat en: the pause also ends with a person, sign-out, forget me and the idle expiry (issue 15)', function () {
  this.timeout(60_000);
  const en = (key: string, vars = {}) => catalog.text('en', key, vars);
  const OFFER = en('main.resume.ask', { task: en('main.resume.appointment.new') });
  let chat: MemberChat;
  let now: number;
  let escalation: RecordingEscalation;

  beforeEach(async () => {
    now = TEST_NOW.getTime();
    escalation = new RecordingEscalation();
    chat = new MemberChat({
      channelId: 'webchat',
      locale: 'en-US',
      now: () => now,
      overrides: { understanding: undefined, emergencyCheck: undefined, escalation },
    });
    await chat.open('hi');
  });

  /** Gone back to a booking once (the pause works), then left it again for the billing menu. */
  async function inSecondDetour(): Promise<void> {
    await chat.say(WORDS.en.book);
    await chat.say('Myself');
    await chat.say('Primary care');
    const offered = await chat.say(WORDS.en.copay);
    assert.ok(textOf(offered).includes(OFFER), textOf(offered));
    assert.ok(textOf(await chat.say('Yes')).includes(promptText('en', 'appointment.ask.mode')));
    assert.ok(textOf(await chat.say(WORDS.en.billQuestion)).includes(promptText('en', 'billing.ask.topic')));
    assert.deepEqual(await chat.dialogStack(), ['main', 'billing', 'question.choice']);
  }

  async function bookingGone(): Promise<void> {
    const replies = await chat.say(WORDS.en.copay);
    assert.ok(textOf(replies).includes(en('main.anythingElse')), textOf(replies));
    assert.ok(!textOf(replies).includes(OFFER), textOf(replies));
  }

  it('a request for a person: the person gets the billing topic, and the booking is not offered after', async () => {
    await inSecondDetour();
    await chat.say('talk to a person');
    assert.deepEqual(escalation.requests.map((r) => r.intent), ['billing']);
    assert.deepEqual(await chat.dialogStack(), []);
    await bookingGone();
  });

  it('"sign out" and "forget me" end it', async () => {
    await inSecondDetour();
    assert.ok(textOf(await chat.say('sign out')).includes(en('identity.signOut.notSignedIn')));
    assert.deepEqual(await chat.dialogStack(), []);
    await bookingGone();

    await inSecondDetour();
    await chat.say('forget me');
    assert.ok(textOf(await chat.say('yes')).includes(en('identity.forget.done')));
    assert.deepEqual(await chat.dialogStack(), []);
    await bookingGone();
  });

  it('the idle expiry ends it', async () => {
    await inSecondDetour();
    now += 61 * 60_000;
    const replies = await chat.say(WORDS.en.copay);
    assert.ok(textOf(replies).includes(en('state.idleReset')), textOf(replies));
    assert.ok(textOf(replies).includes(en('main.anythingElse')), textOf(replies));
    assert.ok(!textOf(replies).includes(OFFER), textOf(replies));
  });
});
