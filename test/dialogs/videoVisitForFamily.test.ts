import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Follow-up run 9, item 5 (Web Chat, the real recognizer): whose video visit it is, said in the
 * words that opened the video-visits menu or as the answer to it, goes with the booking it starts:
 * "Who is the appointment for?" is not asked again, and "es para mi hija" at the menu is booking.
 */
const WHO = /Who is the appointment for\?|¿Para quién es la cita\?/;
const CARE = /What kind of care do you need\?|¿Qué tipo de atención necesita\?/;

describe('a video visit for a family member (follow-up run 9)', function () {
  this.timeout(120_000);

  const cases: Array<['en' | 'es', string, string]> = [
    ['es', 'ayuda con videoconsultas para mi hija', 'agendar una videoconsulta'],
    ['es', 'videoconsulta', 'es para mi hija'],
    ['en', 'video visit', "it's for my daughter"],
    ['en', 'video visits', 'book a video visit for my son'],
  ];
  for (const [locale, open, answer] of cases) {
    it(`(${locale}) "${open}" then "${answer}": booking by video, not asked who for`, async () => {
      const chat = await realChat('webchat', { locale });
      await chat.say(open);
      const text = textOf(await chat.say(answer));
      assert.doesNotMatch(text, WHO, text);
      assert.match(text, CARE, text);
    });
  }
});
