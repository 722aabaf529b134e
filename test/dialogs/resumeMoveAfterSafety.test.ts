import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { signedInChat } from './memberWords';

/**
 * Going back to moving a visit after a crisis answer, with the new time in the same message
 * (newcomer run v13, YW06: "can we finish moving the appt, next tues afternoon" got "OK, back to
 * rescheduling your appointment." then "OK, your appointment stays as it is. Nothing was
 * changed."): the move goes on with what was said, never ends as kept. Through the whole bot with
 * the real recognizer and safety triage, signed in; sentences differ from the run's.
 */

const CASES = [
  {
    locale: 'en' as const,
    steps: ['i need to cancel my appointment', 'the first one', 'actually wait dont cancel it, can i move it to another day instead'],
    crisis: 'whats even the point anymore, everyone would be better off if i just wasnt around',
    back: 'im not gonna do anything. just tired. can we finish moving the appt, next tues afternoon',
  },
  {
    locale: 'es' as const,
    steps: ['necesito cancelar mi cita', 'la primera', 'mejor no la cancele, ¿la puedo cambiar a otro día?'],
    crisis: 'ya no le veo sentido a nada, todos estarían mejor si yo no estuviera',
    back: 'no voy a hacer nada, solo estoy cansada. ¿podemos terminar de cambiar la cita? el próximo martes en la tarde',
  },
];

describe('going back to moving a visit after a safety answer, with the new time (YW06)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`webchat ${c.locale}: "${c.back}" goes on moving with that day and time`, async () => {
      const chat = await signedInChat('EH1000001', { locale: c.locale });
      for (const step of c.steps) await chat.say(step);
      const crisis = textOf(await chat.say(c.crisis));
      assert.match(crisis, /988/, crisis);
      const replies = await chat.say(c.back);
      const back = textOf(replies);
      assert.match(back, /988/, back);
      assert.doesNotMatch(back, /Nothing was changed|No se cambió nada|stays as it is|queda como está/i, back);
      // Neither the time nor the visit (chosen before the crisis answer) is asked again.
      assert.doesNotMatch(back, /When would you prefer|¿Cuándo prefiere|Which appointment|¿Qué cita/, back);
      const link = linksOf(replies).find((l) => /action=reschedule/.test(l)) ?? '';
      assert.match(link, /when=2025-06-10&time=afternoon/, linksOf(replies).join(' | '));
    });
  }
});
