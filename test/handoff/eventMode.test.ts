import assert from 'node:assert/strict';
import { ActivityTypes, type Activity } from 'botbuilder';
import { Chat, textOf } from '../support/chat';

/** HANDOFF_MODE=event: Bot Framework's hand-off protocol, for contact centres with their own routing. */
describe('hand-off to a contact centre (handoff.initiate / handoff.status)', () => {
  async function all(chat: Chat, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await chat.adapter.processActivity(activity);
    return chat.adapter.activeQueue.splice(0);
  }
  const status = (state: string): Partial<Activity> => ({ type: ActivityTypes.Event, name: 'handoff.status', value: { state } });
  const messages = (sent: Partial<Activity>[]) => sent.filter((a) => a.type === ActivityTypes.Message);

  it('sends handoff.initiate with the redacted transcript, then follows the contact centre’s status', async () => {
    const chat = new Chat({ env: { HANDOFF_MODE: 'event' } });
    await chat.open();
    await chat.say('my password is Hunter2! and I am locked out');
    const sent = await all(chat, { type: ActivityTypes.Message, text: 'talk to a person' });
    const initiate = sent.find((a) => a.type === ActivityTypes.Event && a.name === 'handoff.initiate')!;
    assert.ok(initiate, 'the handoff.initiate event was sent');
    const transcript = initiate.attachments![0]!;
    assert.equal(transcript.name, 'Transcript');
    const texts = (transcript.content as { activities: Activity[] }).activities.map((a) => a.text);
    assert.ok(texts.includes('talk to a person'));
    assert.ok(texts.some((t) => t?.includes('********')) && !JSON.stringify(transcript).includes('Hunter2'), 'redacted');
    assert.deepEqual((initiate.value as { reason: string; locale: string }).reason, 'member_asked');
    assert.match(textOf(messages(sent)), /connecting you with a person/);

    assert.match(textOf(messages(await all(chat, status('accepted')))), /will be with you shortly/);
    assert.deepEqual(await chat.say('hello?'), [], 'the contact centre has the conversation: the assistant is quiet');
    assert.match(textOf(await chat.say('my son swallowed bleach')), /Poison Control/, 'but the emergency check still answers');
    assert.match(textOf(messages(await all(chat, status('completed')))), /I'm the assistant again/);
    assert.match(textOf(await chat.say('refill my prescription')), /prescription/i);
  });

  it('a failed hand-off gives the other ways to reach a person; a status without a hand-off is ignored', async () => {
    const chat = new Chat({ env: { HANDOFF_MODE: 'event' } });
    await chat.open();
    assert.deepEqual(messages(await all(chat, status('accepted'))), [], 'no hand-off in progress');
    await chat.say('talk to a person');
    const failed = textOf(messages(await all(chat, status('failed'))));
    assert.match(failed, /couldn't connect you with a person/);
    assert.match(failed, /Call Member Services/);
  });
});
