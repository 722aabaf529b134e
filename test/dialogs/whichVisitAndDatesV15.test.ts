import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Which visit and which dates, newcomer run v15: a move asked for with its new day and no "my" ("se
 * puede mover para el viernes 18?") goes into moving a visit, never the action menu (YW13); a visit
 * named by its day or date ("the tuesday one", "la cita del 17") is that visit, never "who is it
 * for?" (YW13); "later in the week" / "más tarde en la semana" is the days after the visit being
 * moved, to the end of its week, never today (YZ02). Today is Thu Jun 5; Alex's visits: Tue Jun 10
 * 3:00 PM (video, Dr. Chen) and Tue Jun 17 9:30 AM (lab). Real recognizer and dialogs.
 */
describe('which visit and which dates (v15 YW13, YZ02)', function () {
  this.timeout(300_000);

  const named = [
    { locale: 'en' as const, say: 'reschedule the tuesday one', visit: /move your video visit on Tue, Jun 10/ },
    { locale: 'en' as const, say: 'can i change the appointment on the 17th', visit: /move your in-person visit on Tue, Jun 17/ },
    { locale: 'es' as const, say: 'quiero cambiar la cita del 17', visit: /cambiar su consulta en persona del mar, 17 de jun/ },
  ];
  for (const c of named) {
    it(`Web Chat ${c.locale}: "${c.say}" moves that visit, without asking whose it is (YW13)`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      const replies = textOf(await chat.say(c.say));
      assert.match(replies, c.visit);
      assert.doesNotMatch(replies, /Who is the appointment for|Para quién es la cita/);
    });
  }

  for (const [locale, say] of [['es', 'se puede mover para el viernes 20?'], ['en', 'can it be moved to friday the 20th?']] as const) {
    it(`Web Chat ${locale}: "${say}" is moving a visit, not the appointments menu (YW13)`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      const replies = textOf(await chat.say(say));
      assert.doesNotMatch(replies, /What would you like to do|Qué le gustaría hacer|is this about Appointments|se trata de citas/i);
    });
  }

  const later = [
    { locale: 'en' as const, say: 'can i move my appt with dr chen to later in the week' },
    { locale: 'en' as const, say: 'move my video visit to the end of the week' },
    { locale: 'es' as const, say: 'puedo mover mi cita de video para mas tarde en la semana' },
    { locale: 'es' as const, say: 'quiero pasar mi cita de video a finales de semana' },
  ];
  for (const c of later) {
    it(`Web Chat ${c.locale}: "${c.say}" looks after the visit, to the end of its week (YZ02)`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      const replies = await chat.say(c.say);
      const link = linksOf(replies).find((l) => l.includes('action=reschedule')) ?? '';
      assert.ok(link.includes('when=2025-06-11%2F2025-06-15'), `${textOf(replies)} ${link}`);
    });
  }
});
