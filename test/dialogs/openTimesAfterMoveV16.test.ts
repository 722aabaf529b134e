import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { hasNot, say, type Replies } from './replyChecks';

/**
 * Newcomer run v16, W14, through the whole bot with the real recognizer: right after the page to
 * move (or book) a visit, set to the day and time the member gave, "what times do u have?" is
 * answered (this chat does not see the open times: the page, set to that day, and the phone line),
 * never "When would you prefer?"; "didnt i already say wed morning?" gets the day said back and
 * why, never the first answer word for word; "so u cant see the times?" is not the question again.
 */

type Case = { channel: 'webchat' | 'msteams' | 'sms'; locale: 'en' | 'es'; move: string; day: RegExp; follow: string[] };

const CASES: Case[] = [
  // The newcomer's own words.
  { channel: 'webchat', locale: 'en', move: 'can i move my appt from tmrw to like next wed morning', day: /Wednesday, June 11, in the morning/, follow: ['what times do u have?', 'didnt i already say wed morning?', 'so u cant see the times? ok whatever'] },
  // Same meaning, other words.
  { channel: 'webchat', locale: 'en', move: 'i need to reschedule my appointment to thursday afternoon', day: /Thursday, June 5, in the afternoon/, follow: ['which slots are open?', 'i told you thursday afternoon', 'so you cant show me the times?'] },
  { channel: 'sms', locale: 'en', move: 'need to change my appt to friday morning', day: /Friday, June 6, in the morning/, follow: ['any openings?', 'what times are available'] },
  { channel: 'msteams', locale: 'en', move: 'push my visit to next monday afternoon please', day: /Monday, June 9, in the afternoon/, follow: ['what times do you have open', 'i already said monday afternoon'] },
  { channel: 'webchat', locale: 'es', move: 'quiero cambiar mi cita para el miercoles en la mañana', day: /miércoles, 11 de junio, por la mañana/, follow: ['que horarios tienen?', 'ya le dije el miercoles en la mañana', 'entonces no puede ver los horarios?'] },
  { channel: 'sms', locale: 'es', move: 'necesito mover mi cita al viernes en la tarde', day: /viernes, 6 de junio, por la tarde/, follow: ['que horas hay disponibles?', 'ya te dije el viernes en la tarde'] },
];

const CANT_SEE = { en: /can't see the open times/, es: /no puedo ver los horarios disponibles/ };
const PHONE = /1-800-555-0100/;

describe('v16 W14: open times asked right after the page to move a visit', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`${c.channel} ${c.locale}: "${c.move}" then ${c.follow.map((f) => `"${f}"`).join(', ')}`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const page = await say(chat, c.channel, c.move);
      assert.match(textOf(page), c.day);
      let before: Replies = page;
      for (const [i, message] of c.follow.entries()) {
        const replies = await say(chat, c.channel, message);
        const text = textOf(replies);
        hasNot(c.locale, replies, 'appointment.ask.when');
        hasNot(c.locale, replies, 'appointment.ask.action');
        assert.notEqual(text, textOf(before), `the same reply twice in a row to "${message}"`);
        assert.match(text, PHONE, `no phone line for "${message}":\n${text}`);
        if (i < 2) {
          assert.match(text, CANT_SEE[c.locale], `"${message}":\n${text}`);
          assert.ok(linksOf(replies).some((l) => l.includes('action=reschedule') && l.includes('time=')), linksOf(replies).join(' '));
        }
        if (i === 1) assert.match(text, c.day, `the day given not said back to "${message}":\n${text}`);
        before = replies;
      }
    });
  }
});
