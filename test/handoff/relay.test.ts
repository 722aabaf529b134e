import assert from 'node:assert/strict';
import { Chat, textOf } from '../support/chat';

/** The relay step in the turn pipeline, through the whole bot (TestAdapter). */
describe('a conversation in the hand-off queue (turn pipeline)', () => {
  async function queued(options: ConstructorParameters<typeof Chat>[0] = {}) {
    const chat = new Chat(options);
    const { presence, service } = chat.core.handoff;
    await presence!.seen({ id: 'pat', name: 'Pat' });
    await chat.open(chat.channelId === 'sms' ? 'hi' : undefined);
    const replies = await chat.say(chat.options.locale === 'es-US' ? 'quiero hablar con una persona' : 'talk to a person');
    const [record] = await service!.listOpen();
    assert.ok(record, 'queued');
    return { chat, service: service!, id: record!.id, replies };
  }

  it('a password typed to the agent is masked, the member warned, and the agent sees ********', async () => {
    const { chat, service, id } = await queued();
    const replies = await chat.say('my password is Hunter2!');
    assert.match(textOf(replies), /don't share your password/);
    const record = (await service.get(id))!;
    assert.ok(record.transcript.some((e) => e.text === 'my password is ********'));
    assert.ok(!chat.storedText().includes('Hunter2'));
  });

  it('an emergency while waiting: the emergency answer at once, and an alert for whoever takes it', async () => {
    const { chat, service, id } = await queued();
    assert.match(textOf(await chat.say('my chest hurts')), /Call 911 now/);
    const record = (await service.get(id))!;
    assert.equal(record.alerts, 1);
    const alerted = record.transcript.findIndex((e) => e.alert === 'medical');
    assert.ok(alerted >= 0, 'the message, with an alert');
    const answer = record.transcript[alerted + 1];
    assert.equal(answer?.from, 'assistant', 'the agent sees the assistant\'s answer');
    assert.match(answer!.text, /911/);
    assert.ok(record.urgentAt, 'first in the queue');
    assert.equal(record.status, 'queued', 'still in line');
  });

  it('asking again while waiting says the place in line; it does not queue twice', async () => {
    const { chat, service } = await queued();
    assert.match(textOf(await chat.say('talk to a person')), /added that for the person who will help you\. You're number 1 in line/);
    assert.equal((await service.listOpen()).length, 1);
    assert.equal(textOf(await chat.say('hello?')), '', 'reminded at most every two minutes');
  });

  it('on SMS a digit goes to the agent as typed (not as a menu choice)', async () => {
    const { chat, service, id, replies } = await queued({ channelId: 'sms' });
    assert.match(textOf(replies), /To leave the line, type LEAVE/);
    await service.claim(id, { id: 'pat', name: 'Pat' });
    await chat.say('2');
    assert.equal((await service.get(id))!.transcript.at(-1)!.text, '2');
  });

  it('in Spanish: the line, the wait and SALIR', async () => {
    const { chat, replies } = await queued({ locale: 'es-US' });
    assert.match(textOf(replies), /Usted es el número 1 en la fila\. La espera es de/);
    assert.match(textOf(replies), /escriba SALIR/);
    assert.match(textOf(await chat.say('SALIR')), /salió de la fila/);
  });
});
