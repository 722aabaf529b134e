import assert from 'node:assert/strict';
import { ActivityTypes, type Activity } from 'botbuilder';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { Chat, textOf } from '../support/chat';
import { DirectLineClient, getGrant, message } from '../support/directline';

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

/** The same over real HTTP, on the local Direct Line channel the chat widget uses. */
describe('hand-off to a contact centre, in the chat widget (real HTTP)', function () {
  this.timeout(60_000);
  let running: RunningAssistant;
  const clients: DirectLineClient[] = [];

  before(async () => {
    running = await startAssistant({ HANDOFF_MODE: 'event' });
  });

  after(async () => {
    for (const c of clients) c.end();
    await running?.stop();
  });

  const typingBetween = (client: DirectLineClient, from: number, to: number) =>
    client.activities.slice(from, to).filter((a) => a.type === ActivityTypes.Typing && a.from.role === 'bot');

  it('no typing dots from the assistant while the contact centre has the chat; back with the assistant, they are', async () => {
    const grant = await getGrant(running.url);
    const client = new DirectLineClient({ token: grant.token, domain: grant.domain, webSocket: true });
    clients.push(client);
    await client.botMessage(/member assistant/);
    await client.post(message('talk to a person'));
    await client.waitFor((c) => c.activities.some((a) => a.type === ActivityTypes.Event && (a as { name?: string }).name === 'handoff.initiate'), 'handoff.initiate');
    // The contact centre accepts (its connector posts handoff.status into the conversation).
    await client.post({ type: ActivityTypes.Event, name: 'handoff.status', value: { state: 'accepted' } });
    await client.botMessage(/will be with you shortly/);

    const from = client.activities.length;
    await client.post(message('hello, is anyone there?'));
    await client.post(message('I was charged twice'));
    await client.post({ type: ActivityTypes.Event, name: 'handoff.status', value: { state: 'completed' } });
    // The stream keeps order: any typing for the two messages came before this.
    const back = await client.botMessage(/I'm the assistant again/, from);
    assert.deepEqual(typingBetween(client, from, client.activities.indexOf(back)), [], 'no typing dots while the contact centre has the chat');

    const again = client.activities.length;
    await client.post(message('refill my prescription'));
    const answer = await client.botMessage(/prescription/i, again);
    assert.equal(typingBetween(client, again, client.activities.indexOf(answer)).length, 1, 'the assistant shows typing when it answers');
  });
});
