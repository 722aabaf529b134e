import assert from 'node:assert/strict';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant, type RunningAssistant } from '../support/assistant';
import { KeywordIntents } from '../support/keywordIntents';

/** Whole conversations over real HTTP (POST /api/messages, expectReplies), as a channel sends them. */
describe('conversations over HTTP', () => {
  let running: RunningAssistant;
  let messages: string;

  before(async () => {
    const intents = new KeywordIntents();
    running = await startAssistant({}, { understanding: intents, emergencyCheck: intents });
    messages = `${running.url}/api/messages`;
  });
  after(() => running.stop());

  async function say(text: string, conversation: string, channelId = 'webchat') {
    const answer = await post(messages, messageActivity(text, { channelId, conversation: { id: conversation }, locale: channelId === 'sms' ? undefined : 'en-US' }));
    assert.equal(answer.status, 200, answer.text);
    return replies(answer);
  }

  it('Web Chat: a refill question ends on the pharmacy page, as an openUrl button', async () => {
    await say('hi', 'http-refill');
    // A status question is answered at once (no Rx number asked: the answer does not use it).
    const done = await say('where is my refill', 'http-refill');
    assert.match(done.map((a) => a.text ?? '').join('\n'), /live status of each prescription/);
    const card = done.flatMap((a) => a.attachments ?? [])[0]?.content;
    assert.equal(card.version, '1.5');
    assert.ok(card.actions.some((a: { type: string; url: string }) => a.type === 'Action.OpenUrl' && a.url.endsWith('/secure/pharmacy/prescriptions')));
  });

  it('SMS: numbered choices answered with a digit, plain text only, an emergency wins mid-dialog', async () => {
    const first = await say('hi', 'http-sms', 'sms');
    assert.ok(first.every((a) => !a.attachments && !a.suggestedActions && a.text.length <= 320));
    const asked = await say('1', 'http-sms', 'sms');
    assert.match(asked.map((a) => a.text).join('\n'), /What would you like to do\?\n\n1\. New appointment/);
    const emergency = await say('my chest hurts and my arm is numb', 'http-sms', 'sms');
    assert.equal(emergency.length, 1);
    assert.match(emergency[0]?.text, /Call 911 now[\s\S]*nurse advice line is at 1-800-555-0111/);
    assert.ok(!running.logs.all.includes('chest'), 'member text never logged');
  });
});
