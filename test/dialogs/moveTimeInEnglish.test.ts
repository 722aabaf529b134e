import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

/**
 * The answer about moving a visit says the time kept in the member's language (newcomer run v7,
 * WJ02 on Web Chat: the English reply said "15:00"): English texts write "3:00 PM" and Spanish
 * texts "3:00 p.m.", never a 24-hour time, whatever the answer (moving a visit, the portal's page
 * for a new one). Real recognizer; sentences differ from the run's.
 */
describe('the time kept while moving a visit, in English words (WJ02)', function () {
  this.timeout(180_000);

  it('Web Chat en: "the same time of day" says 3:00 PM, not 15:00', async () => {
    const chat = await signedInChat(ALEX.memberId);
    await chat.say('please move my appointment to next week');
    await chat.say('the video appointment with dr chen');
    const text = textOf(await chat.say('the same time of day works for me'));
    assert.match(text, /looking for .*, 3:00 PM with Dr\. Maya Chen/, text);
    assert.ok(!/\b15:00\b/.test(text), text);
  });

  it('Web Chat es: "a la misma hora" says 3:00 p.m., not 15:00', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
    await chat.say('necesito mover mi cita para la semana que viene');
    await chat.say('la que tengo con la dra chen');
    const text = textOf(await chat.say('me queda bien a la misma hora'));
    assert.match(text, /buscando .*, 3:00 p\.\s?m\. con Dr\. Maya Chen/, text);
    assert.ok(!/\b15:00\b/.test(text), text);
  });

  const asked = [
    { locale: 'en' as const, say: ['I want to make an appointment for myself', 'primary care', 'video', 'next friday at 4:30pm'], time: /4:30 PM/ },
    { locale: 'es' as const, say: ['quiero hacer una cita para mí', 'atención primaria', 'por video', 'el viernes que viene a las 4:30 de la tarde'], time: /4:30 p\.\s?m\./ },
  ];
  for (const c of asked) {
    it(`Web Chat ${c.locale}, not signed in: a new visit's page says the time asked in 12-hour words`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      let text = '';
      for (const line of c.say) text = textOf(await chat.say(line));
      assert.match(text, c.time, text);
      assert.ok(!/\b16:30\b/.test(text), text);
    });
  }
});
