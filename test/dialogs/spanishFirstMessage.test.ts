import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Web Chat opened without ?lang=es (the page sends the browser's en-US): the welcome, sent when
 * the chat opens, is in English, but a member whose first message is Spanish is answered in
 * Spanish from then on, short answers included (newcomer run, Spanish Web Chat paths).
 */
describe('Web Chat in English, a first message in Spanish: answered in Spanish', function () {
  this.timeout(60_000);

  it('"hola necesito una cita con mi doctor" gets the appointment questions in Spanish, and "en persona" keeps Spanish', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    const first = await chat.say('hola necesito una cita con mi doctor');
    // "con mi doctor": a primary-care visit for the member (newcomer run v5, TF13); asked in Spanish.
    assert.ok(textOf(first).includes(promptText('es', 'appointment.ask.mode')), textOf(first));
    assert.ok(!textOf(first).includes(catalog.text('es', 'appointment.ask.patient')), textOf(first));
    const when = await chat.say('en persona');
    assert.ok(textOf(when).includes(promptText('es', 'appointment.ask.when')), textOf(when));
  });

  it('"cuanto debo" is answered in Spanish, and "anything else?" is asked in Spanish', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    const replies = await chat.say('cuanto debo');
    assert.ok(textOf(replies).includes(catalog.text('es', 'main.anythingElse')), textOf(replies));
    assert.ok(!textOf(replies).includes(catalog.text('en', 'main.anythingElse')), textOf(replies));
  });
});
