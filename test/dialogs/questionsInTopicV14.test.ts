import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';

/**
 * Newcomer run v14: questions asked inside a topic that got a menu or the wrong paragraph.
 * Real recognizer and triage; sentences differ from the run's.
 */
describe('questions inside a topic (newcomer run v14: YZ06, YX01, YX10, YW10, YW06)', function () {
  this.timeout(180_000);

  it('SMS English: "do i need to fast for the lab thing" after the visit list gets lab preparation', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    await chat.say('how do i see my blood test results');
    const text = textOf(await chat.say('do i need to fast for the lab thing'));
    assert.doesNotMatch(text, /How can I help you reach us/, text);
    assert.match(text, /8 to 12 hours of fasting/, text);
    assert.match(text, /1-800-555-0111/, text);
  });

  it('Web Chat English, no topic: "can i eat before my blood work tomorrow" gets lab preparation', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    const text = textOf(await chat.say('can i eat before my blood work tomorrow'));
    assert.match(text, /8 to 12 hours of fasting/, text);
  });

  it('Web Chat Spanish: "tengo que ir en ayunas para los laboratorios?" gets lab preparation', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    const text = textOf(await chat.say('tengo que ir en ayunas para los laboratorios?'));
    assert.match(text, /de 8 a 12 horas de ayuno/, text);
  });

  it('SMS English: "idk the number its for my blood pressure med" after a refill answer gets the pharmacy line', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    await chat.say('hey is my refill ready');
    const text = textOf(await chat.say('idk the number its for my blood pressure med'));
    assert.doesNotMatch(text, /How can I help you reach us/, text);
    assert.match(text, /1-800-555-0122/, text);
  });

  it('Teams English: "whats the number for my clinic" after the hours gets a number, not the hours again', async () => {
    const chat = await realChat('msteams', { locale: 'en' });
    await chat.say('what time do u guys close today');
    const text = textOf(await chat.say('whats the number for my clinic'));
    assert.doesNotMatch(text, /Hours differ by clinic/, text);
    assert.match(text, /Each clinic's phone number/, text);
  });

  it('Web Chat Spanish: "cual es el telefono de mi clinica" after the hours gets the clinic phone answer', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('a que hora cierran hoy');
    const text = textOf(await chat.say('cual es el telefono de mi clinica'));
    assert.doesNotMatch(text, /Los horarios cambian/, text);
    assert.match(text, /1-800-555-0100/, text);
  });

  it('Web Chat Spanish, signed in: "mandasela a mi doctor porfa" then "no la puedes mandar tu?"', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'es' });
    await chat.say('necesito renovar mi receta ya no tiene resurtidos');
    const first = textOf(await chat.say('la del inhalador, mandasela a mi doctor porfa'));
    const second = textOf(await chat.say('no la puedes mandar tu?'));
    assert.match(first, /Desde este chat no puedo enviar la solicitud de renovación/, first);
    assert.match(second, /No, no puedo enviarla por usted/, second);
    assert.doesNotMatch(second, /No necesita el portal|Siento que no haya servido/, second);
  });

  it('Web Chat English, signed in: "can you send it to my doctor" then "cant you do it" after a renewal', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'en' });
    await chat.say('i need to renew my albuterol inhaler, no refills left');
    const first = textOf(await chat.say('can you send it to my doctor'));
    const second = textOf(await chat.say('cant you do it'));
    assert.match(first, /I can't send the renewal request from this chat/, first);
    assert.match(second, /No, I can't send it for you/, second);
  });

  it('Web Chat English: "what do they mean" after the results answer', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await chat.say('how do i see my blood test results');
    const text = textOf(await chat.say('what do they mean'));
    assert.doesNotMatch(text, /That is all on the page below/, text);
    assert.match(text, /your care team can/, text);
  });

  // "are they bad" is read by the safety triage first (the nurse line), which stays as it is.
  for (const ask of ['is that normal', 'what does that mean']) {
    it(`Web Chat English: "${ask}" after the results answer gets what the care team explains`, async () => {
      const chat = await realChat('webchat', { locale: 'en' });
      await chat.say('how do i see my blood test results');
      const text = textOf(await chat.say(ask));
      assert.match(text, /your care team can/, text);
    });
  }
});
