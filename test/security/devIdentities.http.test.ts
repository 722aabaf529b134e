import assert from 'node:assert/strict';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant, type RunningAssistant } from '../support/assistant';
import { ALEX } from '../support/identity';

const text = (answer: Awaited<ReturnType<typeof post>>) => replies(answer).map((a) => a.text ?? '').join('\n');

describe('security: development identities only from this machine (issue 17)', function () {
  this.timeout(20_000);
  let running: RunningAssistant;
  let conversations = 0;
  before(async () => {
    running = await startAssistant();
  });
  after(() => running.stop());

  /** One conversation on /api/messages; `via` adds the header a reverse proxy in front would write. */
  function member(channelId: 'msteams' | 'sms', from: Record<string, string>, via?: string) {
    const conversation = { id: `dev-identity-${++conversations}` };
    const headers: Record<string, string> = via ? { 'x-forwarded-for': via } : {};
    return async (words: string) => {
      const answer = await post(`${running.url}/api/messages`, messageActivity(words, { channelId, conversation, from: { ...from, role: 'user' }, ...(channelId === 'sms' ? { locale: undefined } : {}) }), headers);
      assert.equal(answer.status, 200, answer.text);
      return text(answer);
    };
  }

  async function appointments(say: (words: string) => Promise<string>): Promise<string> {
    await say('Appointments');
    await say('Find my appointments');
    return (await say('Myself')) + (await say('1'));
  }

  it('the start-up log says development identities are believed from loopback only', () => {
    assert.ok(running.logs.entries.some((e) => /development identities.*only for activities sent to \/api\/messages from this machine/.test(String(e.msg))));
  });

  it('a Teams aadObjectId is believed from this machine, never through a proxy', async () => {
    assert.match(await appointments(member('msteams', { id: '29:alex', aadObjectId: ALEX.teams })), /Maya Chen/, 'local development still works');
    const spoofed = await appointments(member('msteams', { id: '29:alex', aadObjectId: ALEX.teams }, '203.0.113.9'));
    assert.doesNotMatch(spoofed, /Maya Chen|video visit/);
  });

  it('an SMS sender number gets no code in the answer unless the request came from this machine', async () => {
    assert.match(await appointments(member('sms', { id: ALEX.phone })), /\b\d{6}\b/, 'local development still works');
    const spoofed = await appointments(member('sms', { id: ALEX.phone }, '203.0.113.9'));
    assert.doesNotMatch(spoofed, /\b\d{6}\b/);
  });
});
