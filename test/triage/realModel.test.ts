import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { assertChannelRules, Chat, choicesOf, textOf } from '../support/chat';

/**
 * The safety triage end to end: the REAL triage (the model file `npm run build` writes, the
 * lexicons and the safety signal) and the real recognizer, through the whole bot (createBotCore,
 * TestAdapter) on Web Chat, Teams and SMS, in English and Spanish, in every state a member can be
 * in. channels.test.ts tests the bot's answers with a fake triage; this one tests that members'
 * own words get them.
 */

type Locale = 'en' | 'es';
const CHANNELS = ['webchat', 'msteams', 'sms'] as const;

const NURSE = '1-800-555-0111';
const BEHAVIORAL = '1-800-555-0144';

interface Line {
  text: string;
  locale: Locale;
  intent: 'emergency' | 'abuse' | 'mental_health' | 'symptoms';
  numbers: string[];
}

const LINES: Line[] = [
  { text: 'my chest hurts and my arm is numb', locale: 'en', intent: 'emergency', numbers: ['911'] },
  { text: 'I want to kill myself', locale: 'en', intent: 'emergency', numbers: ['988'] },
  { text: 'my son swallowed bleach', locale: 'en', intent: 'emergency', numbers: ['1-800-222-1222'] },
  { text: 'I was raped', locale: 'en', intent: 'abuse', numbers: ['1-800-656-4673'] },
  { text: 'my husband beats me', locale: 'en', intent: 'abuse', numbers: ['1-800-799-7233'] },
  { text: 'my boyfriend hits me and last night he hit my 6 year old son too', locale: 'en', intent: 'abuse', numbers: ['1-800-799-7233', '1-800-422-4453'] },
  { text: 'my toddler was chewing on a leaf from my houseplant', locale: 'en', intent: 'emergency', numbers: ['1-800-222-1222'] },
  { text: 'I am depressed', locale: 'en', intent: 'mental_health', numbers: ['988', BEHAVIORAL] },
  { text: 'my head hurts', locale: 'en', intent: 'symptoms', numbers: [NURSE] },
  { text: 'me duele mucho el pecho y no puedo respirar', locale: 'es', intent: 'emergency', numbers: ['911'] },
  { text: 'me violaron', locale: 'es', intent: 'abuse', numbers: ['1-800-656-4673'] },
  { text: 'estoy muy deprimida', locale: 'es', intent: 'mental_health', numbers: ['988', BEHAVIORAL] },
];

/** A Spanish answer (the triage's texts in responses/es.json). */
const SPANISH = /\b(?:Llame|llame|Gracias|Siento)\b/;

/**
 * Spanish lines the real triage answers with the right outcome and number but in English: its
 * language detector calls them English (reported; intents/ is not changed from here). The pending
 * test below says so until the model gets them right.
 */
const SPANISH_KNOWN_MISS = new Set(['me violaron']);

/** What no message with a health, distress or safety signal may get (DESIGN.md, safety rule 2). */
const NEVER = [
  /Take care|Thanks for visiting|goodbye/i,
  /Cuídese|Gracias por comunicarse/i,
  /Just to be sure|is this about/i,
  /Para estar seguro|se trata de/i,
  /Pick a topic|still not sure|didn't catch that/i,
  /Elija un tema|todavía no estoy seguro|no le entendí/i,
];
const TASK_TITLES = ['Billing', 'Prescription refills', 'Facturación', 'Surtido de recetas'];

function realChat(channelId: string, locale: Locale): Chat {
  return new Chat({
    channelId,
    ...(channelId === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }),
    // No fakes: the real emergency lexicons, triage and recognizer (as `npm start` runs them).
    overrides: { understanding: undefined, emergencyCheck: undefined },
  });
}

function assertSafeAnswer(channelId: string, line: Pick<Line, 'text' | 'numbers'>, replies: Partial<Activity>[], where: string): void {
  const text = textOf(replies);
  const what = `${where}: "${line.text}" answered:\n${text}`;
  assert.ok(replies.length > 0, `${what}\n(no answer at all)`);
  for (const n of line.numbers) assert.ok(text.includes(n), `${n} missing. ${what}`);
  for (const pattern of NEVER) assert.doesNotMatch(text, pattern, what);
  const offered = choicesOf(replies);
  assert.ok(!TASK_TITLES.some((t) => offered.includes(t)), `a task menu (${offered.join(', ')}). ${what}`);
  assertChannelRules(channelId, replies);
}

/** The first reply that carries a number a member could call. */
function firstNumberAt(replies: Partial<Activity>[]): number {
  return replies.findIndex((r) => /\b(911|988|1-800-\d{3}-\d{4})\b/.test(textOf([r])));
}

