import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { hasLink, hasNot, say } from './replyChecks';

/**
 * Newcomer run v15 (YZ11): after a records request's answer, "and the other thing, what about my
 * xrays are those included" got the contact menu, and a rephrase the records menu; the question
 * was never answered. X-rays or scans named right after a records answer are read in that topic:
 * where the reports are and how a request includes the images. Through the whole bot with the
 * real recognizer, English and Spanish.
 */
describe('x-rays asked about after a records answer (newcomer run v15, YZ11)', function () {
  this.timeout(120_000);

  const cases: Array<['webchat' | 'sms', 'en' | 'es', string, string]> = [
    ['webchat', 'en', 'i need my records sent to my new dr, they moved me to a diff clinic', 'and the other thing, what about my xrays are those included'],
    ['sms', 'en', 'i need my records sent to my new dr, they moved me to a diff clinic', 'do my x-rays come with the records?'],
    ['webchat', 'es', 'necesito que manden mi expediente a mi nuevo doctor', 'y las radiografias tambien vienen?'],
  ];
  for (const [channel, locale, records, imaging] of cases) {
    it(`${channel} ${locale}: "${imaging}"`, async () => {
      const chat = await realChat(channel, { locale });
      await say(chat, channel, records);
      const replies = await say(chat, channel, imaging);
      assert.match(textOf(replies), locale === 'en' ? /imaging reports are in your record/ : /otras imágenes son parte de su expediente/);
      hasNot(locale, replies, 'contact.ask.topic');
      hasNot(locale, replies, 'records.ask.topic');
      hasLink(replies, '/medical-records-request');
    });
  }
});
