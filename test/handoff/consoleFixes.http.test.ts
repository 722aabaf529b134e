import assert from 'node:assert/strict';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { DirectLineClient, getGrant, message } from '../support/directline';
import { Agent, AGENTS, agentAccounts, connectorMember, FakeConnector, textOf } from '../support/handoff';

/**
 * What the agent console got wrong (issue 18), over real HTTP: members on /api/messages (their
 * agent messages arrive at a loopback Bot Connector, as on Teams, SMS or Azure Web Chat) or on the
 * local Direct Line channel (what the chat widget uses), agents on the agent API. The queue sweep
 * is set to run once an hour: whatever happens here happens because of the action, not a sweep.
 */
describe('agent console fixes (real HTTP)', function () {
  this.timeout(60_000);
  let running: RunningAssistant;
  let connector: FakeConnector;
  let conversations = 0;
  const clients: DirectLineClient[] = [];

  before(async () => {
    connector = await new FakeConnector().start();
    running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts(), AGENT_LOGIN_ATTEMPTS_PER_MINUTE: '0' }, { handoff: { sweepEveryMs: 3_600_000 } });
  });

  after(async () => {
    for (const c of clients) c.end();
    await running?.stop();
    await connector?.stop();
  });

  afterEach(async () => {
    // Every test starts with nobody waiting and nobody signed in.
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    for (const e of await pat.escalations()) {
      if (e.status === 'queued') await pat.post(`/api/agent/escalations/${e.id}/claim`);
      await pat.post(`/api/agent/escalations/${e.id}/resolve`);
    }
    await pat.post('/api/agent/logout');
  });

  const member = (channelId = 'webchat') => connectorMember(running.url, connector, `fixes-${++conversations}`, channelId);

  async function escalationOf(agent: Agent, conversationId: string): Promise<Record<string, any>> {
    const found = (await agent.escalations()).find((e) => e.conversationId === conversationId);
    assert.ok(found, `an escalation for ${conversationId}`);
    return found;
  }

  it('a crisis while waiting: first in line for the agent and for the member, and the agent sees the assistant’s answer', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const first = member();
    const second = member();
    const third = member();
    assert.match(await first.say('I want to talk to a person'), /number 1 in line/);
    assert.match(await second.say('I want to talk to a person'), /number 2 in line/);
    assert.match(await third.say('I want to talk to a person'), /number 3 in line/);

    const crisis = await third.say('I want to kill myself');
    assert.match(crisis, /988/, 'the crisis answer at once');
    const queue = await pat.escalations();
    assert.deepEqual(
      queue.map((e) => [e.conversationId, e.position]),
      [
        [third.conversationId, 1],
        [first.conversationId, 2],
        [second.conversationId, 3],
      ],
    );
    assert.equal(queue[0]!.alerts, 1);
    // The member's next message tells them their new place.
    assert.match(await third.say('are you still there?'), /number 1 in line/);

    const detail = ((await pat.get(`/api/agent/escalations/${queue[0]!.id}`)).json as any).escalation;
    const alert = detail.transcript.findIndex((e: any) => e.from === 'member' && e.alert === 'crisis');
    assert.ok(alert >= 0, 'the crisis message with its alert');
    const answer = detail.transcript[alert + 1];
    assert.equal(answer.from, 'assistant');
    assert.match(answer.text, /Call or text 988 now/, 'the assistant’s crisis answer, as the member got it');
  });

  it('an agent who signs out while holding a chat: the member is told at once, and the chat goes back in line', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const sam = await Agent.login(running.url, 'sam', AGENTS.sam);
    const m = member();
    await m.say('I want to talk to a person');
    const escalation = await escalationOf(pat, m.conversationId);
    assert.equal((await pat.post(`/api/agent/escalations/${escalation.id}/claim`)).status, 200);
    await connector.message(m.conversationId, /Pat from our team has joined the chat/);

    const before = connector.received.length;
    assert.equal((await pat.post('/api/agent/logout')).status, 204);
    // Told by the time the sign-out answered (the sweep runs once an hour here).
    assert.ok(
      connector.received.slice(before).some((r) => r.conversationId === m.conversationId && /had to leave\. You're back in line/.test(textOf(r.activity))),
      'the member is told at once',
    );
    const back = await escalationOf(sam, m.conversationId);
    assert.equal(back.status, 'queued');
    assert.equal(back.agent, null);

    // The last agent signs out: the member gets the other ways to reach us, at once.
    assert.equal((await sam.post(`/api/agent/escalations/${escalation.id}/claim`)).status, 200);
    const beforeSam = connector.received.length;
    assert.equal((await sam.post('/api/agent/logout')).status, 204);
    assert.ok(
      connector.received.slice(beforeSam).some((r) => r.conversationId === m.conversationId && /1-800-555-0100/.test(textOf(r.activity))),
      'the member is given the phone line at once',
    );
  });

  it('the plan’s own phone numbers are shown to the agent; a member’s own number is not', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const m = member();
    assert.match(await m.say('I have chest pain'), /1-800-555-0111/);
    await m.say('I want to talk to a person');
    await m.say('I called 1-800-555-0100 and nobody answered. Call me back at 503-555-0199');
    const escalation = await escalationOf(pat, m.conversationId);
    const transcript = ((await pat.get(`/api/agent/escalations/${escalation.id}`)).json as any).escalation.transcript as Array<Record<string, any>>;
    assert.ok(transcript.some((e) => e.from === 'assistant' && e.text.includes('1-800-555-0111')), 'the nurse line the assistant gave');
    const last = transcript.findLast((e) => e.from === 'member')!;
    assert.equal(last.text, 'I called 1-800-555-0100 and nobody answered. Call me back at [PHONE]');
  });

  it('Teams and SMS agent messages carry the agent’s name, as plain text', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    for (const channelId of ['msteams', 'sms']) {
      const m = member(channelId);
      await m.say('talk to a person');
      const escalation = await escalationOf(pat, m.conversationId);
      await pat.post(`/api/agent/escalations/${escalation.id}/claim`);
      const before = connector.received.length;
      assert.equal((await pat.post(`/api/agent/escalations/${escalation.id}/messages`, { text: 'Type it as <last name>, <first name>' })).status, 201);
      const sent = await connector.message(m.conversationId, /^Pat \(agent\): Type it as <last name>, <first name>$/, before);
      assert.equal(sent.textFormat, 'plain', channelId);
      await pat.post(`/api/agent/escalations/${escalation.id}/resolve`);
    }
  });

  it('chat widget members: no typing dots in a live chat, and a member who left is shown as gone, messages to them not delivered', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const grant = await getGrant(running.url);
    const client = new DirectLineClient({ token: grant.token, domain: grant.domain, webSocket: true });
    clients.push(client);
    await client.botMessage(/member assistant/);
    await client.post(message('talk to a person'));
    await client.botMessage(/number 1 in line/);
    const escalation = await escalationOf(pat, grant.conversationId);
    assert.equal(escalation.memberOnline, true);
    await pat.post(`/api/agent/escalations/${escalation.id}/claim`);
    await client.botMessage(/Pat from our team has joined/);

    // The member writes; the agent answers. The assistant said nothing, and showed no typing.
    const from = client.activities.length;
    await client.post(message('I was charged twice'));
    const sent = await pat.post(`/api/agent/escalations/${escalation.id}/messages`, { text: 'Let me check.' });
    assert.equal((sent.json as any).delivered, true);
    await client.botMessage(/Pat \(agent\): Let me check\./, from);
    const typing = client.activities.slice(from).filter((a) => a.type === 'typing' && a.from.role === 'bot');
    assert.deepEqual(typing, [], 'no typing dots from the assistant in a live chat');

    // The member closes the chat: the console shows it, and nothing is "delivered" any more.
    const stream = pat.stream();
    await stream.queue((list) => list.some((e) => e.id === escalation.id && e.memberOnline === true), 'the member online on the stream');
    client.end();
    await stream.queue((list) => list.some((e) => e.id === escalation.id && e.memberOnline === false), 'the member shown as gone');
    stream.close();
    const lost = await pat.post(`/api/agent/escalations/${escalation.id}/messages`, { text: 'Are you still there?' });
    assert.equal(lost.status, 201);
    assert.equal((lost.json as any).delivered, false);
    assert.equal((lost.json as any).entry.delivered, false);
    assert.equal((lost.json as any).escalation.memberOnline, false);
  });
});
