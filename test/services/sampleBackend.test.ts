import assert from 'node:assert/strict';
import { PRESCRIPTION_STATUSES } from '../../services/pharmacy/prescriptionLookup';
import { loadSampleData, SampleDataError } from '../../services/sample/sampleData';
import { SampleBackend } from '../../services/sample/sampleBackend';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NOW = Date.parse('2025-06-05T17:00:00Z'); // Thursday 10:00 in the sample's time zone

describe('sample member data (the embedded default)', () => {
  it('has prescriptions in every status, upcoming appointments (one a video visit), a member with proxy access, and phones and Teams ids', async () => {
    const sample = new SampleBackend(loadSampleData(), () => NOW);
    const all = (await Promise.all(sample.members().map((m) => sample.list(m.memberId)))).flatMap((r) => (r.ok ? r.value : []));
    assert.deepEqual([...new Set(all.map((p) => p.status))].sort(), [...PRESCRIPTION_STATUSES].sort());
    const upcoming = await sample.upcoming('EH1000001', new Date(NOW).toISOString());
    assert.ok(upcoming.ok && upcoming.value.some((a) => a.mode === 'video'));
    assert.ok(upcoming.ok && upcoming.value.every((a) => Date.parse(a.start) > NOW), 'relative to today: always upcoming');
    const alex = await sample.get('EH1000001');
    assert.deepEqual(alex.ok && alex.value?.proxyFor, [{ memberId: 'EH1000003', givenName: 'Sam' }]);
    assert.deepEqual((await sample.findByPhone('(503) 555-0101')).ok, true);
    const byTeams = await sample.findByTeamsUser('00000000-0000-4000-8000-000000000002');
    assert.equal(byTeams.ok && byTeams.value?.memberId, 'EH1000002');
  });

  it('the same idempotency key refills and books once (a turn that runs again)', async () => {
    const sample = new SampleBackend(loadSampleData(), () => NOW);
    const first = await sample.requestRefill('EH1000001', 'mr-1000106', 'turn-1');
    const again = await sample.requestRefill('EH1000001', 'mr-1000106', 'turn-1');
    assert.deepEqual(again, first);
    assert.ok(first.ok && first.value.kind === 'requested');
    const other = await sample.requestRefill('EH1000001', 'mr-1000106', 'turn-2');
    assert.ok(other.ok && other.value.kind === 'notRefillable', 'a second, different request finds it in progress');

    const slots = await sample.freeSlots({ care: 'primary', mode: 'video', from: new Date(NOW).toISOString(), to: new Date(NOW + 7 * 86_400_000).toISOString(), limit: 3 });
    assert.ok(slots.ok && slots.value.length === 3);
    const slot = slots.value[0]!;
    const booked = await sample.book('EH1000002', slot.id, 'turn-3');
    assert.deepEqual(await sample.book('EH1000002', slot.id, 'turn-3'), booked);
    const mine = await sample.upcoming('EH1000002', new Date(NOW).toISOString());
    assert.equal(mine.ok && mine.value.length, 1);
    assert.deepEqual(await sample.book('EH1000001', slot.id, 'turn-4'), { ok: false, problem: 'conflict' }, 'the slot is taken');
  });

  it('a broken data file stops start-up with a message that names the field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sample-'));
    const file = path.join(dir, 'members.json');
    const data = loadSampleData() as unknown as { members: Array<{ prescriptions: Array<Record<string, unknown>> }> };
    delete data.members[0]!.prescriptions[1]!.nextFillInDays;
    writeFileSync(file, JSON.stringify(data));
    assert.throws(() => loadSampleData(file), (err: Error) => err instanceof SampleDataError && /prescriptions\.1\.nextFillInDays: required when status is tooSoon/.test(err.message));
  });
});
