import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { hasNot, say } from './replyChecks';

/**
 * Newcomer run v17, through the whole bot with the real recognizer and safety triage (the run's
 * sentences and others with the same meaning): a plain follow-up right after a task's answer is
 * read in that answer's light, never as a symptom (the nurse line, an e-visit, a same-day visit).
 * - Z01: right after the refill answer (a refill ordered, a second topic answered after it), "and
 *   how long does that take?" gets the refill's timing.
 * A real symptom said right after such an answer ("and my chest hurts now") keeps its safety answer.
 */

type Channel = 'webchat' | 'msteams' | 'sms';
type Case = { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string; expect: string[] };

const NURSE = '1-800-555-0111';
const EMERGENCY = '911';

/** Z01: how long, right after a refill ordered, with a second topic answered after it. */
const REFILL_TIMING: Case[] = [
  {
    channel: 'webchat', locale: 'en',
    before: ['hi so ive been with you guys for like 3 yrs and my pharmacy changed names and honestly im confused but anyway i need my lisinopril refilled', 'refill now'],
    then: 'and how long does that take?', expect: ['1 to 2 business days'],
  },
  {
    channel: 'msteams', locale: 'en',
    before: ['hi so ive been with you guys for like 3 yrs and my pharmacy changed names and honestly im confused but anyway i need my lisinopril refilled', 'refill now'],
    then: 'how long will that be?', expect: ['1 to 2 business days'],
  },
  { channel: 'webchat', locale: 'en', before: ['i need to refill my prescription', 'refill now'], then: 'ok how long until its ready', expect: ['1 to 2 business days'] },
  { channel: 'sms', locale: 'en', before: ['i need to refill my prescription', 'refill now'], then: 'how long does it take', expect: ['1 to 2 business days'] },
  {
    channel: 'webchat', locale: 'es',
    before: ['quiero surtir mi receta', 'surtir ahora'],
    then: '¿y cuánto tarda?', expect: ['1 a 2 días hábiles'],
  },
  {
    channel: 'msteams', locale: 'es',
    before: ['necesito surtir mi receta', 'surtir ahora'],
    then: 'y cuanto tiempo se tarda eso?', expect: ['1 a 2 días hábiles'],
  },
];

/** A real symptom right after a task's answer keeps its safety answer. */
const SYMPTOM_AFTER: { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string; line: string }[] = [
  { channel: 'webchat', locale: 'en', before: ['i need to refill my prescription', 'refill now'], then: 'and my chest hurts now', line: EMERGENCY },
  // After two requests answered in one turn (the refill, then the pharmacy's line), as in Z01.
  {
    channel: 'webchat', locale: 'en',
    before: ['hi so ive been with you guys for like 3 yrs and my pharmacy changed names and honestly im confused but anyway i need my lisinopril refilled', 'refill now'],
    then: 'and my chest hurts now', line: EMERGENCY,
  },
  {
    channel: 'msteams', locale: 'en',
    before: ['hi so ive been with you guys for like 3 yrs and my pharmacy changed names and honestly im confused but anyway i need my lisinopril refilled', 'refill now'],
    then: 'and how long does it take for this rash to go away', line: NURSE,
  },
  { channel: 'sms', locale: 'en', before: ['i got new insurance through work how do i update it'], then: 'and my chest hurts now', line: EMERGENCY },
  { channel: 'webchat', locale: 'es', before: ['hola mi receta sigue pendiente desde el lunes'], then: 'y ahora me duele el pecho', line: EMERGENCY },
  { channel: 'sms', locale: 'es', before: ['tengo seguro nuevo del trabajo como lo actualizo'], then: 'y tengo fiebre desde ayer', line: NURSE },
  { channel: 'msteams', locale: 'en', before: ['my refill is still pending since monday'], then: 'its the metformin, it makes me dizzy and i threw up twice', line: NURSE },
];

describe('v17: a plain follow-up right after a task answer is read in its light, never as a symptom (Z01)', function () {
  this.timeout(120_000);

  const run = async (c: { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string }) => {
    const chat = await realChat(c.channel, { locale: c.locale });
    for (const said of c.before) await say(chat, c.channel, said);
    return say(chat, c.channel, c.then);
  };

  for (const c of REFILL_TIMING) {
    it(`${c.channel} ${c.locale}: "${c.then}" after "${c.before.at(-1)}" is answered on that task`, async () => {
      const replies = await run(c);
      hasNot(c.locale, replies, 'symptoms.answer');
      const text = `${textOf(replies)}\n${JSON.stringify(replies.flatMap((r) => r.attachments ?? []))}`;
      assert.ok(!text.includes(NURSE), `the nurse line, got:\n${text}`);
      for (const part of c.expect) assert.ok(text.includes(part), `expected "${part}", got:\n${text}`);
    });
  }

  for (const c of SYMPTOM_AFTER) {
    it(`${c.channel} ${c.locale}: "${c.then}" after a task answer keeps its safety answer`, async () => {
      const replies = await run(c);
      const text = textOf(replies);
      assert.ok(text.includes(c.line), `expected the safety answer (${c.line}), got:\n${text}`);
    });
  }
});
