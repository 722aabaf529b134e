import assert from 'node:assert/strict';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { messageActivity } from '../support/activities';
import { post, startAssistant } from '../support/assistant';
import { Agent, AGENTS, agentAccounts } from '../support/handoff';

describe("security: an agent's live stream ends with the session (issue 17)", function () {
  this.timeout(20_000);

  it('logout ends the stream at once: no new escalations (member names) after it', async () => {
    const running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts() });
    try {
      const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
      const stream = pat.stream();
      assert.equal(await stream.status, 200);
      await stream.waitFor((events) => events.some((e) => e.event === 'queue'), 'the first queue');
      assert.equal((await pat.post('/api/agent/logout')).status, 204);
      await stream.waitFor((events) => events.some((e) => e.event === 'expired' && e.data.reason === 'signedOut'), 'expired on logout');
      await stream.waitFor(() => stream.ended, 'the stream ends');
      const count = stream.events.length;
      await post(`${running.url}/api/messages`, messageActivity('I want to talk to a person', { conversation: { id: 'after-logout' } }));
      assert.equal(stream.events.length, count, 'nothing after logout');
    } finally {
      await running.stop();
    }
  });

  it('a session check that fails is not taken for a valid session: the stream ends', async () => {
    const memory = new MemoryStorage();
    let storeDown = false;
    const storage = {
      read: (keys: string[]) => (storeDown && keys.some((k) => k.startsWith('handoff/sessions/')) ? Promise.reject(new Error('store unreachable')) : memory.read(keys)),
      write: (changes: StoreItems) => memory.write(changes),
      delete: (keys: string[]) => memory.delete(keys),
    };
    const running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts() }, { storage, handoff: { keepAliveMs: 50 } });
    try {
      const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
      const stream = pat.stream();
      assert.equal(await stream.status, 200);
      await stream.waitFor((events) => events.some((e) => e.event === 'queue'), 'the first queue');
      storeDown = true;
      await stream.waitFor((events) => events.some((e) => e.event === 'expired'), 'expired when the session cannot be checked');
      await stream.waitFor(() => stream.ended, 'the stream ends');
    } finally {
      storeDown = false;
      await running.stop();
    }
  });
});
