import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';

/**
 * Newcomer run v11, XP01 (Web Chat, anonymous): "i need to get my son in for an ear infection
 * asap" got the nurse line and the same-day visit; "tomorrow morning would work, in person pls"
 * then asked "What kind of care do you need?" as if the illness had not been said, and "does it
 * let me pick his name" got the generic help. An illness now fills the kind of care (urgent /
 * same day), said before or in the request itself, in English and Spanish; a kind of care named
 * wins; whether the booking page lets them pick the child is answered (who the visit is for, with
 * proxy access).
 */
describe('a booking for an illness now is urgent care, and picking the child is answered (newcomer run v11, XP01)', function () {
  this.timeout(300_000);

  const afterNurseLine = [
    { es: false, open: 'hi i need to get my son in for an ear infection asap', then: 'tomorrow morning would work, in person pls', care: /Urgent \/ same day/ },
    { es: true, open: 'mi hijo tiene una infeccion de oido, necesito que lo vean lo antes posible', then: 'mañana por la mañana', care: new RegExp(promptText('es', 'appointment.ask.mode')) },
  ];
  for (const c of afterNurseLine) {
    it(`webchat ${c.es ? 'es' : 'en'}: after the nurse line, "${c.then}" books an urgent visit`, async () => {
      const chat = await realChat('webchat', { locale: c.es ? 'es' : 'en' });
      await chat.say(c.open);
      const text = textOf(await chat.say(c.then));
      assert.ok(!text.includes(promptText(c.es ? 'es' : 'en', 'appointment.ask.care')), text);
      assert.match(text, c.care, text);
    });
  }

  const inRequest = [
    { es: true, open: 'hola necesito una cita para mi hijo, tiene infeccion de oido, lo antes posible' },
    { es: false, open: 'i need an appointment for my daughter, she has had a fever since last night' },
  ];
  for (const c of inRequest) {
    it(`webchat ${c.es ? 'es' : 'en'}: "${c.open}" does not ask the kind of care`, async () => {
      const chat = await realChat('webchat', { locale: c.es ? 'es' : 'en' });
      const text = textOf(await chat.say(c.open));
      assert.ok(!text.includes(promptText(c.es ? 'es' : 'en', 'appointment.ask.care')), text);
      assert.ok(text.includes(promptText(c.es ? 'es' : 'en', 'appointment.ask.mode')), text);
    });
  }

  it('webchat en: a checkup named after the nurse line is primary care, not urgent', async () => {
    const chat = await realChat('webchat');
    await chat.say('my son has an ear infection');
    const text = textOf(await chat.say('can he get a checkup tomorrow morning, in person'));
    assert.doesNotMatch(text, /Urgent \/ same day/, text);
  });

  const pickName = [
    { es: false, say: 'ok so i just click that? does it let me pick his name' },
    { es: false, say: 'can i choose my daughter on the page?' },
    { es: true, say: 'puedo elegir a mi hijo en la pagina?' },
  ];
  for (const c of pickName) {
    it(`webchat ${c.es ? 'es' : 'en'}: after the booking's answer, "${c.say}" is answered`, async () => {
      const chat = await realChat('webchat', { locale: c.es ? 'es' : 'en' });
      const said = c.es
        ? ['hola necesito una cita para mi hijo, tiene infeccion de oido, lo antes posible', 'en persona', 'mañana por la mañana']
        : ['hi i need to get my son in for an ear infection asap', 'tomorrow morning would work, in person pls'];
      for (const words of said) await chat.say(words);
      const text = textOf(await chat.say(c.say));
      assert.match(text, c.es ? /elija para quién es la cita/ : /choose who the visit is for/, text);
      assert.match(text, c.es ? /acceso de representante/ : /proxy access/, text);
    });
  }
});
