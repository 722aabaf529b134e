import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * After a crisis answer, a visit asked for ("can i still make an appointment tho, video") is a
 * mental-health visit for the member themself (newcomer run v11b, XR08): it starts with those
 * answers, says so, and offers to change them; never "Who is the appointment for?" nor "What kind
 * of care do you need?" again.
 */
describe('a visit after a crisis answer starts as a mental-health visit for the member (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(60_000);

  it('Web Chat, English: "can i still make an appointment tho, video if possible": 988 first, mental health, myself, video', async () => {
    const chat = await realChat('webchat');
    assert.match(textOf(await chat.say('honestly whats the point of any of it anymore. everyone would be better off without me')), /988/);
    const replies = await chat.say('ok. can i still make an appointment tho, video if possible');
    const text = textOf(replies);
    assert.match(text, /988/);
    assert.match(text, /mental health visit/i, text);
    assert.doesNotMatch(text, /Who is the appointment for|What kind of care/, text);
    const done = await chat.say('as soon as possible');
    const url = linksOf(done).join(' ');
    assert.match(url, /reason=mentalHealth/, url);
    assert.match(url, /visitType=video/, url);
    assert.match(url, /for=self/, url);
  });

  it('Web Chat, Spanish: "puedo hacer una cita por video?": 988 first, salud mental, para usted, por video', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    assert.match(textOf(await chat.say('ya no quiero vivir, todos estarían mejor sin mí')), /988/);
    const replies = await chat.say('puedo hacer una cita por video?');
    const text = textOf(replies);
    assert.match(text, /988/);
    assert.match(text, /salud mental/i, text);
    assert.doesNotMatch(text, /¿Para quién es la cita\?|¿Qué tipo de atención/, text);
    const done = await chat.say('lo antes posible');
    const url = linksOf(done).join(' ');
    assert.match(url, /reason=mentalHealth/, url);
    assert.match(url, /visitType=video/, url);
    assert.match(url, /for=self/, url);
  });

  it('after a crisis answer, a visit for a family member named is not booked for the member', async () => {
    const chat = await realChat('webchat');
    assert.match(textOf(await chat.say('i want to kill myself')), /988/);
    const text = textOf(await chat.say('can i book a therapy appointment for my son'));
    assert.match(text, /for your family member/, text);
    assert.doesNotMatch(text, /Who is the appointment for|What kind of care/, text);
  });
});