async function startBooking(chat: Chat, locale: Locale): Promise<void> {
  const asked = await chat.say(locale === 'es' ? 'quiero hacer una cita' : 'I need to book an appointment');
  assert.ok((await chat.dialogStack()).length > 0, `booking started: ${textOf(asked)}`);
}

async function waitForAgent(chat: Chat, locale: Locale): Promise<void> {
  const { presence, service } = chat.core.handoff;
  await presence!.seen({ id: 'pat', name: 'Pat' });
  await chat.say(locale === 'es' ? 'quiero hablar con una persona' : 'talk to a person');
  assert.equal((await service!.listOpen()).length, 1, 'queued for an agent');
}

describe('triage end to end (real model)', function () {
  this.timeout(60_000);

  for (const channelId of CHANNELS) {
    describe(channelId, () => {
      for (const line of LINES) {
        it(`"${line.text}": ${line.numbers.join(' + ')} — at the start, mid-booking and waiting for an agent`, async () => {
          const fresh = realChat(channelId, line.locale);
          await fresh.open(line.locale === 'es' ? 'hola' : 'hi');
          const first = await fresh.say(line.text);
          assertSafeAnswer(channelId, line, first, 'first message');
          if (line.locale === 'es' && !SPANISH_KNOWN_MISS.has(line.text)) assert.match(textOf(first), SPANISH, `answered in Spanish: ${textOf(first)}`);

          const booking = realChat(channelId, line.locale);
          await booking.open(line.locale === 'es' ? 'hola' : 'hi');
          await startBooking(booking, line.locale);
          const midBooking = await booking.say(line.text);
          assertSafeAnswer(channelId, line, midBooking, 'mid-booking');
          assert.equal(firstNumberAt(midBooking), 0, `the number comes first mid-booking: ${textOf(midBooking)}`);
          if (line.intent === 'emergency' || line.intent === 'abuse') assert.deepEqual(await booking.dialogStack(), [], 'the booking ended');

          const waiting = realChat(channelId, line.locale);
          await waiting.open(line.locale === 'es' ? 'hola' : 'hi');
          await waitForAgent(waiting, line.locale);
          assertSafeAnswer(channelId, line, await waiting.say(line.text), 'waiting for an agent');
          const [record] = await waiting.core.handoff.service!.listOpen();
          const urgent = line.intent === 'emergency' || line.intent === 'abuse';
          if (urgent) assert.ok(record!.urgentAt, 'an urgent message moves the member to the front of the queue');
          assert.ok(
            record!.transcript.some((e) => e.from === 'assistant' && line.numbers.every((n) => e.text.includes(n))),
            'the agent sees the assistant\'s answer in the transcript',
          );
        });
      }
    });
  }

  it('"me violaron" is answered in Spanish', async () => {
    const chat = realChat('webchat', 'es');
    await chat.open('hola');
    assert.match(textOf(await chat.say('me violaron')), SPANISH);
  });

  describe('after STOP on SMS', () => {
    for (const line of LINES) {
      it(`"${line.text}" still gets ${line.numbers.join(' + ')}`, async () => {
        const chat = realChat('sms', line.locale);
        await chat.say(line.locale === 'es' ? 'hola' : 'hi');
        await chat.say('STOP');
        assertSafeAnswer('sms', line, await chat.say(line.text), 'after STOP');
      });
    }
  });

  describe('words that sound like a task', () => {
    for (const channelId of CHANNELS) {
      it(`${channelId}: "I want to talk to a therapist" gets the mental-health answer, not the hand-off to a person`, async () => {
        const chat = realChat(channelId, 'en');
        await chat.open('hi');
        const replies = await chat.say('I want to talk to a therapist');
        assertSafeAnswer(channelId, { text: 'I want to talk to a therapist', numbers: ['988', BEHAVIORAL] }, replies, 'first message');
        assert.equal((await chat.core.handoff.service!.listOpen()).length, 0, 'nobody was queued for an agent');
      });

      it(`${channelId}: "my chest really hurts" mid-booking gets 911 first`, async () => {
        const chat = realChat(channelId, 'en');
        await chat.open('hi');
        await startBooking(chat, 'en');
        const replies = await chat.say('my chest really hurts');
        assertSafeAnswer(channelId, { text: 'my chest really hurts', numbers: ['911'] }, replies, 'mid-booking');
        assert.equal(firstNumberAt(replies), 0, textOf(replies));
        assert.match(textOf([replies[0]!]), /911/, '911 in the first reply');
      });
    }
  });
});
