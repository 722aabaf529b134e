import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Booking (newcomer run v6, WG15, WG21): an answer that carries more than the question asked (who
 * it is for and how to be seen, the kind of care and when) keeps every detail, and the questions
 * they answer are not asked; in both languages and whatever the question. Real recognizer and
 * triage, on Web Chat.
 */
describe('booking reads every detail of an answer (newcomer run v6)', function () {
  this.timeout(60_000);

  const CARE = /What kind of care do you need\?|¿Qué tipo de atención necesita\?/;
  const MODE = /How would you like to be seen\?|¿Cómo prefiere que le atiendan\?/;
  const WHEN = /When would you prefer\?|¿Cuándo prefiere\?/;

  it('English: who it is for with how to be seen, then the kind of care with a day', async () => {
    const chat = await realChat('webchat');
    await chat.say('id like to make a new appointment');
    const care = textOf(await chat.say('its for me, phone is fine'));
    assert.match(care, CARE);
    const last = textOf(await chat.say('a checkup, next wednesday morning'));
    assert.doesNotMatch(last, MODE);
    assert.doesNotMatch(last, WHEN);
    assert.match(last, /Primary care, Phone, Wednesday, June 11, in the morning/);
  });

  it('Spanish: who it is for with how to be seen, then the kind of care with "as soon as possible"', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('necesito sacar una cita');
    const care = textOf(await chat.say('yo, por telefono'));
    assert.match(care, CARE);
    const last = textOf(await chat.say('un chequeo, cuanto antes'));
    assert.doesNotMatch(last, MODE);
    assert.doesNotMatch(last, WHEN);
    assert.match(last, /Atención primaria, Por teléfono, Lo antes posible/);
  });

  it('Spanish: the kind of care with a day and a time of day, then how to be seen', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('necesito sacar una cita');
    await chat.say('es para mi');
    const mode = textOf(await chat.say('medico general, el viernes por la mañana'));
    assert.match(mode, MODE);
    const last = textOf(await chat.say('por video'));
    assert.doesNotMatch(last, WHEN);
    assert.match(last, /viernes, 6 de junio, por la mañana/);
  });

  it('English: how to be seen said with a time, to the kind of care asked later', async () => {
    const chat = await realChat('webchat');
    await chat.say('id like to make a new appointment');
    await chat.say('myself');
    const mode = textOf(await chat.say('specialist please'));
    assert.match(mode, MODE);
    const last = textOf(await chat.say('video, monday afternoon works'));
    assert.doesNotMatch(last, WHEN);
    assert.match(last, /Specialty care, Video, Monday, June 9, in the afternoon/);
  });
});
