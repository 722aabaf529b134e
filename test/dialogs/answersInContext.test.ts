import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { Locale } from '../../intents/types';
import { assertChannelRules, linksOf, pick, textOf } from '../support/chat';
import type { MemberChat } from '../support/identity';
import { realChat, RecordingEscalation } from './memberWords';
import { catalog, promptText } from './support';

/**
 * An answer inside a question is that answer first (newcomer run v4, WA01, WA21): while booking,
 * a short message that answers another of the booking's questions ("in person" while it asks who
 * the visit is for) is kept for that question, never a request for a person, and the booking goes
 * on without asking it. Through the whole bot with the real recognizer, on Web Chat.
 */

type Replies = Partial<Activity>[];

const WORDS: Record<Locale, { book: string; inPerson: string; video: string }> = {
  en: { book: 'I want to schedule an appointment please', inPerson: "I'd rather come in person", video: 'via video call' },
  es: { book: 'me gustaria sacar una cita', inPerson: 'prefiero ir en persona', video: 'mejor por videollamada' },
};

for (const locale of ['en', 'es'] as const) {
  const words = WORDS[locale];
  const text = (key: string) => catalog.text(locale, key);

  describe(`webchat ${locale}: an answer to a later question of the booking is kept, not a hand-off (WA01, WA21)`, function () {
    this.timeout(60_000);
    let chat: MemberChat;
    let escalation: RecordingEscalation;

    async function say(message: string): Promise<Replies> {
      const replies = await chat.say(message);
      assertChannelRules('webchat', replies);
      return replies;
    }
    const asks = (replies: Replies, key: string) => assert.ok(textOf(replies).includes(promptText(locale, key)), `expected ${key}, got:\n${textOf(replies)}`);
    const notAsked = (replies: Replies, key: string) => assert.ok(!textOf(replies).includes(promptText(locale, key)), `${key} asked again:\n${textOf(replies)}`);

    beforeEach(async () => {
      escalation = new RecordingEscalation();
      chat = await realChat('webchat', { locale, escalation });
    });

    it('"in person", then "by video", said to "who is it for?": the visit mode, no hand-off; the booking does not ask it', async () => {
      asks(await say(words.book), 'appointment.ask.patient');
      asks(await say(words.inPerson), 'appointment.ask.patient');
      const again = await say(words.video);
      assert.equal(escalation.requests.length, 0, 'no hand-off to a person');
      asks(again, 'appointment.ask.patient');
      const care = await say(pick(chat, again, text('options.appointment.patient.self')));
      asks(care, 'appointment.ask.care');
      const when = await say(pick(chat, care, text('options.appointment.care.primary')));
      notAsked(when, 'appointment.ask.mode');
      asks(when, 'appointment.ask.when');
      const done = await say(pick(chat, when, text('options.appointment.when.any')));
      const page = linksOf(done).find((url) => url.includes('/appointments/book'));
      assert.ok(page, `the scheduling page:\n${textOf(done)}`);
      assert.match(page, /visitType=video/, 'the mode said last is kept');
    });

    it('"in person" said to the care question: kept, the care asked again, then the time', async () => {
      const patient = await say(words.book);
      const care = await say(pick(chat, patient, text('options.appointment.patient.self')));
      asks(care, 'appointment.ask.care');
      const again = await say(words.inPerson);
      assert.equal(escalation.requests.length, 0, 'no hand-off to a person');
      asks(again, 'appointment.ask.care');
      const when = await say(pick(chat, again, text('options.appointment.care.primary')));
      notAsked(when, 'appointment.ask.mode');
      asks(when, 'appointment.ask.when');
    });
  });
}
