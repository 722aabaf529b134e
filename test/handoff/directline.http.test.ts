import assert from 'node:assert/strict';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { DirectLineClient, getGrant, message } from '../support/directline';
import { Agent, AGENTS, agentAccounts } from '../support/handoff';

/**
 * The chat widget's channel (the local Direct Line channel): the agent's messages reach the
 * member proactively, in process, on the same stream Web Chat reads, with the official client.
 */
describe('hand-off on the local Direct Line channel', function () {
  this.timeout(30_000);
  let running: RunningAssistant;
  const clients: DirectLineClient[] = [];

  before(async () => (running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts() })));
  afterEach(() => clients.splice(0).forEach((c) => c.end()));
  after(() => running?.stop());

  it('agent messages, a portal page and the hand-back arrive on the member’s stream', async () => {
    const agent = await Agent.login(running.url, 'pat', AGENTS.pat);
    const grant = await getGrant(running.url);
    const member = new DirectLineClient({ token: grant.token, domain: grant.domain, webSocket: true });
    clients.push(member);
    await member.botMessage(/member assistant/);

    await member.post(message('talk to a person'));
    await member.botMessage(/number 1 in line/);
    const [escalation] = (await agent.escalations()).filter((e) => e.conversationId === grant.conversationId);
    assert.equal(escalation?.channelId, 'directline');

    assert.equal((await agent.post(`/api/agent/escalations/${escalation!.id}/claim`)).status, 200);
    await member.botMessage(/Pat from our team has joined the chat/);

    await member.post(message('I was charged twice'));
    const detail = (await agent.get(`/api/agent/escalations/${escalation!.id}`)).json as any;
    assert.ok(detail.escalation.transcript.some((e: any) => e.from === 'member' && e.text === 'I was charged twice'));

    const count = member.activities.length;
    await agent.post(`/api/agent/escalations/${escalation!.id}/messages`, { text: 'Let me look at that for you.' });
    // Plain text with the agent's name, so the member can tell the agent from the assistant.
    const said = await member.botMessage(/^Pat \(agent\): Let me look at that for you\.$/, count);
    assert.equal((said as any).textFormat, 'plain');
    assert.equal(said.from.name, 'Pat (agent)');
    await agent.post(`/api/agent/escalations/${escalation!.id}/messages`, { link: 'billing.disputes' });
    const page = await member.waitFor(
      (c) => c.activities.find((a) => ((a as any).attachments ?? []).some((x: any) => x.content?.actions?.some((act: any) => act.title === 'Appeals and disputes'))),
      'the portal page as a card',
    );
    assert.equal((page as any).attachments[0].content.actions[0].url, 'https://member.evergreen-health.example/secure/coverage/appeals');

    await agent.post(`/api/agent/escalations/${escalation!.id}/resolve`, { outcome: 'resolved' });
    await member.botMessage(/Pat has ended the chat\. I'm the assistant again/);
    const before = member.activities.length;
    await member.post(message('I forgot my password'));
    await member.botMessage(/reset|sign/i, before);
  });
});
