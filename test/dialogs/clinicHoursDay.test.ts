import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasLink, hasNot, say } from './replyChecks';

/**
 * When a clinic is open on a day (newcomer run v11b, XS12: "a q hora abren la clinica el sabado"
 * got the 24/7 phone line first, and "la de downtown" was ignored). The profile holds no clinic's
 * hours: the answer says plainly that hours differ by clinic and on weekends, names the day, gives
 * the clinic finder and the phone line, and claims no hours; a clinic or area named right after is
 * the same question narrowed (that clinic's hours are on the finder), not where it is. Through the
 * whole bot with the real recognizer, SMS and Web Chat, English and Spanish.
 */
describe('a clinic\'s hours on a day, and the clinic named after (newcomer run v11b, XS12)', function () {
  this.timeout(120_000);

  const cases: Array<['webchat' | 'sms', 'en' | 'es', string, RegExp, string]> = [
    ['sms', 'es', 'a q hora abren la clinica el sabado', /para el sábado/, 'la de downtown'],
    ['webchat', 'es', 'la clinica abre los domingos?', /para el domingo/, 'y la de downtown?'],
    ['webchat', 'en', 'what time does the clinic open on saturday', /for Saturday/, 'the one on main st'],
    ['sms', 'en', 'is the office open sunday', /for Sunday/, 'downtown'],
  ];
  for (const [channel, locale, words, day, clinic] of cases) {
    it(`${channel} ${locale}: "${words}" then "${clinic}"`, async () => {
      const chat = await realChat(channel, { locale });
      const hours = await say(chat, channel, words);
      assert.match(textOf(hours), day);
      assert.match(textOf(hours), /1-800-555-0100/);
      assert.doesNotMatch(textOf(hours), /\d{1,2}(:\d\d)? ?(a\. ?m\.|p\. ?m\.|am|pm)/i, 'no clinic hours are claimed');
      hasNot(locale, hours, 'contact.answer.hours');
      hasLink(hours, '/locations');
      const narrowed = await say(chat, channel, clinic);
      has(locale, narrowed, 'followUp.about.placeHours');
      hasNot(locale, narrowed, 'contact.answer.location');
      hasLink(narrowed, '/locations');
    });
  }

  it('webchat en: "what are your hours" (no clinic, no day) is still the phone line\'s hours', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    has('en', await say(chat, 'webchat', 'what are your hours'), 'contact.answer.hours');
  });

  it('webchat en: "where is the one on main st" after the hours is still where it is', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await say(chat, 'webchat', 'is the clinic open saturday');
    hasNot('en', await say(chat, 'webchat', 'whats the address of the one on main st'), 'followUp.about.placeHours');
  });
});
