import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog, promptText } from './support';

/** Alex on Teams: the sample data maps this Entra ID object id to Alex Rivera. */
const TEAMS_ALEX = { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' };

/**
 * A question already answered in a task is not asked again (newcomer run W15, T01): not when the
 * member goes back to a paused task in their own words, and not "Who is the appointment for?"
 * for the next appointment task right after one that asked it.
 */
describe('a question already answered is not asked again (newcomer run W15, T01)', function () {
  this.timeout(60_000);

  const cases = [
    {
      locale: 'en' as const,
      cancel: 'cancel my appointment',
      detour: 'wait actually can i check my refills first',
      status: 'Check status',
      back: 'ok back to cancelling, the lab one',
      confirm: /Cancel the in-person visit on .*9:30 AM \(Lab tests\)\?/,
      list: 'what appts do i have coming up',
      move: 'can i switch the video one to in person',
    },
    {
      locale: 'es' as const,
      cancel: 'quiero cancelar mi cita',
      detour: 'espera, primero quiero revisar mis recetas',
      status: 'Ver el estado',
      back: 'bueno, volvamos a cancelar la cita, la del laboratorio',
      confirm: /¿Cancelar la consulta en persona del .*9:30/,
      list: 'que citas tengo pronto',
      move: 'puedo cambiar la cita de video a presencial',
    },
  ];

  for (const c of cases) {
    it(`Web Chat ${c.locale}: going back to a paused cancellation in the member's words ("${c.back}") asks neither "yes?" nor who it is for`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      const which = await chat.say(c.cancel);
      assert.ok(textOf(which).includes(promptText(c.locale, 'appointment.live.pickCancel')), textOf(which));
      await chat.say(c.detour);
      const offer = await chat.say(c.status);
      assert.ok(textOf(offer).includes(promptText(c.locale, 'main.resume.ask')), textOf(offer));
      const back = await chat.say(c.back);
      assert.doesNotMatch(textOf(back), new RegExp(promptText(c.locale, 'appointment.ask.patient').replace(/[?¿]/g, '.')));
      assert.match(textOf(back), c.confirm);
    });

    it(`Teams ${c.locale}: "who is it for?" answered for the list is not asked again to move a visit just listed`, async () => {
      const chat = await realChat('msteams', { locale: c.locale, from: TEAMS_ALEX });
      // "what appts do I have" is about the member's own (newcomer run v5, SF08): the list at once.
      const list = await chat.say(c.list);
      assert.ok(!textOf(list).includes(catalog.text(c.locale, 'appointment.ask.patient')), textOf(list));
      assert.ok(textOf(list).includes(catalog.text(c.locale, 'appointment.live.listIntro')), textOf(list));
      const next = await chat.say(c.move);
      assert.ok(!textOf(next).includes(catalog.text(c.locale, 'appointment.ask.patient')), textOf(next));
      assert.ok(textOf(next).includes(promptText(c.locale, 'appointment.ask.whenMove')), textOf(next));
    });
  }
});
