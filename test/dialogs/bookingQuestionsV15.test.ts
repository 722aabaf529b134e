import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Questions inside booking and moving, newcomer run v15. Today is Thu Jun 5; Alex's visits: Tue
 * Jun 10 3:00 PM (video, Dr. Chen) and Tue Jun 17 9:30 AM (lab). Real recognizer and dialogs.
 */
describe('questions inside booking and moving (v15 YZ02, YX08)', function () {
  this.timeout(300_000);

  const stillOn = [
    { locale: 'en' as const, move: 'move my video visit to later in the week', keep: 'actually nvm ill keep the tuesday one. its still on right?', yes: /Yes.*still on.*Tue, Jun 10/s },
    { locale: 'en' as const, move: 'move my video visit to later in the week', keep: 'never mind, i will keep it. is it still happening?', yes: /Yes.*still on.*Tue, Jun 10/s },
    { locale: 'es' as const, move: 'quiero mover mi cita de video para mas tarde en la semana', keep: 'olvidalo, me quedo con la del martes. sigue en pie verdad?', yes: /Sí.*mar, 10 de jun/s },
  ];
  for (const c of stillOn) {
    it(`Web Chat ${c.locale}: "${c.keep}" after a move's answer says yes, the visit is still on (YZ02)`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.move);
      const replies = textOf(await chat.say(c.keep));
      assert.match(replies, c.yes);
    });
  }

  const weekdayAfter = [
    { locale: 'en' as const, move: 'move my lab appointment', when: 'the monday after that, morning', link: 'when=2025-06-23&time=morning' },
    { locale: 'en' as const, move: 'move my lab appointment', when: 'the friday after', link: 'when=2025-06-20' },
    { locale: 'es' as const, move: 'quiero cambiar mi cita de laboratorio', when: 'el lunes siguiente en la mañana', link: 'when=2025-06-23&time=morning' },
    { locale: 'es' as const, move: 'quiero cambiar mi cita de laboratorio', when: 'el viernes después de eso', link: 'when=2025-06-20' },
  ];
  for (const c of weekdayAfter) {
    it(`Web Chat ${c.locale}: "${c.when}" while moving is that weekday after the visit (YX08)`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.move);
      const replies = await chat.say(c.when);
      const link = linksOf(replies).find((l) => l.includes('action=reschedule')) ?? '';
      assert.ok(link.includes(c.link), `${textOf(replies)} ${link}`);
    });
  }
});
