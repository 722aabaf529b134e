import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { say } from './replyChecks';

/**
 * After the Member Services line was answered, the follow-up's own question decides the answer
 * (newcomer run v8: SM07 on SMS): when it is open gets the hours, not "The number for Member
 * Services is..." again; where the closest clinic is (a ZIP code, "near") gets the clinic finder's
 * answer, not the hours again. Through the whole bot with the real recognizer; sentences differ
 * from the run's.
 */

const CASES = [
  {
    locale: 'en' as const,
    line: 'can i get the member services phone number',
    hours: 'and when are you open',
    where: 'which clinic is nearest to zip 97214',
    texts: { number: 'The number for', hours: 'Each clinic has its own hours', where: 'Find the nearest clinic' },
  },
  {
    locale: 'es' as const,
    line: 'me da el numero de servicios para miembros',
    hours: 'y cual es su horario',
    where: 'donde queda la clinica mas cercana al 97214',
    texts: { number: 'El número de', hours: 'Cada clínica tiene su propio horario', where: 'Busque la clínica más cercana' },
  },
];

describe('a question about hours or a place after the phone line is answered on its own terms (SM07)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`sms ${c.locale}: hours, then the nearest clinic, after the Member Services number`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      await say(chat, 'sms', c.line);
      const hours = textOf(await say(chat, 'sms', c.hours));
      assert.ok(hours.includes(c.texts.hours), hours);
      assert.ok(!hours.includes(c.texts.number), hours);
      const where = textOf(await say(chat, 'sms', c.where));
      assert.ok(where.includes(c.texts.where), where);
    });
  }
});
