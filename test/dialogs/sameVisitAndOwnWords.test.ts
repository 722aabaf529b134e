import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

/**
 * A new booking asked right after one (newcomer run v14, YW01): "same thing for my son" /
 * "lo mismo para mi hijo" keeps the kind of care and visit mode of the visit just handled and asks
 * only what is missing; "same thing" there is never "that didn't help". And the words the assistant
 * itself suggests, "una cita para mí" (YZ07), are a new visit for the member, not the
 * new/move/cancel menu. Real recognizer, Web Chat.
 */
describe('a booking asked again, and the words the assistant suggests (newcomer run v14)', function () {
  this.timeout(120_000);

  const BOOKED = { en: ['i need an appointment for my daughter', 'urgent / same day', 'in person', 'tomorrow morning'], es: ['necesito una cita para mi hija', 'urgente / mismo día', 'en persona', 'mañana en la mañana'] };
  const ASKED_AGAIN = /What kind of care|¿Qué tipo de atención|What would you like to do\?|¿Qué le gustaría hacer\?|didn't help|no le sirvió|no sirvió/;

  it('en: "new appointment, same thing for my son but tomorrow afternoon. actually can we do video instead" books urgent care by video', async () => {
    const chat = await realChat('webchat');
    for (const line of BOOKED.en) await chat.say(line);
    const text = textOf(await chat.say('new appointment, same thing for my son but tomorrow afternoon. actually can we do video instead'));
    assert.doesNotMatch(text, ASKED_AGAIN);
    assert.match(text, /Urgent \/ same day, Video, .*in the afternoon/);
  });

  for (const c of [
    { locale: 'en' as const, say: 'same thing for my son', when: /When would you prefer\?/ },
    { locale: 'es' as const, say: 'lo mismo para mi hijo', when: /¿Cuándo prefiere\?/ },
  ]) {
    it(`${c.locale}: "${c.say}" asks only when`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      for (const line of BOOKED[c.locale]) await chat.say(line);
      const text = textOf(await chat.say(c.say));
      assert.doesNotMatch(text, ASKED_AGAIN);
      assert.match(text, c.when);
    });
  }

  for (const say of ['ok entonces una para mi, por video, la semana que viene en la tarde', 'una cita para mí']) {
    it(`es, signed in: "${say}" after the suggestion is a new visit for the member`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
      const first = textOf(await chat.say('quiero sacar una cita para mi mama, le duele la rodilla'));
      assert.match(first, /Diga "una cita para mí"/);
      const text = textOf(await chat.say(say));
      assert.doesNotMatch(text, /¿Qué le gustaría hacer\?/);
      assert.match(text, /¿Qué tipo de atención/);
    });
  }
});
