import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * A visit asked for with its details in one message (newcomer run v15): the booking starts with
 * them, not the video-visits menu.
 * Through the whole bot with the real recognizer.
 */
const VIDEO_MENU = /¿Qué necesita sobre las visitas por video\?|What do you need for video visits\?/;
const CARE = /¿Qué tipo de atención necesita\?|What kind of care do you need\?/;

describe('a visit asked for with its details (v15 YZ13)', function () {
  this.timeout(120_000);

  it('YZ13 (sms, es): after cancelling, "si la quiero pero por video, atencion primaria, el martes en la mañana" books with them', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    for (const m of ['kiero una cita con el doctor', '1', 'para mi', '1', 'mejor no, olvidalo']) await chat.say(m);
    const text = textOf(await chat.say('no espera si la quiero pero por video, atencion primaria, el martes en la mañana'));
    assert.doesNotMatch(text, VIDEO_MENU, text);
    assert.doesNotMatch(text, CARE, text);
    assert.doesNotMatch(text, /¿Cuándo prefiere\?/, text);
  });
});
