import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * Changes of mind while moving a visit (newcomer run v5: WE07 on Web Chat, "actually just cancel
 * it" stopped the task instead of cancelling the visit; TF08 on Teams, "actually no keep it" got the
 * cancel instructions again; TF04 on Teams, "the doctor one" opened the video-visits menu). Through
 * the whole bot with the real recognizer; sentences differ from the run's.
 */

const REAL = { understanding: undefined, emergencyCheck: undefined };

async function chatOn(channelId: 'webchat' | 'msteams', es: boolean): Promise<MemberChat> {
  const from = channelId === 'msteams' ? { from: { id: '29:alex', aadObjectId: ALEX.teams } } : {};
  const chat = new MemberChat({ channelId, ...from, locale: es ? 'es-US' : 'en-US', overrides: REAL });
  await chat.open(es ? 'hola' : 'hi');
  if (channelId === 'webchat') await chat.signIn(ALEX.memberId);
  return chat;
}

describe('changes of mind while moving a visit (WE07, TF08, TF04)', function () {
  this.timeout(180_000);

  it('Web Chat English: "ok forget moving it, cancel it" asks to cancel the visit chosen; "never mind" still stops', async () => {
    const chat = await chatOn('webchat', false);
    await chat.say('can i reschedule my appointment');
    await chat.say('the video one');
    const text = textOf(await chat.say('hmm no, please cancel it'));
    assert.match(text, /Cancel the video visit on Tue, Jun 10, 3:00 PM with Dr\. Maya Chen \(Primary care follow-up\)\?/, text);
    const chat2 = await chatOn('webchat', false);
    await chat2.say('can i reschedule my appointment');
    await chat2.say('the video one');
    assert.match(textOf(await chat2.say('never mind')), /stopped that/);
  });

  it('Web Chat Spanish: "no, mejor cancélela" asks to cancel the visit chosen', async () => {
    const chat = await chatOn('webchat', true);
    await chat.say('quisiera mover mi cita');
    await chat.say('la de video');
    const text = textOf(await chat.say('no, mejor cancélela por favor'));
    assert.match(text, /¿Cancelar la consulta por video del mar, 10 de jun, 3:00 p\.\s?m\. con Dr\. Maya Chen \(Seguimiento de atención primaria\)\?/, text);
  });

  it('Teams English: "the doctor one" picks the visit with a clinician; "on second thought leave it" keeps it', async () => {
    const chat = await chatOn('msteams', false);
    await chat.say('i have to reschedule my appointment');
    const when = textOf(await chat.say('the doctor one'));
    assert.match(when, /When would you prefer to move your video visit on Tue, Jun 10/, when);
    const kept = textOf(await chat.say('on second thought leave it, i will keep it'));
    assert.match(kept, /your video visit on Tue, Jun 10, 3:00 PM with Dr\. Maya Chen stays as it is/, kept);
  });

  it('Teams Spanish: "la del doctor" picks it; "no, mejor la dejo así" keeps it', async () => {
    const chat = await chatOn('msteams', true);
    await chat.say('tengo que cambiar mi cita');
    const when = textOf(await chat.say('la del doctor'));
    assert.match(when, /¿Cuándo prefiere cambiar su consulta por video del mar, 10 de jun/, when);
    const kept = textOf(await chat.say('no, mejor la dejo así'));
    assert.match(kept, /su consulta por video del mar, 10 de jun, 3:00 p\.\s?m\. con Dr\. Maya Chen se queda como está/, kept);
  });
});
