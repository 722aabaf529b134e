import assert from 'node:assert/strict';
import { AzureBlobStorage } from '../../storage/blobStorage';
import { LockedStorage } from '../../storage/lockedStorage';
import type { AssistantStorage } from '../../storage/types';
import { silentLogger } from '../../common/logger';
import { noMetrics, type AssistantMetrics } from '../../ops/metrics';
import { ResponseCatalog } from '../../common/responses';
import { HandoffEvents } from '../../handoff/core/events';
import { MAX_TRANSCRIPT_ENTRIES, type EscalationDraft, type EscalationRecord } from '../../handoff/core/model';
import { AgentPresence } from '../../handoff/core/presence';
import { HandoffService, type MemberMessage } from '../../handoff/core/service';
import { EscalationStore } from '../../handoff/core/store';
import { loadPortalProfile } from '../../services/portal/profile';
import { startAzurite, type Azurite } from '../support/azurite';

const catalog = ResponseCatalog.load();
const profile = loadPortalProfile('default');

/** One assistant instance's hand-off service over a (shared) store. */
function instance(storage: AssistantStorage, options: { now?: () => number; metrics?: AssistantMetrics } = {}) {
  const now = options.now ?? Date.now;
  const sent: Array<{ id: string; message: MemberMessage }> = [];
  const presence = new AgentPresence(storage, now);
  const service = new HandoffService({
    store: new EscalationStore(storage, now),
    presence,
    events: new HandoffEvents(),
    catalog,
    profile,
    logger: silentLogger(),
    metrics: options.metrics ?? noMetrics,
    now,
    maxWaitMs: 20 * 60_000,
  });
  service.connect({
    send: async (record, message) => {
      sent.push({ id: record.id, message });
      return true;
    },
  });
  return { service, presence, sent };
}

let counter = 0;
function draft(overrides: Partial<EscalationDraft> = {}): EscalationDraft {
  counter++;
  return {
    conversationId: `conv-${counter}`,
    channelId: 'webchat',
    reference: { serviceUrl: 'http://127.0.0.1:9/', conversation: { id: `conv-${counter}` } },
    member: { verified: false },
    locale: 'en',
    intent: 'billing',
    reason: 'dispute',
    summary: 'reason=dispute; topic=billing',
    transcript: [{ at: new Date().toISOString(), from: 'member', text: 'I want to dispute a charge' }],
    ...overrides,
  };
}

const agents = Array.from({ length: 8 }, (_, i) => ({ id: `agent-${i}`, name: `Agent ${i}` }));

async function race(instances: Array<ReturnType<typeof instance>>) {
  const { record } = await instances[0]!.service.enqueue(draft());
  const results = await Promise.all(agents.map((agent, i) => instances[i % instances.length]!.service.claim(record!.id, agent)));
  const winners = results.filter((r) => r.kind === 'claimed');
  assert.equal(winners.length, 1, `exactly one claim wins: ${results.map((r) => r.kind).join(', ')}`);
  assert.ok(results.every((r) => r.kind === 'claimed' || r.kind === 'taken'));
  const stored = (await instances[1 % instances.length]!.service.get(record!.id))!;
  assert.equal(stored.status, 'active');
  assert.equal(stored.agent?.id, (winners[0] as { record: EscalationRecord }).record.agent?.id);
  assert.equal(stored.transcript.filter((e) => /joined the chat/.test(e.text) && e.from === 'system').length, 1, 'one join, not eight');
  const joined = instances.flatMap((i) => i.sent).filter((s) => s.id === record!.id);
  assert.equal(joined.length, 1, 'the member is told once');
}

