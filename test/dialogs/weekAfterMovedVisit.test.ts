import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Relative dates said about a visit being moved (newcomer run v10, SN15: at "Cancel the … lab
 * visit?", "wait no keep it. actually can i move it to the week after instead" got the weekend
 * before the visit, one day already past, and a link with no lab reason): "the week after" / "la
 * semana siguiente" / "next week" are read against that visit, never before today, and the visit's
 * reason stays on the link. Real recognizer.
 */
describe('the week after, said when moving a visit at its cancel confirmation (SN15)', function () {
  this.timeout(180_000);

  const cases = [
    { locale: 'en' as const, cancel: 'cancel my appointment', pick: 'the lab one', confirm: /Cancel the in-person visit on Tue, Jun 17/, say: 'wait no keep it. actually can i move it to the week after instead' },
    { locale: 'en' as const, cancel: 'cancel my appointment', pick: 'the lab one', confirm: /Cancel the in-person visit on Tue, Jun 17/, say: "don't cancel it, move it to the following week" },
    { locale: 'es' as const, cancel: 'quiero cancelar mi cita', pick: 'la del laboratorio', confirm: /¿Cancelar la consulta en persona del mar, 17 de jun/, say: 'no espera, no la canceles. mejor muévela a la semana siguiente' },
  ];
  for (const c of cases) {
    it(`Web Chat ${c.locale}: "${c.say}" looks for the week after the visit, with its reason`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.cancel);
      const confirm = textOf(await chat.say(c.pick));
      assert.match(confirm, c.confirm, confirm);
      const replies = await chat.say(c.say);
      const text = textOf(replies);
      const link = linksOf(replies).find((l) => l.includes('/appointments/book')) ?? '';
      assert.match(link, /when=2025-06-23(?:%2F|\/)2025-06-29/, `${text} ${link}`);
      assert.match(link, /reason=tests/, link);
    });
  }
});
