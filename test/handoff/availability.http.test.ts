import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { post, replies, startAssistant, type RunningAssistant } from '../support/assistant';
import { messageActivity } from '../support/activities';
import { Agent, AGENTS, agentAccounts, FakeConnector, textOf } from '../support/handoff';

/** Never waiting on nobody: without agents, outside hours, after a restart. */
describe('hand-off availability (real HTTP)', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let conversations = 0;

  before(async () => (connector = await new FakeConnector().start()));
  after(() => connector?.stop());

  function member(running: RunningAssistant, channelId = 'webchat', conversationId = `avail-${++conversations}`) {
    return {
      conversationId,
      async say(text: string): Promise<string> {
        const answer = await post(
          `${running.url}/api/messages`,
          messageActivity(text, { channelId, serviceUrl: connector.url, conversation: { id: conversationId }, from: { id: `m-${conversationId}` } }),
        );
        assert.equal(answer.status, 200, answer.text);
        return replies(answer).map(textOf).join('\n');
      },
    };
  }

  describe('with nobody on duty', () => {
    let running: RunningAssistant;
    before(async () => (running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts() })));
    after(() => running?.stop());

    it('no agent signed in: the member gets the phone line, a secure message and a call back, and is not queued', async () => {
      const m = member(running);
      const reply = await m.say('talk to a person');
      assert.match(reply, /No one from our chat team is available right now/);
      assert.match(reply, /Call Member Services at 1-800-555-0100/);
      assert.match(reply, /Message my care team https:\/\/member\.evergreen-health\.example\/secure\/message-center\/new/);
      assert.match(reply, /Request a call back https:\/\/member\.evergreen-health\.example\/secure\/contact\/request-a-call/);
      assert.doesNotMatch(reply, /in line/);
      const agent = await Agent.login(running.url, 'pat', AGENTS.pat);
      assert.deepEqual(await agent.escalations(), []);
      // The next message is the assistant's again.
      assert.match(await m.say('refill my prescription'), /prescription/i);
    });

    it('the last agent signs out while a member waits: the member is told and given the alternatives', async () => {
      const stopped = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts() }, { handoff: { sweepEveryMs: 25 } });
      try {
        const agent = await Agent.login(stopped.url, 'pat', AGENTS.pat);
        const m = member(stopped);
        assert.match(await m.say('talk to a person'), /number 1 in line/);
        await agent.post('/api/agent/logout');
        const reply = await connector.message(m.conversationId, /no one from our chat team is available anymore/);
        assert.match(textOf(reply), /Call Member Services/);
        assert.match(textOf(reply), /Request a call back/);
        const again = await Agent.login(stopped.url, 'sam', AGENTS.sam);
        assert.deepEqual(await again.escalations(), [], 'closed, not left in the queue');
        assert.match(await m.say('refill my prescription'), /prescription/i);
      } finally {
        await stopped.stop();
      }
    });
  });

  it('outside the agent chat hours of the profile: the hours, and the other ways to reach a person', async () => {
    // northwest: agents chat Monday to Friday 8–6 and Saturday 9–1, Pacific. Sunday 10 a.m. Pacific:
    const sunday = Date.parse('2026-03-08T18:00:00Z');
    const running = await startAssistant({ PORTAL_PROFILE: 'northwest', AGENT_ACCOUNTS: await agentAccounts() }, { clock: () => sunday });
    try {
      await Agent.login(running.url, 'pat', AGENTS.pat); // an agent is signed in, but it is not chat time
      const reply = await member(running).say('talk to a person');
      assert.match(reply, /Our chat team is not on right now \(they chat Monday to Friday, 8 a\.m\. to 6 p\.m\., and Saturday, 9 a\.m\. to 1 p\.m\. Pacific\)/);
      assert.match(reply, /Call Member Services/);
      assert.match(reply, /Request a call back/);
    } finally {
      await running.stop();
    }
  });

  it('in Spanish on SMS outside hours: the same, in Spanish, in messages of at most 320 characters', async () => {
    const sunday = Date.parse('2026-03-08T18:00:00Z');
    const running = await startAssistant({ PORTAL_PROFILE: 'northwest', AGENT_ACCOUNTS: await agentAccounts() }, { clock: () => sunday });
    try {
      const answer = await post(
        `${running.url}/api/messages`,
        messageActivity('quiero hablar con una persona', { channelId: 'sms', locale: undefined, serviceUrl: connector.url, conversation: { id: 'sms-es' }, from: { id: '+15550001111' } }),
      );
      const texts = replies(answer).map((a) => a.text as string);
      assert.match(texts.join('\n'), /Nuestro equipo de chat no está disponible ahora/);
      for (const text of texts) assert.ok(text.length <= 320, `SMS of ${text.length} characters`);
    } finally {
      await running.stop();
    }
  });

  it('a member who waits longer than HANDOFF_MAX_WAIT_MINUTES is told, and given the alternatives', async () => {
    let now = Date.parse('2026-03-04T18:00:00Z');
    const running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts(), HANDOFF_MAX_WAIT_MINUTES: '1' }, { clock: () => now, handoff: { sweepEveryMs: 25 } });
    try {
      await Agent.login(running.url, 'pat', AGENTS.pat);
      const m = member(running);
      assert.match(await m.say('talk to a person'), /number 1 in line/);
      now += 61_000;
      const reply = await connector.message(m.conversationId, /taking longer than it should/);
      assert.match(textOf(reply), /Call Member Services/);
    } finally {
      await running.stop();
    }
  });

  it('a restart keeps an open escalation (file store): the agent finds it and the chat goes on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'handoff-restart-'));
    const env = { STORAGE: 'file', DATA_DIR: dir, AGENT_ACCOUNTS: await agentAccounts() };
    try {
      let running = await startAssistant(env);
      await Agent.login(running.url, 'pat', AGENTS.pat);
      const m = member(running);
      assert.match(await m.say('I need to talk to a person about my bill'), /number 1 in line/);
      await running.stop();

      running = await startAssistant(env);
      try {
        const agent = await Agent.login(running.url, 'sam', AGENTS.sam);
        const [escalation] = await agent.escalations();
        assert.equal(escalation?.conversationId, m.conversationId);
        assert.equal(escalation?.status, 'queued');
        assert.equal((await agent.post(`/api/agent/escalations/${escalation!.id}/claim`)).status, 200);
        await connector.message(m.conversationId, /Sam from our team has joined/);
        // Same conversation after the restart: the member's message goes to the agent.
        const answer = await post(
          `${running.url}/api/messages`,
          messageActivity('still there?', { serviceUrl: connector.url, conversation: { id: m.conversationId }, from: { id: `m-${m.conversationId}` } }),
        );
        assert.deepEqual(replies(answer), []);
        const detail = (await agent.get(`/api/agent/escalations/${escalation!.id}`)).json as any;
        assert.ok(detail.escalation.transcript.some((e: any) => e.from === 'member' && e.text === 'still there?'));
      } finally {
        await running.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a graceful stop ends the agents’ live streams at once and writes the transcripts it holds', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'handoff-stop-'));
    const env = { STORAGE: 'file', DATA_DIR: dir, AGENT_ACCOUNTS: await agentAccounts() };
    try {
      let running = await startAssistant(env);
      const agent = await Agent.login(running.url, 'pat', AGENTS.pat);
      const stream = agent.stream();
      assert.equal(await stream.status, 200);
      await stream.waitFor((events) => events.some((e) => e.event === 'queue'), 'the stream');
      const m = member(running);
      await m.say('how do I pay my bill');
      assert.equal(await running.assistant.stop(), true, 'a clean stop, not held up by the open stream');
      await stream.waitFor(() => stream.ended, 'the stream to end');

      running = await startAssistant(env);
      try {
        const agentAgain = await Agent.login(running.url, 'pat', AGENTS.pat);
        assert.match(await member(running, 'webchat', m.conversationId).say('talk to a person'), /number 1 in line/);
        const [escalation] = await agentAgain.escalations();
        const detail = (await agentAgain.get(`/api/agent/escalations/${escalation!.id}`)).json as any;
        const said = detail.escalation.transcript.map((e: any) => `${e.from}: ${e.text}`);
        assert.ok(said.includes('member: how do I pay my bill'), 'the turn before the restart is in the transcript');
        assert.ok(said.some((t: string) => /^assistant: .*pay/i.test(t)));
      } finally {
        await running.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
