import assert from 'node:assert/strict';
import { smsKeyword } from '../../pipeline/smsKeywords';
import { assertChannelRules, Chat, textOf } from '../support/chat';

async function smsChat(): Promise<Chat> {
  const chat = new Chat({ channelId: 'sms' });
  await chat.say('hi');
  return chat;
}

describe('SMS keywords (CTIA)', () => {
  it('STOP: one confirmation with the brand and how to resubscribe, then nothing until START', async () => {
    const chat = await smsChat();
    await chat.say('Appointments');
    const stop = await chat.say('STOP');
    assert.equal(stop.length, 1);
    assert.match(textOf(stop), /^Evergreen Health: You're unsubscribed and will get no more messages\. Reply START to resubscribe\./);
    assertChannelRules('sms', stop);
    assert.deepEqual(await chat.dialogStack(), [], 'the topic in progress ended');

    for (const text of ['hi', 'Myself', 'stop', 'I need an appointment', '1']) {
      assert.deepEqual(await chat.say(text), [], `nothing is sent for "${text}" after STOP`);
    }
    // HELP is answered after STOP too (CTIA), and opts nobody back in.
    assert.match(textOf(await chat.say('HELP')), /^Evergreen Health Member Assistant/);
    assert.deepEqual(await chat.say('hi'), [], 'still opted out after HELP');

    const start = await chat.say('start');
    assert.match(textOf(start), /You're subscribed again\. Reply HELP for help, STOP to opt out\. Msg & data rates may apply/);
    const back = await chat.say('Billing');
    assert.match(textOf(back), /What about your bill\?/);
  });

  it('an emergency still gets its answer after STOP (a member-initiated safety message)', async () => {
    const chat = await smsChat();
    await chat.say('STOP');
    const replies = await chat.say('my chest hurts');
    assert.match(textOf(replies), /Call 911 now/);
    assertChannelRules('sms', replies);
    assert.deepEqual(await chat.say('hello?'), [], 'and then silence again');
  });

  it('the opt-out belongs to the phone number: a new conversation stays silent', async () => {
    const chat = await smsChat();
    await chat.say('UNSUBSCRIBE');
    const newConversation = await chat.say({ type: 'message', text: 'hi', conversation: { id: 'another-thread', isGroup: false, conversationType: 'personal', name: '' } });
    assert.deepEqual(newConversation, []);
  });

  it('"CANCEL" alone on SMS is an opt-out (carriers treat it so); "never mind" stops a topic', async () => {
    const chat = await smsChat();
    await chat.say('Appointments');
    const nevermind = await chat.say('never mind');
    assert.match(textOf(nevermind), /I've stopped that/);
    const cancel = await chat.say('Cancel');
    assert.match(textOf(cancel), /unsubscribed/);
  });

  it('HELP: who we are, a number, rates, how to stop — in one message of at most 320 characters; the topic waits', async () => {
    const chat = await smsChat();
    await chat.say('Appointments');
    const help = await chat.say('help');
    assert.equal(help.length, 1);
    const text = textOf(help);
    assert.match(text, /^Evergreen Health Member Assistant/);
    assert.match(text, /1-800-555-0100/);
    assert.match(text, /Msg & data rates may apply/);
    assert.match(text, /Reply STOP to opt out/);
    assert.ok(text.length <= 320);
    const next = await chat.say('1');
    assert.match(textOf(next), /Who is the appointment for\?/);
  });

  it('AYUDA answers in Spanish', async () => {
    const chat = await smsChat();
    assert.match(textOf(await chat.say('Ayuda')), /Asistente de Evergreen Health.*Responda ALTO/);
  });

  it('the keywords are SMS-only: on Web Chat "stop" stops a topic', async () => {
    const chat = new Chat({ channelId: 'webchat' });
    await chat.open();
    await chat.say('Appointments');
    assert.match(textOf(await chat.say('stop')), /I've stopped that/);
    assert.match(textOf(await chat.say('Billing')), /What about your bill\?/);
  });

  it('keywords are the whole message, any case; YES opts in only after an opt-out', () => {
    assert.equal(smsKeyword('  Stop. ', false)?.kind, 'stop');
    assert.equal(smsKeyword('please stop sending', false)?.kind, 'stop');
    assert.equal(smsKeyword('cancel my appointment', false), null);
    assert.equal(smsKeyword('stop my refill', false), null);
    assert.equal(smsKeyword('opt out', false)?.kind, 'stop');
    assert.equal(smsKeyword('yes', false), null);
    assert.equal(smsKeyword('YES', true)?.kind, 'start');
    assert.equal(smsKeyword('INFO', false)?.kind, 'help');
  });
});
