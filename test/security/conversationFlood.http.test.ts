import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import { post, startAssistant } from '../support/assistant';
import { bearer, getGrant, message, postActivity, type Grant } from '../support/directline';

/** Starts a conversation as a client at `address` (behind the one trusted proxy). */
async function start(url: string, address: string): Promise<{ grant: Grant; status: number }> {
  const grant = await getGrant(url);
  const answer = await post(`${grant.domain}/conversations`, {}, { ...bearer(grant.token), 'x-forwarded-for': address });
  return { grant, status: answer.status };
}

describe('security: anonymous clients cannot push members out of Web Chat (issue 17)', function () {
  this.timeout(30_000);

  it('one address holds a bounded share, and a live conversation is never dropped for a newcomer', async () => {
    const running = await startAssistant(
      { TRUST_PROXY_HOPS: '1', DIRECTLINE_MAX_CONVERSATIONS: '10', DIRECTLINE_TOKENS_PER_MINUTE: '1000' },
      { storage: new MemoryStorage(), directLine: { limits: { maxPerClient: 3 } } },
    );
    try {
      const members: Grant[] = [];
      for (const address of ['10.0.0.1', '10.0.0.2']) {
        const { grant, status } = await start(running.url, address);
        assert.equal(status, 201);
        assert.equal((await postActivity(grant, message('hello'))).status, 200);
        members.push(grant);
      }

      // One address floods token and start calls: it only ever holds its own share.
      for (let i = 0; i < 20; i++) assert.equal((await start(running.url, '10.6.6.6')).status, 201);
      for (const grant of members) assert.equal((await postActivity(grant, message('still here')).then((a) => a.status)), 200);

      // Many addresses, each writing in its conversation, fill the channel: newcomers are refused,
      // members already chatting are not ended.
      const statuses: number[] = [];
      for (let i = 1; i <= 12; i++) {
        const { grant, status } = await start(running.url, `10.7.0.${i}`);
        statuses.push(status);
        if (status === 201) await postActivity(grant, message('hi'));
      }
      assert.ok(statuses.includes(503), `a full channel refuses newcomers: ${statuses.join(',')}`);
      for (const grant of members) assert.equal((await postActivity(grant, message('and still here'))).status, 200, 'the members\' chats go on');
    } finally {
      await running.stop();
    }
  });
});
