import assert from 'node:assert/strict';
import { request, startAssistant, type RunningAssistant } from '../support/assistant';
import { Agent, AGENTS, agentAccounts, connectorMember, FakeConnector } from '../support/handoff';

/**
 * The whole hand-off over real HTTP: the member on /api/messages (expectReplies for their own
 * turns; the agent's messages arrive proactively at a loopback Bot Connector, as they would on
 * Teams, SMS or Azure Web Chat), agents on the agent API and its live stream.
 */
describe('hand-off end to end (real HTTP)', function () {
  this.timeout(30_000);
  let running: RunningAssistant;
  let connector: FakeConnector;
  let conversations = 0;

  before(async () => {
    connector = await new FakeConnector().start();
    running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts() });
  });

  after(async () => {
    await running?.stop();
    assert.deepEqual(connector.unexpected, [], "only activity POSTs reach the channel");
    await connector?.stop();
  });

  /** One member's conversation on /api/messages; `say` returns the texts of the replies to that turn. */
  const member = (channelId = 'webchat') => connectorMember(running.url, connector, `handoff-${++conversations}`, channelId);

  it('member asks for a person, agents see it live, one claims (the other gets 409), they chat both ways, an emergency mid-chat, the agent resolves and the assistant is back', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const sam = await Agent.login(running.url, 'sam', AGENTS.sam);
    const stream = pat.stream();
    assert.equal(await stream.status, 200);
    await stream.waitFor((events) => events.some((e) => e.event === 'queue'), 'the first queue');

    const m = member();
    const queued = await m.say('I want to talk to a person');
    assert.match(queued, /A person from our team can help you\.\s+I've asked someone to join this chat\./);
    assert.match(queued, /number 1 in line/);
    assert.match(queued, /The wait is about/);
    assert.match(queued, /keep typing/);
    assert.match(queued, /type LEAVE/);

    // Live: the new escalation appears on the stream without asking.
    const live = await stream.queue((list) => list.some((e) => e.conversationId === m.conversationId), 'the new escalation on the stream');
    const escalation = live.find((e) => e.conversationId === m.conversationId)!;
    assert.equal(escalation.status, 'queued');
    assert.equal(escalation.channelId, 'webchat');
    assert.equal(escalation.locale, 'en');
    assert.equal(escalation.intent, null);
    assert.equal(escalation.summary, 'Asked for a person. No topic yet.');
    assert.equal(escalation.position, 1);
    assert.deepEqual(escalation.member, { verified: false });

    const listed = (await sam.escalations()).find((e) => e.id === escalation.id)!;
    for (const field of ['id', 'conversationId', 'channelId', 'intent', 'summary', 'status', 'createdAt']) assert.ok(field in listed, field);
    const detail = await sam.get(`/api/agent/escalations/${escalation.id}`);
    assert.equal(detail.status, 200);
    const transcript = (detail.json as any).escalation.transcript as Array<Record<string, any>>;
    assert.ok(transcript.some((e) => e.from === 'member' && e.text === 'I want to talk to a person'), 'the transcript has what the member asked');

    // A message while waiting goes into the transcript (and to whoever takes it).
    assert.match(await m.say('it is about a charge on my bill'), /added that for the person/);

    // Two agents claim at the same moment: exactly one wins.
    const [a, b] = await Promise.all([pat.post(`/api/agent/escalations/${escalation.id}/claim`), sam.post(`/api/agent/escalations/${escalation.id}/claim`)]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const [winner, loser, loserAnswer] = a.status === 200 ? [pat, sam, b] : [sam, pat, a];
    assert.equal((loserAnswer.json as any).error, 'already_claimed');
    const winnerName = winner === pat ? 'Pat' : 'Sam';
    await connector.message(m.conversationId, new RegExp(`${winnerName} from our team has joined the chat`));

    // Member → agent: no answer from the assistant; the agent sees it.
    const before = connector.received.length;
    assert.equal(await m.say('Hello? Are you there?'), '', 'the assistant stays out of it');
    await stream.waitFor(
      (events) => events.some((e) => e.event === 'entries' && e.data.escalationId === escalation.id && e.data.entries.some((x: any) => x.text === 'Hello? Are you there?')),
      "the member's message on the agent's stream",
    );

    // Agent → member, on the member's own channel, proactively.
    const sent = await winner.post(`/api/agent/escalations/${escalation.id}/messages`, { text: 'Hi, I can help with that charge.' });
    assert.equal(sent.status, 201, sent.text);
    assert.equal((sent.json as any).delivered, true);
    const hi = await connector.message(m.conversationId, new RegExp(`^${winnerName} \\(agent\\): Hi, I can help with that charge\\.$`), before);
    assert.equal(hi.textFormat, 'plain');
    const link = await winner.post(`/api/agent/escalations/${escalation.id}/messages`, { link: 'billing.payBill' });
    assert.equal(link.status, 201);
    const card = await connector.message(m.conversationId, /Pay a bill https:\/\/member\.evergreen-health\.example\/secure\/billing\/pay/);
    assert.equal(card.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');

    // The other agent may read but not write, and a second claim is refused.
    assert.equal((await loser.post(`/api/agent/escalations/${escalation.id}/messages`, { text: 'me too' })).status, 409);
    assert.equal((await loser.post(`/api/agent/escalations/${escalation.id}/claim`)).status, 409);

    // An emergency mid-chat: the member gets the emergency answer at once, the agent an alert.
    const emergency = await m.say("I'm having crushing chest pain and can't breathe");
    assert.match(emergency, /Call 911 now/);
    const alert = await stream.waitFor((events) => events.find((e) => e.event === 'alert' && e.data.escalationId === escalation.id), 'the alert on the stream');
    assert.equal(alert.data.kind, 'medical');
    const afterAlert = (await winner.get(`/api/agent/escalations/${escalation.id}`)).json as any;
    assert.equal(afterAlert.escalation.alerts, 1);
    assert.equal(afterAlert.escalation.status, 'active', 'the agent keeps the conversation');

    // The agent ends the chat: the member is told, and the assistant routes again.
    const resolved = await winner.post(`/api/agent/escalations/${escalation.id}/resolve`, { outcome: 'resolved' });
    assert.equal(resolved.status, 200, resolved.text);
    assert.equal((resolved.json as any).escalation.status, 'resolved');
    await connector.message(m.conversationId, new RegExp(`${winnerName} has ended the chat\\. I'm the assistant again`));
    assert.match(await m.say('how do I pay my bill'), /pay online|Billing/i);
    assert.ok(!(await winner.escalations()).some((e) => e.id === escalation.id), 'no longer in the queue');
    assert.equal((await winner.post(`/api/agent/escalations/${escalation.id}/messages`, { text: 'one more thing' })).status, 409);

    // Counted: the escalation, and the wait until the claim (GET /metrics, Prometheus).
    const metrics = await request(`${running.url}/metrics`);
    assert.match(metrics.text, /assistant_escalations_total\{reason="member_asked",channel="webchat"\} [1-9]/);
    assert.match(metrics.text, /assistant_escalation_wait_seconds_count [1-9]/);

    // Nothing the member wrote is in the logs.
    assert.ok(!running.logs.all.includes('charge on my bill') && !running.logs.all.includes('chest pain'));
    assert.ok(!running.logs.all.includes(winner.token), 'tokens are never logged');
    stream.close();
  });

  it('the member can leave the line, and the agent gives a conversation back to the assistant', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const leaving = member();
    await leaving.say('talk to a person');
    assert.match(await leaving.say('never mind'), /left the line/);
    assert.match(await leaving.say('refill my prescription'), /prescription/i, 'the assistant has the conversation again');

    const other = member();
    await other.say('talk to a person');
    const id = (await pat.escalations()).find((e) => e.conversationId === other.conversationId)!.id;
    assert.equal((await pat.post(`/api/agent/escalations/${id}/claim`)).status, 200);
    const back = await pat.post(`/api/agent/escalations/${id}/resolve`, { outcome: 'handed_back' });
    assert.equal(back.status, 200);
    await connector.message(other.conversationId, /Pat handed the chat back to me, the assistant/);
  });

  it('a member who types LEAVE during the chat ends it; the agent sees it', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const m = member();
    await m.say('talk to a person');
    const id = (await pat.escalations()).find((e) => e.conversationId === m.conversationId)!.id;
    await pat.post(`/api/agent/escalations/${id}/claim`);
    assert.match(await m.say('LEAVE'), /ended the chat with our team/);
    const detail = (await pat.get(`/api/agent/escalations/${id}`)).json as any;
    assert.equal(detail.escalation.status, 'cancelled');
    assert.equal(detail.escalation.outcome, 'member_left');
  });

  it('on SMS: plain text of at most 320 characters, LEAVE says how to go, STOP ends the chat and opts out', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const sms = member('sms');
    const queued = await sms.say('agent');
    assert.match(queued, /type LEAVE/);
    const id = (await pat.escalations()).find((e) => e.conversationId === sms.conversationId)!.id;
    await pat.post(`/api/agent/escalations/${id}/claim`);
    const joined = await connector.message(sms.conversationId, /Pat from our team has joined/);
    assert.equal(joined.attachments, undefined);
    const long = 'Thanks for waiting. '.repeat(30).trim();
    await pat.post(`/api/agent/escalations/${id}/messages`, { text: long });
    await pat.post(`/api/agent/escalations/${id}/messages`, { link: 'pharmacy.refill' });
    const page = await connector.message(sms.conversationId, /Refill a prescription: https:\/\//);
    assert.equal(page.attachments, undefined, 'SMS: no cards');
    const toMember = connector.received.filter((r) => r.conversationId === sms.conversationId).map((r) => r.activity.text as string);
    for (const text of toMember) assert.ok(text.length <= 320, `SMS of ${text.length} characters`);
    assert.ok(toMember.filter((t) => t.startsWith('Thanks for waiting')).length >= 2, 'a long agent message is split');

    // STOP is an opt-out, even mid-chat: the chat ends and the number is opted out.
    assert.match(await sms.say('STOP'), /unsubscribed/);
    const detail = (await pat.get(`/api/agent/escalations/${id}`)).json as any;
    assert.equal(detail.escalation.outcome, 'member_opted_out');
    assert.equal(await sms.say('hello?'), '', 'opted out: nothing more');
  });

  it('a channel that refuses the message: the agent is told it was not delivered, and it stays in the transcript', async () => {
    const pat = await Agent.login(running.url, 'pat', AGENTS.pat);
    const m = member();
    await m.say('talk to a person');
    const id = (await pat.escalations()).find((e) => e.conversationId === m.conversationId)!.id;
    await pat.post(`/api/agent/escalations/${id}/claim`);
    connector.failWith = 403;
    try {
      const answer = await pat.post(`/api/agent/escalations/${id}/messages`, { text: 'Can you see this?' });
      assert.equal(answer.status, 201);
      assert.equal((answer.json as any).delivered, false);
      assert.equal((answer.json as any).entry.delivered, false);
    } finally {
      connector.failWith = undefined;
    }
    await pat.post(`/api/agent/escalations/${id}/resolve`);
  });
});
