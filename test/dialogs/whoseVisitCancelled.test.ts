import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Cancelling a child's visit, signed in as the parent (newcomer run v9, TK04/TK05): "Cancel the
 * in-person visit on … with Dr. Priya Patel?" never said whose visit it was, and the member had to
 * ask "that one is sam's right?". The confirmation names the person when the visit is not the
 * member's own. Sam's visit in the sample data: Sun Jun 8, 10:00 AM with Dr. Priya Patel.
 */
describe('cancelling a family member\'s visit names whose it is (newcomer run v9, TK04)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'en' as const, cancel: 'i need to cancel my sons appointment', named: /Cancel the in-person visit on Sun, Jun 8, 10:00 AM with Dr\. Priya Patel \(Vaccines\) for Sam\?/ },
    { locale: 'es' as const, cancel: 'necesito cancelar la cita de mi hijo', named: /Cancelar la .* del dom, 8 de jun, 10:00 a\.\s?m\. con Dr\. Priya Patel \(Vacunas\) para Sam\?/ },
  ];

  for (const c of cases) {
    it(`Web Chat ${c.locale}: "Cancel …?" says the visit is Sam's`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      const confirm = await chat.say(c.cancel);
      assert.match(textOf(confirm), c.named, textOf(confirm));
    });
  }
});
