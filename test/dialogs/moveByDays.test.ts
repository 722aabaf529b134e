import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * "move it a day earlier" with one upcoming visit left (newcomer run v9: the time was asked again,
 * "When would you prefer…?"): that visit, the day before, at its own time; in both languages.
 * Alex cancels the lab visit first, so the video visit on Tue, Jun 10, 3:00 PM is the only one.
 */
describe('moving the one upcoming visit by days from its own (newcomer run v9)', function () {
  this.timeout(90_000);

  const cases = [
    { locale: 'en' as const, cancel: ['cancel my lab appointment', 'yes'], move: 'move it a day earlier', done: /looking for Monday, June 9, 3:00 PM/ },
    { locale: 'es' as const, cancel: ['cancela mi cita de laboratorio', 'si'], move: 'quiero mover mi cita un día antes', done: /buscando lunes, 9 de junio, 3:00 p\.\s?m\./ },
  ];
  for (const c of cases) {
    it(`${c.locale}: "${c.move}" is the visit's day before, not asked again`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      for (const line of c.cancel) await chat.say(line);
      const replies = await chat.say(c.move);
      const text = textOf(replies);
      assert.doesNotMatch(text, /When would you prefer|¿Cuándo prefiere|Which appointment|¿Qué cita/);
      assert.match(text, c.done);
      assert.ok(linksOf(replies).some((l) => l.includes('2025-06-09')), linksOf(replies).join('\n'));
    });
  }
});
