import assert from 'node:assert/strict';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

/** Alex on Teams: the sample data maps this Entra ID object id to Alex Rivera. */
const TEAMS_ALEX = { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' };

/**
 * "same time is fine" while moving a visit (newcomer run T01) keeps the time of day, and the
 * clinician, of the visit being moved; a new booking is never offered "Same time".
 */
describe('"same time" while moving a visit keeps its time and clinician (newcomer run T01)', function () {
  this.timeout(60_000);

  const cases = [
    { locale: 'en' as const, list: 'what appts do i have coming up', myself: 'Myself', move: 'can i switch the video one to in person', same: 'same time is fine', done: /move your video visit on .*3:00 PM with Dr\. Maya Chen to an in-person visit, looking for .*, 3:00 PM with Dr\. Maya Chen/ },
    { locale: 'es' as const, list: 'que citas tengo pronto', myself: 'Para mí', move: 'quiero cambiar mi cita con la dra chen', same: 'a la misma hora', done: /cambiar su consulta por video del .*3:00 p\.\s?m\. con Dr\. Maya Chen, buscando .*3:00 p\.\s?m\. con Dr\. Maya Chen/ },
  ];

  for (const c of cases) {
    it(`Teams ${c.locale}: "${c.same}" is understood, and the page looks for the visit's time`, async () => {
      const chat = await realChat('msteams', { locale: c.locale, from: TEAMS_ALEX });
      // The list is the member's own (newcomer run v5, SF08): "who is it for?" is not asked.
      await chat.say(c.list);
      const when = await chat.say(c.move);
      assert.ok(textOf(when).includes(promptText(c.locale, 'appointment.ask.whenMove')), textOf(when));
      assert.ok(choicesOf(when).includes(catalog.text(c.locale, 'options.appointment.when.sameTime')), choicesOf(when).join(' | '));
      const done = await chat.say(c.same);
      assert.ok(!textOf(done).includes(catalog.text(c.locale, 'appointment.when.unclear')), textOf(done));
      assert.match(textOf(done), c.done);
      assert.ok(linksOf(done).some((l) => l.includes('time=15%3A00') && l.includes('action=reschedule')), linksOf(done).join('\n'));
    });

    it(`Teams ${c.locale}: a new booking is not offered "same time"`, async () => {
      const chat = await realChat('msteams', { locale: c.locale, from: TEAMS_ALEX });
      await chat.say(c.locale === 'en' ? 'book a flu shot' : 'necesito programar una cita nueva para la vacuna de la gripe');
      const when = await chat.say(c.myself);
      assert.ok(textOf(when).includes(promptText(c.locale, 'appointment.ask.when')), textOf(when));
      assert.ok(!choicesOf(when).includes(catalog.text(c.locale, 'options.appointment.when.sameTime')), choicesOf(when).join(' | '));
    });
  }
});
