import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';

/**
 * Newcomer run v4 (SD11 and the booking requests of the blind plans), with the real recognizer: a
 * request for an appointment that names the kind of care ("appt for a tetanus shot", "turno para
 * la vacuna") or simply wants one ("quiero una cita para mi hija") is a new appointment: no "What
 * would you like to do?", and the kind of care it named is not asked again.
 */
describe('a booking request that names a kind of care books it (newcomer run v4)', function () {
  this.timeout(60_000);

  const namesCare: Array<['webchat' | 'sms', Locale, string, string]> = [
    ['sms', 'en', 'gotta set up an appt for a tetanus shot', 'for me'],
    ['webchat', 'en', 'appointment for bloodwork please', 'myself'],
    ['sms', 'es', 'una cita para la vacuna de la gripe por favor', 'para mí'],
    ['webchat', 'es', 'cita para mamografía', 'yo'],
  ];
  for (const [channel, locale, words, who] of namesCare) {
    it(`${channel} (${locale}): "${words}" asks who it is for, then not the kind of care`, async () => {
      const chat = await realChat(channel, { locale });
      const first = textOf(await chat.say(words));
      assert.ok(!first.includes(promptText(locale, 'appointment.ask.action')), first);
      assert.ok(first.includes(promptText(locale, 'appointment.ask.patient')), first);
      const second = textOf(await chat.say(who));
      assert.ok(!second.includes(promptText(locale, 'appointment.ask.care')), second);
      assert.ok(second.includes(promptText(locale, 'appointment.ask.when')), second);
    });
  }

  const wantsOne: Array<[Locale, string]> = [
    ['en', 'i want an appointment for my wife'],
    ['es', 'quiero una cita para mi esposo'],
  ];
  for (const [locale, words] of wantsOne) {
    it(`sms (${locale}): "${words}" is a new appointment, no "What would you like to do?"`, async () => {
      const text = textOf(await (await realChat('sms', { locale })).say(words));
      assert.ok(!text.includes(promptText(locale, 'appointment.ask.action')), text);
      assert.ok(text.includes(promptText(locale, 'appointment.ask.care')), text);
    });
  }
});
