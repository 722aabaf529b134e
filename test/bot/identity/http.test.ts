import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAssistant } from '../../../bot/app';
import { ConfigError, loadConfig } from '../../../bot/config';
import { silentLogger } from '../../../common/logger';
import { messageActivity } from '../../support/activities';
import { post, replies, request, startAssistant, type RunningAssistant } from '../../support/assistant';

const text = (answer: Awaited<ReturnType<typeof post>>) => replies(answer).map((a) => a.text ?? '').join('\n');

describe('identity over HTTP: the demo portal, the audit file, production rules', function () {
  this.timeout(20_000);

  describe('development (embedded default)', () => {
    let running: RunningAssistant;
    let dataDir: string;
    before(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'identity-http-'));
      running = await startAssistant({ DATA_DIR: dataDir, AUDIT_LOG: 'file' });
    });
    after(async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('GET /demo/portal lists the sample members; /demo/portal/chat?member= is the chat page with their signed assertion', async () => {
      const index = await request(`${running.url}/demo/portal`);
      assert.equal(index.status, 200);
      assert.match(index.text, /Development only/);
      assert.match(index.text, /Alex Rivera \(EH1000001\)/);
      assert.match(index.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const page = await request(`${running.url}/demo/portal/chat?member=EH1000001`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(page.text, /<script src="\/static\/widget\.js" defer><\/script>/);
      assert.match(page.text, /id="member-assistant" data-identity-assertion="[\w-]+\.[\w-]+\.[\w-]+"/);
      assert.equal((await request(`${running.url}/demo/portal/chat?member=EH9999999`)).status, 404);
    });

    it('the assertion signs the member in; their records come back; the audit file gets one line per disclosure, without PHI', async () => {
      const page = await request(`${running.url}/demo/portal/chat?member=EH1000001`);
      const assertion = /data-identity-assertion="([^"]+)"/.exec(page.text)![1]!;
      const conversation = { id: 'http-identity-1' };
      const signedIn = await post(`${running.url}/api/messages`, { ...messageActivity(''), type: 'event', name: 'member/identity', value: assertion, text: undefined, conversation });
      assert.match(text(signedIn), /You're signed in, Alex/);
      const answer = await post(`${running.url}/api/messages`, messageActivity('where is my refill Rx 1000101', { conversation }));
      assert.match(text(answer), /Lisinopril 10 mg tablet \(Rx 1000101\) is ready for pickup/);
      const correlationId = answer.headers.get('x-correlation-id');

      const file = path.join(dataDir, 'audit', 'phi-audit.jsonl');
      assert.equal(statSync(file).mode & 0o777, 0o600, 'owner-only');
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const disclosure = lines.find((l) => l.event === 'phi.disclosure')!;
      assert.deepEqual(
        { ...disclosure, at: typeof disclosure.at },
        {
          audit: true,
          service: 'member-assistant',
          event: 'phi.disclosure',
          actor: 'EH1000001',
          subject: 'EH1000001',
          record: 'prescriptions',
          action: 'read',
          count: 1,
          channel: 'webchat',
          method: 'portal',
          correlationId,
          at: 'string',
        },
      );
      assert.ok(lines.some((l) => l.event === 'identity.verified'));
      assert.doesNotMatch(readFileSync(file, 'utf8'), /Lisinopril|1000101|Pharmacy|eyJ/);
    });

    it('the operational logs keep no assertion, member id or record', async () => {
      assert.doesNotMatch(running.logs.all, /eyJ[\w-]+\.[\w-]+|EH1000001|Lisinopril/);
      assert.ok(running.logs.entries.some((e) => e.msg === 'portal identity assertion accepted'));
    });
  });

  describe('production', () => {
    const production = { NODE_ENV: 'production', DIRECTLINE_TOKEN_SECRET: 'p'.repeat(40), STORAGE: 'file' };

    it('refuses the sample data and half-configured identity or FHIR settings, naming them (never echoing a secret)', () => {
      const fails = (env: Record<string, string>, pattern: RegExp) =>
        assert.throws(() => loadConfig({ ...production, ...env }), (err: Error) => err instanceof ConfigError && pattern.test(err.message) && !err.message.includes('top-secret'));
      fails({ MEMBER_DATA: 'sample' }, /MEMBER_DATA sample is synthetic demo data and is refused in production/);
      fails({ MEMBER_DATA: 'fhir' }, /FHIR_BASE_URL required when MEMBER_DATA is fhir/);
      fails({ MEMBER_DATA: 'fhir', FHIR_BASE_URL: 'http://fhir.example.org/r4' }, /FHIR_BASE_URL must be https in production/);
      fails({ IDENTITY_ISSUER: 'https://portal.example' }, /IDENTITY_PUBLIC_KEY IDENTITY_ISSUER and IDENTITY_AUDIENCE need IDENTITY_PUBLIC_KEY or IDENTITY_JWKS_URL/);
      fails({ IDENTITY_JWKS_URL: 'https://portal.example/jwks' }, /IDENTITY_ISSUER required/);
      fails({ FHIR_TOKEN_URL: 'https://login.example/token', FHIR_CLIENT_SECRET: 'top-secret' }, /FHIR_CLIENT_ID required/);
      fails({ IDENTITY_ALGORITHMS: 'RS256,HS256' }, /IDENTITY_ALGORITHMS expected a comma-separated list/);
      assert.equal(loadConfig(production).identity.memberData, 'off');
    });

    it('a private key given as the portal key stops start-up with one line', async () => {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const config = loadConfig({
        NODE_ENV: 'test',
        IDENTITY_ISSUER: 'https://portal.example',
        IDENTITY_AUDIENCE: 'urn:assistant',
        IDENTITY_PUBLIC_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      });
      await assert.rejects(createAssistant(config, { logger: silentLogger() }), /IDENTITY_PUBLIC_KEY expected a public key; this PEM is a private key/);
    });

    it('no demo portal; without member data, members are told to sign in to the portal', async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'identity-prod-'));
      const running = await startAssistant({ ...production, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
      try {
        assert.equal((await request(`${running.url}/demo/portal`)).status, 404);
        assert.equal((await request(`${running.url}/demo/portal/chat?member=EH1000001`)).status, 404);
        const conversation = { id: 'prod-1' };
        await post(`${running.url}/api/messages`, messageActivity('Prescription refills', { conversation }));
        const answer = await post(`${running.url}/api/messages`, messageActivity('Check status', { conversation }));
        assert.match(text(answer), /sign in to the portal/i);
        assert.doesNotMatch(text(answer), /Text me a code|demo/i);
      } finally {
        await running.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});