describe('escalation store and service', function () {
  this.timeout(60_000);

  it('two instances, eight agents claiming at once: exactly one wins (eTag-checked updates)', async () => {
    const shared = new LockedStorage();
    await race([instance(shared), instance(shared)]);
  });

  describe('on Azure Blob Storage (Azurite), one client per instance', () => {
    let azurite: Azurite;
    before(async () => (azurite = await startAzurite()));
    after(() => azurite?.stop());

    it('exactly one claim wins', async () => {
      const make = () => new AzureBlobStorage(azurite.connectionString, 'handoff-race');
      const first = make();
      await first.ready();
      await race([instance(first), instance(make()), instance(make())]);
    });
  });

  it('a conversation has one open escalation: asking again (or a turn run twice) finds it', async () => {
    const { service } = instance(new LockedStorage());
    const d = draft();
    const first = await service.enqueue(d);
    const second = await service.enqueue({ ...d, summary: 'again' });
    assert.equal(first.created, true);
    assert.equal(second.created, false);
    assert.equal(second.record?.id, first.record?.id);
    assert.equal((await service.listOpen()).length, 1);
  });

  it('places in line follow arrival; closed escalations leave the queue', async () => {
    let now = Date.parse('2026-03-02T18:00:00Z');
    const { service } = instance(new LockedStorage(), { now: () => now });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await service.enqueue(draft())).record!.id);
      now += 1000;
    }
    const third = (await service.get(ids[2]!))!;
    assert.equal(await service.position(third), 3);
    await service.memberLeft(ids[0]!, 'member_left');
    assert.equal(await service.position(third), 2);
    await service.claim(ids[1]!, agents[0]!);
    assert.equal(await service.position(third), 1);
    assert.deepEqual((await service.listOpen()).map((r) => r.id), ids.slice(1));
  });

  it('a member message counted once per activity (a re-run turn), and the transcript stays bounded', async () => {
    const { service } = instance(new LockedStorage());
    const { record } = await service.enqueue(draft());
    await service.memberMessage(record!.id, { text: 'hello', activityId: 'a1' });
    await service.memberMessage(record!.id, { text: 'hello', activityId: 'a1' });
    assert.equal((await service.get(record!.id))!.transcript.filter((e) => e.text === 'hello').length, 1);
    for (let i = 0; i < MAX_TRANSCRIPT_ENTRIES + 20; i++) await service.memberMessage(record!.id, { text: `message ${i} ${'x'.repeat(3000)}` });
    const stored = (await service.get(record!.id))!;
    assert.equal(stored.transcript.length, MAX_TRANSCRIPT_ENTRIES);
    assert.equal(stored.dropped, 22);
    assert.ok(stored.transcript.every((e) => e.text.length <= 2000));
    assert.equal(stored.transcript.at(-1)!.seq, MAX_TRANSCRIPT_ENTRIES + 22);
  });

  it('only the claiming agent writes or resolves; a closed conversation takes nothing more', async () => {
    const { service, sent } = instance(new LockedStorage());
    const { record } = await service.enqueue(draft());
    assert.equal((await service.send(record!.id, agents[0]!, { text: 'hi' })).kind, 'not_claimed');
    await service.claim(record!.id, agents[0]!);
    assert.equal((await service.send(record!.id, agents[1]!, { text: 'hi' })).kind, 'taken');
    assert.equal((await service.send(record!.id, agents[0]!, { link: 'no.such.page' })).kind, 'unknown_link');
    const ok = await service.send(record!.id, agents[0]!, { text: 'hi', link: 'billing.disputes' });
    assert.equal(ok.kind, 'ok');
    assert.deepEqual(sent.at(-1)!.message.links, [{ title: 'Appeals and disputes', url: 'https://member.evergreen-health.example/secure/coverage/appeals' }]);
    assert.equal((await service.resolve(record!.id, agents[1]!, 'resolved')).kind, 'taken');
    assert.equal((await service.resolve(record!.id, agents[0]!, 'handed_back')).kind, 'ok');
    assert.equal((await service.resolve(record!.id, agents[0]!, 'resolved')).kind, 'closed');
    assert.equal((await service.claim(record!.id, agents[1]!)).kind, 'closed');
  });

  it('metrics: one escalation created, and the wait until the claim', async () => {
    let now = Date.parse('2026-03-02T18:00:00Z');
    const created: string[] = [];
    const waits: number[] = [];
    const metrics = { ...noMetrics, escalationCreated: (reason: string, channel: string) => void created.push(`${reason}/${channel}`), escalationWait: (s: number) => void waits.push(s) };
    const { service } = instance(new LockedStorage(), { now: () => now, metrics });
    const d = draft();
    const { record } = await service.enqueue(d);
    await service.enqueue(d);
    now += 90_000;
    await service.claim(record!.id, agents[0]!);
    assert.deepEqual(created, ['dispute/webchat']);
    assert.deepEqual(waits, [90]);
  });

  it('sweeps on every instance at once: the member waiting on nobody is told exactly once', async () => {
    const now = Date.parse('2026-03-02T18:00:00Z');
    const shared = new LockedStorage();
    const one = instance(shared, { now: () => now });
    const two = instance(shared, { now: () => now });
    const { record } = await one.service.enqueue(draft());
    const counts = await Promise.all([one.service.sweep(), two.service.sweep(), one.service.sweep()]);
    assert.equal(counts.reduce((a, b) => a + b, 0), 1);
    const told = [...one.sent, ...two.sent].filter((s) => s.id === record!.id);
    assert.equal(told.length, 1);
    assert.match(told[0]!.message.text, /no one from our chat team is available anymore[\s\S]*Call Billing at 1-800-555-0133/);
    assert.equal((await one.service.get(record!.id))!.outcome, 'no_agents');
  });

  it('an agent who is no longer on duty: their conversation goes back in line for another agent', async () => {
    let now = Date.parse('2026-03-02T18:00:00Z');
    const { service, presence, sent } = instance(new LockedStorage(), { now: () => now });
    await presence.seen(agents[0]!);
    const { record } = await service.enqueue(draft());
    await service.claim(record!.id, agents[0]!);
    now += 3 * 60_000; // agent 0 vanished (no presence for three minutes); agent 1 is here
    await presence.seen(agents[1]!);
    assert.equal(await service.sweep(), 1);
    const back = (await service.get(record!.id))!;
    assert.equal(back.status, 'queued');
    assert.equal(back.agent, undefined);
    assert.match(sent.at(-1)!.message.text, /back in line/);
    assert.equal((await service.claim(record!.id, agents[1]!)).kind, 'claimed');
  });
});
