import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Newcomer run v14: answers that ignored the question or repeated the one before.
 * Real recognizer and triage; sentences differ from the run's.
 */
describe('answers that repeat or ignore the question (newcomer run v14: YX14, YZ08)', function () {
  this.timeout(180_000);

  it('Teams Spanish: a nurse "aqui en el chat" without phone minutes, after the nurse line, gets the ways without minutes and 911', async () => {
    const chat = await realChat('msteams', { locale: 'es' });
    await chat.say('me duele mucho el estomago desde ayer y tengo fiebre');
    const text = textOf(await chat.say('puedo hablar con una nurse aqui en el chat? no tengo minutos en el cel'));
    assert.match(text, /no en este chat/, text);
    assert.match(text, /1-800-555-0111/, text);
    assert.match(text, /mensaje seguro/, text);
    assert.match(text, /El 911 funciona desde cualquier celular/, text);
    assert.doesNotMatch(text, /cuídese/i, text);
    const next = textOf(await chat.say('ok. tambien me siento mareada y se me duerme un lado de la cara'));
    assert.match(next, /911/, next);
  });

  it('Web Chat English: "i cant call, no minutes left on my phone" after the nurse line gets the free ways and 911 from any cell phone', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await chat.say('my stomach hurts a lot since yesterday and i have a fever');
    const text = textOf(await chat.say('i cant call, no minutes left on my phone'));
    assert.match(text, /not in this chat/, text);
    assert.match(text, /e-visit/, text);
    assert.match(text, /911 works from any cell phone/, text);
  });

  it('Web Chat English: a result late after the results answer gets its own answer, not the same paragraph', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    const first = textOf(await chat.say('where do i see my lab results'));
    const text = textOf(await chat.say('my cholesterol result from last week isnt showing up, is it normal for it to take this long'));
    assert.notEqual(text, first);
    assert.match(text, /only once your clinician releases it/, text);
    assert.match(text, /secure message/, text);
  });

  it('Web Chat Spanish: "mi resultado no aparece todavia" after the results answer gets the late-result answer', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    const first = textOf(await chat.say('donde veo mis resultados de laboratorio'));
    const text = textOf(await chat.say('mi resultado del colesterol de la semana pasada no aparece, es normal que se tarde tanto?'));
    assert.notEqual(text, first);
    assert.match(text, /solo cuando su médico lo publica/, text);
    assert.match(text, /mensaje seguro/, text);
  });
});
