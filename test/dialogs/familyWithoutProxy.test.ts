import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX, JORDAN } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Booking for a family member while signed in without proxy access to anyone (newcomer run v9,
 * Jordan: "book a checkup for my son" got the kind of care and the time asked, and only then "I can
 * only show your own appointments"): said at once, with what works instead (proxy access, the
 * phone line), before any question that leads nowhere; in both languages, in the request or as
 * the answer to "Who is it for?". A member with proxy access goes on booking. Real recognizer.
 */
describe('booking for a family member without proxy access (newcomer run v9)', function () {
  this.timeout(90_000);

  const QUESTIONS = /How would you like to be seen\?|What kind of care|When would you prefer|¿Cómo prefiere|¿Qué tipo de atención|¿Cuándo prefiere/;
  const NO_PROXY = /can't book for a family member here: your account doesn't have access to act for them \(proxy access\)|no puedo programar una cita para un familiar: su cuenta no tiene acceso/;

  const cases = [
    { locale: 'en' as const, say: ['book a checkup for my son'] },
    { locale: 'en' as const, say: ['i need an appointment', 'for my daughter'] },
    { locale: 'es' as const, say: ['necesito una cita para mi mamá'] },
    { locale: 'es' as const, say: ['quiero hacer una cita', 'es para mi hija'] },
  ];
  for (const c of cases) {
    it(`${c.locale}: "${c.say.join('" / "')}" says at once that it needs proxy access`, async () => {
      const chat = await signedInChat(JORDAN.memberId, { locale: c.locale });
      let replies = await chat.say(c.say[0]!);
      for (const line of c.say.slice(1)) replies = await chat.say(line);
      const text = textOf(replies);
      assert.match(text, NO_PROXY);
      assert.doesNotMatch(text, QUESTIONS);
      assert.match(text, /1-800-555-0100/);
      assert.ok(linksOf(replies).some((l) => l.includes('one-account-per-person')), linksOf(replies).join('\n'));
    });
  }

  it('a member with proxy access goes on booking for them', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const text = textOf(await chat.say('book a checkup for my son'));
    assert.doesNotMatch(text, NO_PROXY);
    assert.match(text, /How would you like to be seen\?/);
  });
});
