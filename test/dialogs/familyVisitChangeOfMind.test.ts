import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Moving a family member's visit by SMS, then cancelling it instead (newcomer run v9, SH10): the
 * possessive ("my dad's visit") names the family member, so the page is for them with the proxy
 * note; "actually just cancel it" right after the answer cancels that same visit, for the same
 * person; it is not the missed-visit fee ("feeling" is no "fee"). Real recognizer.
 */
describe('moving then cancelling a family member visit by SMS (newcomer run v9)', function () {
  this.timeout(90_000);

  const cases = [
    { locale: 'en' as const, move: 'i have to push my dads appointment to monday', cancel: 'actually lets just cancel it, hes feeling fine now' },
    { locale: 'es' as const, move: 'necesito pasar la cita de mi papá para el lunes', cancel: 'mejor cancélala, ya no la necesita' },
  ];
  for (const c of cases) {
    it(`${c.locale}: the move and then the cancel are both for the family member`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      const moved = await chat.say(c.move);
      assert.ok(linksOf(moved).some((l) => l.includes('for=family') && l.includes('action=reschedule')), linksOf(moved).join('\n'));
      const cancelled = await chat.say(c.cancel);
      const text = textOf(cancelled);
      assert.doesNotMatch(text, /fee|cargo/i);
      assert.doesNotMatch(text, /When would you prefer|¿Cuándo prefiere/);
      assert.ok(linksOf(cancelled).some((l) => l.includes('action=cancel') && l.includes('for=family')), linksOf(cancelled).join('\n'));
    });
  }
});
