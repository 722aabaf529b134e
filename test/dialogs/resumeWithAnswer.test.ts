import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { signedInChat } from './memberWords';

/**
 * "Do you want to go back to booking your appointment?" answered with the answer the booking was
 * waiting on (newcomer run v7, WJ14 on Web Chat: "yes the 10:30 w haddad" asked "When would you
 * prefer?" again, then "monday 10:30 with dr haddad" listed the times again): what is said with
 * the yes answers the open question (a time, a slot), and a time with a clinician that names one
 * listed time picks it (its confirmation follows). Through the whole bot with the real recognizer,
 * signed in; sentences differ from the run's.
 */

const CASES = [
  {
    locale: 'en' as const,
    steps: ['i want to book a checkup for my daughter', 'in person, mornings work best'],
    detour: 'by the way, do you have classes to quit smoking?',
    offer: /go back to booking your appointment\?/,
    back: 'sure, the 9:00 one with dr chen',
    asked: /When would you prefer\?/,
    picked: /Book an in-person visit on Mon, Jun 9, 9:00 AM with Dr\. Maya Chen/,
    full: 'monday at 9:00 with dr chen',
  },
  {
    locale: 'es' as const,
    steps: ['quiero una cita de chequeo para mi hija', 'en persona, de preferencia en la mañana'],
    detour: 'por cierto, ¿tienen clases para dejar de fumar?',
    offer: /¿Quiere seguir con su nueva cita\?/,
    back: 'sí, la de las 9:00 con la dra chen',
    asked: /¿Cuándo prefiere\?/,
    picked: /9:00.*Maya Chen/,
    full: 'el lunes a las 9:00 con la dra chen',
  },
];

describe('going back to a booking with the answer it was waiting on (WJ14)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`webchat ${c.locale}: "${c.back}" answers the time and narrows the times to that clinician`, async () => {
      const chat = await signedInChat('EH1000001', { locale: c.locale });
      for (const step of c.steps) await chat.say(step);
      const offer = textOf(await chat.say(c.detour));
      assert.match(offer, c.offer, offer);
      const replies = await chat.say(c.back);
      const back = textOf(replies);
      assert.doesNotMatch(back, c.asked, back);
      // Only that clinician's times at 9:00 (one per day), or the one named straight to "Book …?".
      const times = replies.flatMap((r) => r.suggestedActions?.actions.map((a) => String(a.title)) ?? []).filter((t) => /\d:\d\d/.test(t));
      assert.ok(times.length > 0 || c.picked.test(back), back);
      for (const time of times) assert.match(time, /9:00 (?:AM|a\. ?m\.) · Dr\. Maya Chen/, times.join(' | '));
      const picked = textOf(await chat.say(c.full));
      assert.match(picked, c.picked, picked);
    });
  }
});
