import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Newcomer run v13. YZ14: a follow-up that names another topic ("ok y como arreglo lo del
 * password?" right after a refill answer) got the refill menu; it switches to that topic. YX14:
 * "ok gracias, a que hora cierran" right after a line's number got "Siento que no haya servido…"
 * (the same aspect asked twice was read as a failure); the hours are a question and are answered.
 * Real recognizer; sentences differ from the run's.
 */
describe('follow-ups that change topic or ask the hours again (newcomer run v13: YZ14, YX14)', function () {
  this.timeout(180_000);

  it('Web Chat Spanish: "y como arreglo lo del password?" after a refill answer is the sign-in help, not the refill menu', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('necesito refill de mi medicina pero no puedo entrar a mi account');
    const text = textOf(await chat.say('ok y como arreglo lo del password?'));
    assert.match(text, /contraseña/, text);
    assert.doesNotMatch(text, /receta/, text);
  });

  it('Web Chat Spanish: "y lo de la factura?" at the refill question is about the bill', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('necesito un refill');
    const text = textOf(await chat.say('y lo de la factura?'));
    assert.match(text, /factura/, text);
    assert.doesNotMatch(text, /receta|Rx/, text);
  });

  it('SMS Spanish: "ok gracias, a que hora cierran" after the billing number gets the hours, never an apology', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    await chat.say('hola como pago mi bill online');
    assert.match(textOf(await chat.say('y el phone number de billing?')), /1-800-555-0133/);
    const text = textOf(await chat.say('ok gracias, a que hora cierran'));
    assert.match(text, /Facturación atiende de lunes a viernes, de 8 a\. m\. a 5 p\. m\./, text);
    assert.doesNotMatch(text, /Siento que no haya servido/, text);
  });

  it('SMS English: the hours, then the number again after the billing number are answered, never "Sorry that didn\'t help"', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    await chat.say('how do i pay my bill online');
    await chat.say('whats the billing phone number');
    const hours = textOf(await chat.say('ok thanks, what time do they close'));
    assert.match(hours, /Billing is open Monday to Friday/, hours);
    const again = textOf(await chat.say('and the number again?'));
    assert.match(again, /1-800-555-0133/, again);
    assert.doesNotMatch(hours + again, /Sorry that didn't help/, hours + again);
  });
});
