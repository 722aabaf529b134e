import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { say } from './replyChecks';

/**
 * Newcomer run v20 (SMS, Spanish), through the whole bot with the real recognizer and safety
 * triage: a mother booking for her 5-year-old (a rash with fever, the nurse line given) asked at
 * "¿Cómo prefiere que le atiendan?" "es grave? lo llevo a urgencias o me espero a la cita? no
 * tengo carro" and got "No tengo eso entre estas opciones" and the same menu. A question whether a
 * sign is serious, or whether to go to the ER or wait, said at any question of a task, is a health
 * question: the nurse line and 911 if it gets worse, then the task may go on; never the bare
 * "not among these choices" reprompt, nor another topic's menu.
 */

type Channel = 'webchat' | 'sms';
type Locale = 'en' | 'es';
const NURSE = '1-800-555-0111';
const NOT_AN_OPTION = { en: "I don't have that among these choices", es: 'No tengo eso entre estas opciones' };
const OTHER_MENU = { en: /What do you need about your bill|How can I help you reach us/, es: /Qué necesita sobre su factura|Cómo le ayudo a comunicarse/ };

const BOOKING: Record<Locale, string[]> = {
  en: ['hi i need an appt for my son', 'my son, hes 5', 'he has a rash and a fever'],
  es: ['hola necesito cita para mi hijo', 'para mi hijo de 5 años', 'le salio un sarpullido y tiene fiebre'],
};
/** At "What kind of care do you need?", before any symptom was said. */
const AT_CARE: Record<Locale, string[]> = {
  en: ['hi i need an appt for my daughter', 'my daughter, shes 4'],
  es: ['hola necesito una cita para mi hija', 'para mi hija de 4 años'],
};

/** At the refill's "Which prescription?". */
const AT_REFILL: Record<Locale, string[]> = { en: ['i need to refill my prescription'], es: ['quiero surtir mi receta'] };

const CASES: { channel: Channel; locale: Locale; before: Record<Locale, string[]>; then: string }[] = [
  // The newcomer's message, then others with the same meaning.
  { channel: 'sms', locale: 'es', before: BOOKING, then: 'es grave? lo llevo a urgencias o me espero a la cita? no tengo carro' },
  { channel: 'sms', locale: 'es', before: BOOKING, then: '¿es grave?' },
  { channel: 'sms', locale: 'es', before: BOOKING, then: '¿la llevo al hospital?' },
  { channel: 'sms', locale: 'es', before: BOOKING, then: 'tengo que ir a la sala de emergencias?' },
  { channel: 'sms', locale: 'es', before: BOOKING, then: 'lo llevo a urgencias o espero a la cita?' },
  { channel: 'sms', locale: 'es', before: BOOKING, then: 'puede esperar hasta el lunes o lo llevo ya?' },
  { channel: 'webchat', locale: 'es', before: BOOKING, then: 'oiga y eso es grave? debo llevarlo a emergencias?' },
  { channel: 'webchat', locale: 'es', before: AT_CARE, then: 'es grave? la llevo al hospital o espero?' },
  { channel: 'sms', locale: 'en', before: BOOKING, then: 'should i take him to the ER or wait for the appointment?' },
  { channel: 'sms', locale: 'en', before: BOOKING, then: 'do I need to go to the emergency room?' },
  { channel: 'sms', locale: 'en', before: BOOKING, then: 'is this serious?' },
  { channel: 'sms', locale: 'en', before: BOOKING, then: 'can this wait until monday?' },
  { channel: 'webchat', locale: 'en', before: AT_CARE, then: 'is it serious? should i take her to the hospital or wait' },
  { channel: 'webchat', locale: 'en', before: BOOKING, then: 'do we need to go to urgent care tonight or can it wait?' },
  { channel: 'sms', locale: 'en', before: BOOKING, then: 'what if it gets worse tonight' },
  { channel: 'sms', locale: 'es', before: BOOKING, then: 'y si empeora en la noche?' },
  { channel: 'sms', locale: 'en', before: AT_REFILL, then: 'my son is wheezy, can it wait until monday or do i take him to urgent care' },
  { channel: 'sms', locale: 'es', before: AT_REFILL, then: 'mi hija tiene la cara hinchada, la llevo a urgencias o espero?' },
];

/** Off-menu text with a safety signal (no outcome, the triage unsure): the safety line, 911 first, never the bare reprompt. */
const SIGNAL: { channel: Channel; locale: Locale; then: string }[] = [
  { channel: 'sms', locale: 'en', then: 'i dont feel safe' },
  { channel: 'webchat', locale: 'en', then: 'i dont feel safe' },
];

describe('v20: "is it serious? ER or wait?" at a question of a task gets the nurse line and 911, never "not among these choices"', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`${c.channel} ${c.locale}: "${c.then}"`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      for (const line of c.before[c.locale]) await say(chat, c.channel, line);
      const text = textOf(await say(chat, c.channel, c.then));
      assert.ok(text.includes(NURSE), `no nurse line:\n${text}`);
      assert.ok(text.includes('911'), `no 911:\n${text}`);
      assert.ok(!text.includes(NOT_AN_OPTION[c.locale]), `"not among these options":\n${text}`);
      assert.doesNotMatch(text, OTHER_MENU[c.locale], `another topic's menu:\n${text}`);
      // The booking is not lost: a plain answer to the question goes on.
      const next = textOf(await say(chat, c.channel, c.channel === 'sms' ? '2' : c.locale === 'es' ? 'por video' : 'video'));
      assert.ok(!next.includes(NOT_AN_OPTION[c.locale]), `the task after it:\n${next}`);
    });
  }
  for (const c of SIGNAL) {
    it(`${c.channel} ${c.locale}: "${c.then}" (a safety signal) gets the safety line first`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      for (const line of BOOKING[c.locale]) await say(chat, c.channel, line);
      const text = textOf(await say(chat, c.channel, c.then));
      assert.ok(text.startsWith(c.locale === 'es' ? 'Si es una emergencia, llame al 911' : 'If this is an emergency, call 911'), text);
      assert.ok(!text.includes(NOT_AN_OPTION[c.locale]), `"not among these options":\n${text}`);
    });
  }
});
