import assert from 'node:assert/strict';
import { LogCapture } from '../support/logs';
import { FhirClient } from '../../services/fhir/client';
import { FhirAppointments, loadCareCodes } from '../../services/fhir/fhirAppointments';
import { FhirDirectory } from '../../services/fhir/fhirDirectory';
import { FhirPharmacy } from '../../services/fhir/fhirPharmacy';
import { ClientCredentialsToken } from '../../services/fhir/token';
import type { AssistantMetrics } from '../../ops/metrics';
import { noMetrics } from '../../ops/metrics';
import { CircuitBreaker } from '../../services/resilience/circuitBreaker';
import { FhirTestServer } from '../support/fhirServer';

const TODAY = Date.parse('2025-06-05T17:00:00Z'); // 10:00 in Portland

describe('FHIR R4 back end against recorded bundles on a loopback server', () => {
  let server: FhirTestServer;
  let now: number;
  let logs: LogCapture;
  let errors: Array<[string, string]>;

  const metrics: AssistantMetrics = { ...noMetrics, backendError: (service, kind) => void errors.push([service, kind]) };

  function client(options: { token?: boolean; retries?: number; timeoutMs?: number; breaker?: CircuitBreaker } = {}) {
    const token = options.token
      ? new ClientCredentialsToken({ tokenUrl: `${server.url}/token`, clientId: 'assistant', clientSecret: 's3cret!', scope: 'system/*.read' }, { fetch, timeoutMs: 2000, clock: () => now })
      : undefined;
    return new FhirClient({
      baseUrl: server.base,
      timeoutMs: options.timeoutMs ?? 2000,
      retries: options.retries ?? 2,
      ...(token ? { token } : {}),
      breaker: options.breaker ?? new CircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000, clock: () => now }),
      sleep: async () => undefined,
      metrics,
      logger: logs.logger,
    });
  }

  const pharmacy = (c = client()) => new FhirPharmacy(c, { logger: logs.logger, clock: () => now });
  const appointments = (c = client()) => new FhirAppointments(c, { logger: logs.logger, careCodes: loadCareCodes() });

  function servePrescriptions(): void {
    server
      .serve('GET', '/fhir/MedicationRequest', 'medicationrequest-search.json')
      .on('GET', '/fhir/MedicationRequest', (req) =>
        req.url.includes('_getpages') ? { status: 200, body: server.fixture('medicationrequest-search-page2.json') } : { status: 200, body: server.fixture('medicationrequest-search.json') },
      )
      .serve('GET', '/fhir/MedicationDispense', 'medicationdispense-search.json');
  }

  beforeEach(async () => {
    server = await FhirTestServer.start();
    now = TODAY;
    logs = new LogCapture();
    errors = [];
  });

  afterEach(async () => {
    await server.close();
  });

  describe('prescriptions (MedicationRequest + MedicationDispense)', () => {
    it('derives every status, refills left and the pharmacy, following the next page', async () => {
      servePrescriptions();
      const result = await pharmacy().list('EH1000001');
      assert.ok(result.ok);
      const byRx = Object.fromEntries(result.value.map((p) => [p.rxNumber, p]));
      assert.deepEqual(
        Object.fromEntries(result.value.map((p) => [p.rxNumber, p.status])),
        {
          '1000101': 'readyForPickup',
          '1000102': 'tooSoon',
          '1000103': 'pendingAuthorization',
          '1000104': 'shipped',
          '1000105': 'noRefillsLeft',
          '1000106': 'refillable',
          '1000107': 'inProgress',
        },
      );
      assert.equal(byRx['1000102']!.nextFillDate, '2025-06-12', 'handed over 2025-05-20 + 75% of 30 days');
      assert.equal(byRx['1000101']!.medication, 'Lisinopril 10 mg tablet');
      assert.equal(byRx['1000101']!.pharmacy, 'Evergreen Pharmacy Downtown');
      assert.equal(byRx['1000101']!.refillsLeft, 3);
      assert.equal(byRx['1000104']!.pharmacy, 'Evergreen Mail Order Pharmacy');
      const search = server.seen('GET', '/fhir/MedicationRequest')[0]!;
      assert.match(search.url, /patient=Patient%2FEH1000001/);
      assert.equal(search.headers.accept, 'application/fhir+json');
      assert.equal(server.seen('GET', '/fhir/MedicationRequest').length, 2, 'the second page was read');
    });

    it('finds one by the Rx number on its label, and says null for a number the member does not have', async () => {
      servePrescriptions();
      const found = await pharmacy().status('EH1000001', '1000-101');
      assert.ok(found.ok && found.value?.medication === 'Lisinopril 10 mg tablet');
      const missing = await pharmacy().status('EH1000001', '9999999');
      assert.deepEqual(missing, { ok: true, value: null });
    });

    it('a refill request is a Task created once per idempotency key (If-None-Exist), never retried', async () => {
      servePrescriptions();
      server.on('POST', '/fhir/Task', { status: 201, body: { resourceType: 'Task', id: 't-1', status: 'requested' } });
      const result = await pharmacy().requestRefill('EH1000001', 'mr-6', 'key-abc');
      assert.ok(result.ok && result.value.kind === 'requested');
      assert.equal(result.value.prescription.status, 'inProgress');
      const post = server.seen('POST', '/fhir/Task')[0]!;
      assert.equal(post.headers['if-none-exist'], `identifier=${encodeURIComponent('urn:member-assistant:idempotency-key|key-abc')}`);
      const task = JSON.parse(post.body);
      assert.deepEqual(task.focus, { reference: 'MedicationRequest/mr-6' });
      assert.deepEqual(task.for, { reference: 'Patient/EH1000001' });
      assert.equal(post.headers['content-type'], 'application/fhir+json');

      server.on('POST', '/fhir/Task', { status: 500, body: server.fixture('operationoutcome-500.json') });
      assert.deepEqual(await pharmacy().requestRefill('EH1000001', 'mr-6', 'key-def'), { ok: false, problem: 'unavailable' });
      assert.equal(server.seen('POST', '/fhir/Task').length, 2, 'one try each: a POST is not retried');
    });

    it('a prescription that cannot be refilled now is not requested', async () => {
      servePrescriptions();
      const result = await pharmacy().requestRefill('EH1000001', 'mr-2', 'key-1');
      assert.ok(result.ok && result.value.kind === 'notRefillable' && result.value.prescription.status === 'tooSoon');
      assert.equal(server.seen('POST', '/fhir/Task').length, 0);
    });

    it('a malformed bundle is "unavailable" (never half a record), logged without PHI', async () => {
      server.serve('GET', '/fhir/MedicationRequest', 'medicationrequest-malformed.json').serve('GET', '/fhir/MedicationDispense', 'medicationdispense-search.json');
      assert.deepEqual(await pharmacy().list('EH1000001'), { ok: false, problem: 'unavailable' });
      assert.ok(logs.entries.some((e) => e.msg === 'FHIR response did not match the expected resource' && e.path === 'status'));
      assert.doesNotMatch(logs.all, /EH1000001|Lisinopril/);
      assert.deepEqual(errors.at(-1), ['fhir', 'error']);
    });

    it('a body that is not JSON at all is "unavailable"', async () => {
      server.on('GET', '/fhir/MedicationRequest', { status: 200, raw: '<html>gateway</html>' }).serve('GET', '/fhir/MedicationDispense', 'medicationdispense-search.json');
      assert.deepEqual(await pharmacy().list('EH1000001'), { ok: false, problem: 'unavailable' });
    });
  });

  describe('failures never strand the member', () => {
    it('a 5xx on a read is retried, then answered', async () => {
      let calls = 0;
      server.on('GET', '/fhir/Patient/EH1000001', () => (++calls < 3 ? { status: 503, body: server.fixture('operationoutcome-500.json') } : { status: 200, body: server.fixture('patient-EH1000001.json') }));
      const found = await new FhirDirectory(client(), { logger: logs.logger }).get('EH1000001');
      assert.deepEqual(found, { ok: true, value: { memberId: 'EH1000001', givenName: 'Alex', phone: '+15035550101', proxyFor: [] } });
      assert.equal(calls, 3);
      assert.deepEqual(errors, [['fhir', 'error'], ['fhir', 'error']]);
    });

    it('a 5xx that persists is "unavailable" after the configured retries; a 4xx is not retried', async () => {
      server.on('GET', '/fhir/Patient/EH1000001', { status: 500, body: server.fixture('operationoutcome-500.json') });
      assert.deepEqual(await new FhirDirectory(client({ retries: 2 }), { logger: logs.logger }).get('EH1000001'), { ok: false, problem: 'unavailable' });
      assert.equal(server.seen('GET', '/fhir/Patient/EH1000001').length, 3);
      server.on('GET', '/fhir/Patient/EH1000002', { status: 403, body: {} });
      await new FhirDirectory(client({ retries: 2 }), { logger: logs.logger }).get('EH1000002');
      assert.equal(server.seen('GET', '/fhir/Patient/EH1000002').length, 1);
    });

    it('a server that never answers times out (FHIR_TIMEOUT_MS), is retried, then "unavailable"', async () => {
      server.on('GET', '/fhir/Appointment', 'hang');
      const result = await appointments(client({ timeoutMs: 150, retries: 1 })).upcoming('EH1000001', new Date(now).toISOString());
      assert.deepEqual(result, { ok: false, problem: 'unavailable' });
      assert.equal(server.seen('GET', '/fhir/Appointment').length, 2);
      assert.deepEqual(errors, [['fhir', 'timeout'], ['fhir', 'timeout']]);
    });

    it('the circuit opens after repeated failures (no more waiting on the server), half-opens after the cooldown', async () => {
      server.on('GET', '/fhir/Patient/EH1000001', { status: 502, body: {} });
      const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000, clock: () => now });
      const directory = new FhirDirectory(client({ retries: 0, breaker }), { logger: logs.logger });
      for (let i = 0; i < 3; i++) await directory.get('EH1000001');
      assert.equal(breaker.state, 'open');
      const before = server.requests.length;
      assert.deepEqual(await directory.get('EH1000001'), { ok: false, problem: 'unavailable' });
      assert.equal(server.requests.length, before, 'nothing sent while open');
      assert.deepEqual(errors.at(-1), ['fhir', 'circuit_open']);

      now += 30_000;
      assert.equal(breaker.state, 'halfOpen');
      server.serve('GET', '/fhir/Patient/EH1000001', 'patient-EH1000001.json');
      assert.ok((await directory.get('EH1000001')).ok, 'the trial call goes through');
      assert.equal(breaker.state, 'closed');
    });

    it('a 404 is an answer (not found), not a failure of the server', async () => {
      const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 30_000, clock: () => now });
      const directory = new FhirDirectory(client({ breaker }), { logger: logs.logger });
      assert.deepEqual(await directory.get('EH0000000'), { ok: true, value: null });
      assert.equal(breaker.state, 'closed');
    });

    it('a next link to another server is not followed (the token stays with the FHIR server)', async () => {
      server
        .on('GET', '/fhir/MedicationRequest', { status: 200, body: server.fixture('medicationrequest-search.json', true) })
        .serve('GET', '/fhir/MedicationDispense', 'medicationdispense-search.json');
      const result = await pharmacy().list('EH1000001');
      assert.ok(result.ok);
      assert.equal(result.value.length, 6, 'page 2 (on http://fhir.test) not read');
      assert.equal(server.seen('GET', '/fhir/MedicationRequest').length, 1);
    });
  });

  describe('OAuth2 client credentials', () => {
    it('gets a token with Basic authentication, reuses it until it expires, and fetches a new one after a 401', async () => {
      let issued = 0;
      server.on('POST', '/token', () => ({ status: 200, body: { access_token: `token-${++issued}`, token_type: 'Bearer', expires_in: 300 } }));
      server.on('GET', '/fhir/Patient/EH1000001', (req) =>
        req.headers.authorization === `Bearer token-${issued}` && issued !== 2 ? { status: 200, body: server.fixture('patient-EH1000001.json') } : { status: 401, body: {} },
      );
      const directory = new FhirDirectory(client({ token: true }), { logger: logs.logger });
      assert.ok((await directory.get('EH1000001')).ok);
      assert.ok((await directory.get('EH1000001')).ok);
      assert.equal(issued, 1, 'cached');
      const tokenRequest = server.seen('POST', '/token')[0]!;
      assert.equal(tokenRequest.headers.authorization, `Basic ${Buffer.from('assistant:s3cret!').toString('base64')}`);
      assert.equal(tokenRequest.body, 'grant_type=client_credentials&scope=system%2F*.read');

      now += 300_000; // expired: token-2, which the server refuses once (401) → token-3
      assert.ok((await directory.get('EH1000001')).ok);
      assert.equal(issued, 3);
      assert.doesNotMatch(logs.all, /s3cret|token-\d/);
    });

    it('a token endpoint that fails is "unavailable"; the secret is never logged', async () => {
      server.on('POST', '/token', { status: 400, body: { error: 'invalid_client' } });
      const directory = new FhirDirectory(client({ token: true }), { logger: logs.logger });
      assert.deepEqual(await directory.get('EH1000001'), { ok: false, problem: 'unavailable' });
      assert.equal(server.seen('GET', '/fhir/Patient/EH1000001').length, 0);
      assert.doesNotMatch(logs.all, /s3cret/);
    });
  });

  describe('appointments (Appointment, Slot, Schedule)', () => {
    it('upcoming: soonest first, video from the v3 VR code, the clinician and place from the participants', async () => {
      server.serve('GET', '/fhir/Appointment', 'appointment-search.json');
      const result = await appointments().upcoming('EH1000001', '2025-06-05T17:00:00.000Z');
      assert.ok(result.ok);
      assert.deepEqual(result.value, [
        { id: 'ap-1', start: '2025-06-10T15:00:00-07:00', end: '2025-06-10T15:30:00-07:00', mode: 'video', description: 'Primary care follow-up', clinician: 'Dr. Maya Chen' },
        { id: 'ap-2', start: '2025-06-17T09:30:00-07:00', end: '2025-06-17T09:45:00-07:00', mode: 'inPerson', description: 'Lab tests', location: 'Evergreen Downtown Clinic' },
      ]);
      assert.match(server.seen('GET', '/fhir/Appointment')[0]!.url, /date=ge2025-06-05T17%3A00%3A00\.000Z/);
    });

    it('free slots for a kind of care: the care code, the window, the schedule included for who and where', async () => {
      server.serve('GET', '/fhir/Slot', 'slot-search.json');
      const result = await appointments().freeSlots({ care: 'primary', from: '2025-06-10T07:00:00Z', to: '2025-06-12T07:00:00Z', limit: 5 });
      assert.ok(result.ok);
      assert.deepEqual(
        result.value.map((s) => [s.id, s.mode, s.clinician, s.location]),
        [
          ['sl-2', 'inPerson', 'Dr. Omar Haddad', 'Evergreen Eastside Clinic'],
          ['sl-1', 'video', 'Dr. Maya Chen', 'Evergreen Downtown Clinic'],
          ['sl-3', 'inPerson', 'Dr. Maya Chen', 'Evergreen Downtown Clinic'],
        ],
      );
      const query = new URLSearchParams(server.seen('GET', '/fhir/Slot')[0]!.url.split('?')[1]);
      assert.deepEqual(query.getAll('start'), ['ge2025-06-10T07:00:00Z', 'lt2025-06-12T07:00:00Z']);
      assert.equal(query.get('service-type'), 'urn:member-assistant:care|primary');
      assert.equal(query.get('_include'), 'Slot:schedule');
      const video = await appointments().freeSlots({ care: 'primary', mode: 'video', from: '2025-06-10T07:00:00Z', to: '2025-06-12T07:00:00Z', limit: 5 });
      assert.deepEqual(video.ok && video.value.map((s) => s.id), ['sl-1']);
    });

    it('book: a free slot becomes a booked Appointment (conditional create); a taken slot is a conflict', async () => {
      server
        .serve('GET', '/fhir/Slot/sl-1', 'slot-sl-1.json')
        .serve('GET', '/fhir/Schedule/sch-chen', 'schedule-sch-chen.json')
        .serve('POST', '/fhir/Appointment', 'appointment-created.json', 201)
        .serve('GET', '/fhir/Slot/sl-3', 'slot-sl-3-busy.json');
      const booked = await appointments().book('EH1000001', 'sl-1', 'key-book');
      assert.ok(booked.ok);
      assert.equal(booked.value.start, '2025-06-10T14:00:00-07:00');
      const post = server.seen('POST', '/fhir/Appointment')[0]!;
      assert.match(post.headers['if-none-exist'] as string, /^identifier=urn%3Amember-assistant%3Aidempotency-key%7Ckey-book$/);
      const body = JSON.parse(post.body);
      assert.equal(body.status, 'booked');
      assert.deepEqual(body.slot, [{ reference: 'Slot/sl-1' }]);
      assert.deepEqual(body.participant.map((p: { actor: { reference: string } }) => p.actor.reference), ['Patient/EH1000001', 'Practitioner/pr-chen', 'Location/loc-downtown']);

      assert.deepEqual(await appointments().book('EH1000001', 'sl-3', 'key-2'), { ok: false, problem: 'conflict' });
      server.on('POST', '/fhir/Appointment', { status: 412, body: {} }).serve('GET', '/fhir/Slot/sl-1', 'slot-sl-1.json');
      assert.deepEqual(await appointments().book('EH1000001', 'sl-1', 'key-3'), { ok: false, problem: 'conflict' });
    });

    it("cancel: PUT with status cancelled and If-Match on the version read; someone else's appointment is not found", async () => {
      server.serve('GET', '/fhir/Appointment/ap-1', 'appointment-ap-1.json').on('PUT', '/fhir/Appointment/ap-1', (req) => ({ status: 200, body: JSON.parse(req.body) }));
      const result = await appointments().cancel('EH1000001', 'ap-1', 'key');
      assert.ok(result.ok && result.value.cancelled.id === 'ap-1');
      const put = server.seen('PUT', '/fhir/Appointment/ap-1')[0]!;
      assert.equal(put.headers['if-match'], 'W/"1"');
      assert.equal(JSON.parse(put.body).status, 'cancelled');
      assert.deepEqual(await appointments().cancel('EH1000002', 'ap-1', 'key'), { ok: false, problem: 'notFound' });
      assert.equal(server.seen('PUT', '/fhir/Appointment/ap-1').length, 1);
    });
  });

  describe('members (Patient)', () => {
    it('the number on file: one active patient with that mobile number; a number two patients share matches nobody', async () => {
      server.serve('GET', '/fhir/Patient', 'patient-search-phone.json');
      const directory = new FhirDirectory(client(), { logger: logs.logger });
      const found = await directory.findByPhone('(503) 555-0101');
      assert.deepEqual(found.ok && found.value?.memberId, 'EH1000001');
      assert.match(server.seen('GET', '/fhir/Patient')[0]!.url, /phone=%2B15035550101/);
      server.serve('GET', '/fhir/Patient', 'patient-search-phone-shared.json');
      assert.deepEqual(await directory.findByPhone('+15035550101'), { ok: true, value: null });
      server.serve('GET', '/fhir/Patient', 'patient-search-empty.json');
      assert.deepEqual(await directory.findByPhone('+15035550000'), { ok: true, value: null });
    });
  });
});
