import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { hasNot, say } from './replyChecks';

/**
 * Newcomer run v19 (Z01, Z04, Z14 on Teams and Web Chat), through the whole bot with the real
 * recognizer and safety triage (the run's sentences and others with the same meaning): a "how
 * long" / "when" / "roughly how many days" follow-up right after a task's answer gets that topic's
 * timing, however long the sentence: results released (1 to 3 days), a refill asked for (1 to 2
 * business days), how long the pharmacy holds a filled prescription (the profile has no figure:
 * ask the pharmacy, its line). A vague "so like a day? a week?" after such an answer is that
 * follow-up, never the nurse line; "never mind, thanks" after the nurse line closes, never a booking.
 */

type Channel = 'webchat' | 'msteams' | 'sms';
type Case = { channel: Channel; locale: 'en' | 'es'; signedIn?: boolean; before: string[]; then: string; expect: string[]; never?: string[] };

const NURSE = '1-800-555-0111';
const LIST = ['Your prescriptions:', 'Sus recetas:', 'Refill Levothyroxine', '¿Surtir'];

const CASES: Case[] = [
  // Z04: results timing, however it is asked.
  { channel: 'msteams', locale: 'en', before: ['where can i see my test results'], then: 'how long does it take for them to show up', expect: ['1 to 3 days'] },
  { channel: 'webchat', locale: 'en', before: ['i want to look at my lab results'], then: 'ok and roughly how many days until they get posted there', expect: ['1 to 3 days'] },
  { channel: 'msteams', locale: 'en', before: ['where can i see my test results'], then: 'so like a day? a week? roughly', expect: ['1 to 3 days'] },
  { channel: 'sms', locale: 'en', before: ['where are my lab results'], then: 'a day or a week, roughly?', expect: ['1 to 3 days'] },
  { channel: 'webchat', locale: 'es', before: ['donde veo mis resultados de laboratorio'], then: '¿y cuánto tarda en que aparezcan ahí mis resultados?', expect: ['1 a 3 días'] },
  { channel: 'msteams', locale: 'es', before: ['donde veo mis resultados de laboratorio'], then: 'como en cuántos días?', expect: ['1 a 3 días'] },
  // Z14: how long a filled prescription is held at the pharmacy (no figure in the profile: ask them).
  { channel: 'webchat', locale: 'en', signedIn: true, before: ['is my prescription ready'], then: 'how long will they hold it for me at the pharmacy', expect: ['hold', '1-800'], never: LIST },
  { channel: 'webchat', locale: 'en', signedIn: true, before: ['whats the status of my refill'], then: 'how many days do i have to pick it up before they put it back', expect: ['hold', '1-800'], never: LIST },
  { channel: 'webchat', locale: 'es', signedIn: true, before: ['ya esta lista mi receta?'], then: '¿cuánto tiempo me la guardan?', expect: ['guarda', '1-800'], never: LIST },
  // Z01: how long a refill takes once asked for.
  { channel: 'webchat', locale: 'en', signedIn: true, before: ['i need a refill', 'yes'], then: 'ok and how long does it usually take once i ask for a refill', expect: ['1 to 2 business days'], never: LIST },
  { channel: 'webchat', locale: 'en', signedIn: true, before: ['i need a refill', 'yes'], then: 'roughly how many days before a refill like that is ready for me', expect: ['1 to 2 business days'], never: LIST },
  { channel: 'webchat', locale: 'es', signedIn: true, before: ['necesito surtir mi receta', 'sí'], then: '¿y como en cuántos días está lista normalmente una vez que la pido?', expect: ['1 a 2 días hábiles'], never: LIST },
];

/** A real symptom right after such an answer keeps its safety answer. */
const SYMPTOM_AFTER = [
  { channel: 'webchat' as const, locale: 'en' as const, before: ['where can i see my test results'], then: 'and how long does it take for this rash to go away', line: NURSE },
  { channel: 'msteams' as const, locale: 'en' as const, before: ['where can i see my test results'], then: 'so like a day? a week? my chest hurts really bad', line: '911' },
  { channel: 'webchat' as const, locale: 'es' as const, before: ['donde veo mis resultados de laboratorio'], then: 'como en cuantos dias se me quita la fiebre?', line: NURSE },
];

/** "Never mind, thanks" right after the nurse line (care options): a polite close, never a booking. */
const CLOSE = [
  { channel: 'msteams' as const, locale: 'en' as const, before: ['i have a sore throat'], then: 'umm ok never mind, thanks' },
  { channel: 'webchat' as const, locale: 'en' as const, before: ['my back hurts a little'], then: 'nah forget it, thank you' },
  { channel: 'webchat' as const, locale: 'es' as const, before: ['me duele la garganta'], then: 'ok olvídelo, gracias' },
];
const BOOKING = ['Who is the appointment for?', '¿Para quién es la cita?'];

const chatFor = (c: { channel: Channel; locale: 'en' | 'es'; signedIn?: boolean }) =>
  c.signedIn ? signedInChat(ALEX.memberId, { locale: c.locale }) : realChat(c.channel, { locale: c.locale });

describe('v19: a "how long" follow-up right after a task answer gets that topic\'s timing (Z01, Z04, Z14)', function () {
  this.timeout(120_000);

  for (const c of CASES) {
    it(`${c.channel} ${c.locale}: "${c.then}" after "${c.before.at(-1)}" gets its timing`, async () => {
      const chat = await chatFor(c);
      for (const said of c.before) await say(chat, c.channel, said);
      const replies = await say(chat, c.channel, c.then);
      hasNot(c.locale, replies, 'symptoms.answer');
      const text = textOf(replies);
      assert.ok(!text.includes(NURSE), `the nurse line, got:\n${text}`);
      for (const part of c.expect) assert.ok(text.includes(part), `expected "${part}", got:\n${text}`);
      for (const part of c.never ?? []) assert.ok(!text.includes(part), `not expected "${part}", got:\n${text}`);
    });
  }

  it('msteams en: the run\'s three turns after the results answer (Z04)', async () => {
    const chat = await realChat('msteams', { locale: 'en' });
    await say(chat, 'msteams', 'where can i see my test results');
    const first = textOf(await say(chat, 'msteams', 'how long does it take for them to show up'));
    assert.ok(first.includes('1 to 3 days'), first);
    const second = textOf(await say(chat, 'msteams', 'so like a day? a week? roughly'));
    assert.ok(!second.includes(NURSE) && !second.includes('Care options'), `the nurse line:\n${second}`);
    const third = textOf(await say(chat, 'msteams', 'umm ok never mind, thanks'));
    assert.ok(!BOOKING.some((b) => third.includes(b)), `a booking:\n${third}`);
  });

  for (const c of SYMPTOM_AFTER) {
    it(`${c.channel} ${c.locale}: "${c.then}" keeps its safety answer`, async () => {
      const chat = await chatFor(c);
      for (const said of c.before) await say(chat, c.channel, said);
      const text = textOf(await say(chat, c.channel, c.then));
      assert.ok(text.includes(c.line), `expected ${c.line}, got:\n${text}`);
    });
  }

  for (const c of CLOSE) {
    it(`${c.channel} ${c.locale}: "${c.then}" after the nurse line closes politely`, async () => {
      const chat = await chatFor(c);
      for (const said of c.before) await say(chat, c.channel, said);
      const text = textOf(await say(chat, c.channel, c.then));
      assert.ok(!BOOKING.some((b) => text.includes(b)), `a booking:\n${text}`);
      assert.ok(text.trim().length > 0, 'no reply');
    });
  }
});
