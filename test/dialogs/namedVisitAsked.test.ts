import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Asking whether one named visit is still on, signed in (newcomer run v14, YZ05: "is the lab one on
 * the 18th still on?" got the whole list): that visit is named first, then the others; a visit
 * that none fits is said, and the visits listed. Alex's sample visits: a video visit with
 * Dr. Maya Chen on Tue, Jun 10 and a lab visit on Tue, Jun 17. Real recognizer, Web Chat.
 */
describe('one visit named when asking about appointments (newcomer run v14)', function () {
  this.timeout(120_000);

  const cases = [
    { locale: 'en' as const, say: 'is the lab one on the 17th still on?', first: /Yes, that one is still on: Tue, Jun 17, 9:30 AM[^\n]*Lab tests/, other: /Your other upcoming appointments:[\s\S]*Dr\. Maya Chen/ },
    { locale: 'en' as const, say: 'is my video visit with dr chen still on?', first: /Yes, that one is still on: Tue, Jun 10, 3:00 PM: video visit with Dr\. Maya Chen/, other: /Your other upcoming appointments:[\s\S]*Lab tests/ },
    { locale: 'es' as const, say: '¿sigue en pie mi cita de laboratorio?', first: /Sí, esa cita sigue en pie: [^\n]*17[^\n]*9:30/, other: /Sus otras próximas citas:[\s\S]*Maya Chen/ },
  ];
  for (const c of cases) {
    it(`${c.locale}: "${c.say}" names that visit first`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      const text = textOf(await chat.say(c.say));
      assert.match(text, c.first);
      assert.match(text, c.other);
    });
  }

  it('en: "is my phone visit still on?" says none fits and lists the visits', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const text = textOf(await chat.say('is my phone visit still on?'));
    assert.match(text, /I couldn't find that one among your upcoming appointments\.[\s\S]*Your upcoming appointments:[\s\S]*Maya Chen[\s\S]*Lab tests/);
  });
});
