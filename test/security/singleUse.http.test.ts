import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreItem } from 'botbuilder';
import { SignJWT } from 'jose';
import type { AssistantOverrides } from '../../bot/app';
import { PortalAssertionVerifier } from '../../identity/core/portalAssertion';
import { EXPIRING_PREFIX } from '../../storage/expiring';
import { LockedStorage } from '../../storage/lockedStorage';
import type { Expected } from '../../storage/types';
import { messageActivity } from '../support/activities';
import { post, replies, request, startAssistant, type HttpAnswer, type RunningAssistant } from '../support/assistant';
import { bearer, getGrant, RawStream, startConversation } from '../support/directline';
import { KeywordIntents } from '../support/keywordIntents';

describe('security: single-use credentials (issue 17)', function () {
  this.timeout(20_000);
  let running: RunningAssistant;
  before(async () => {
    running = await startAssistant();
  });
  after(() => running.stop());

  it('a Direct Line stream URL opens one stream; a second connection with it is refused (403)', async () => {
    const grant = await getGrant(running.url);
    const { streamUrl } = await startConversation(grant);
    const first = new RawStream(streamUrl);
    await first.opened;
    const second = new RawStream(streamUrl);
    await assert.rejects(second.opened, (err: Error & { status?: number }) => err.status === 403);
    first.ws.close();
    await first.closed;
    const third = new RawStream(streamUrl);
    await assert.rejects(third.opened, (err: Error & { status?: number }) => err.status === 403, 'not even after the first one closed');
  });

  it('a portal assertion signs in one conversation: another conversation presenting it is refused', async () => {
    const page = await request(`${running.url}/demo/portal/chat?member=EH1000001`);
    const assertion = /data-identity-assertion="([^"]+)"/.exec(page.text)![1]!;
    const present = (id: string) =>
      post(`${running.url}/api/messages`, { ...messageActivity(''), type: 'event', name: 'member/identity', value: assertion, text: undefined, conversation: { id } });
    const text = (answer: Awaited<ReturnType<typeof post>>) => replies(answer).map((a) => a.text ?? '').join('\n');
    assert.match(text(await present('assertion-a')), /You're signed in, Alex/);
    assert.equal(text(await present('assertion-a')), '', 'the same conversation again (a reconnect): renewed silently');
    const replayed = text(await present('assertion-b'));
    assert.doesNotMatch(replayed, /signed in, Alex/);
    const asked = text(await post(`${running.url}/api/messages`, messageActivity('where is my refill Rx 1000101', { conversation: { id: 'assertion-b' } })));
    assert.doesNotMatch(asked, /Lisinopril/);
    assert.ok(running.logs.entries.some((e) => e.outcome === 'replayed'));
  });
});

describe('security: portal assertion refusals name their cause (issue 17)', () => {
  it('an allowed algorithm that is not the key\'s (RS256 against an EC key) is an algorithm refusal, not "key unavailable"', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const settings = { issuer: 'https://portal.example', audience: 'urn:assistant', key: ec.publicKey, algorithms: ['RS256', 'ES256'] as const, maxAgeSeconds: 300 };
    const verifier = new PortalAssertionVerifier({ ...settings, algorithms: [...settings.algorithms] });
    const signed = (alg: string, key: typeof rsa.privateKey) =>
      new SignJWT({ sub: 'EH1000001' }).setProtectedHeader({ alg }).setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('5m').sign(key);
    assert.deepEqual(await verifier.verify(await signed('RS256', rsa.privateKey)), { ok: false, reason: 'algorithm' });
    assert.equal((await verifier.verify(await signed('ES256', ec.privateKey))).ok, true);
  });
});

/**
 * The used ids live in the store, so single use holds on a second instance that shares it and
 * after a restart: both replay a credential against a NEW app built on the same store.
 */
describe('security: single use holds across instances and restarts (issue 17)', function () {
  this.timeout(30_000);
  const portal = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ISSUER = 'https://portal.example';
  const AUDIENCE = 'urn:member-assistant';
  let dataDir: string;
  let started: RunningAssistant[];

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'single-use-'));
    started = [];
  });
  afterEach(async () => {
    for (const running of started) await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One portal key and one Direct Line key for every instance, as in a real deployment (keyword intents: quick to start). */
  async function start(env: Record<string, string>, overrides: AssistantOverrides = {}): Promise<RunningAssistant> {
    const intents = new KeywordIntents();
    const running = await startAssistant(
      {
        DATA_DIR: dataDir,
        DIRECTLINE_TOKEN_SECRET: 'single-use-test-key-'.repeat(3),
        IDENTITY_PUBLIC_KEY: portal.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        IDENTITY_ISSUER: ISSUER,
        IDENTITY_AUDIENCE: AUDIENCE,
        IDENTITY_ALGORITHMS: 'ES256',
        ...env,
      },
      { understanding: intents, emergencyCheck: intents, ...overrides },
    );
    started.push(running);
    return running;
  }

  const signAssertion = (memberId: string) =>
    new SignJWT({ sub: memberId })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti(randomUUID())
      .sign(portal.privateKey);
  const present = (running: RunningAssistant, assertion: string, conversation: string) =>
    post(`${running.url}/api/messages`, { ...messageActivity(''), type: 'event', name: 'member/identity', value: assertion, text: undefined, conversation: { id: conversation } });
  const text = (answer: HttpAnswer) => replies(answer).map((a) => a.text ?? '').join('\n');
  /** The same URL, sent to another instance. */
  const on = (running: RunningAssistant, url: string) => {
    const moved = new URL(url);
    moved.host = new URL(running.url).host;
    return moved.toString();
  };

  interface Setup {
    /** The app that sees the credential first. */
    first(): Promise<RunningAssistant>;
    /** A NEW app on the same store, which the replay goes to. */
    second(first: RunningAssistant): Promise<RunningAssistant>;
  }
  const setups: Array<{ name: string; make(): Setup }> = [
    {
      name: 'a second instance on the same store (two apps, one memory store)',
      make() {
        const shared = new LockedStorage();
        const open = () => start({ STORAGE: 'memory' }, { storage: shared });
        return { first: open, second: open };
      },
    },
    {
      name: 'a restart on the same DATA_DIR (STORAGE=file)',
      make: () => ({
        first: () => start({ STORAGE: 'file' }),
        async second(first) {
          await first.stop();
          return start({ STORAGE: 'file' });
        },
      }),
    },
  ];

  for (const setup of setups) {
    describe(setup.name, () => {
      it('a stream URL used once is refused (403); the same conversation still opens with a fresh URL', async () => {
        const { first: open, second } = setup.make();
        const a = await open();
        const grant = await getGrant(a.url);
        const { streamUrl, token } = await startConversation(grant);
        const first = new RawStream(streamUrl);
        await first.opened;
        first.ws.close();
        await first.closed;

        const b = await second(a);
        const replay = new RawStream(on(b, streamUrl));
        await assert.rejects(replay.opened, (err: Error & { status?: number }) => err.status === 403);
        // Not refused for another reason: this instance knows the conversation and the key.
        const reconnect = await request(`${b.url}/v3/directline/conversations/${grant.conversationId}?watermark=`, { headers: bearer(token) });
        assert.equal(reconnect.status, 200, reconnect.text);
        const fresh = new RawStream((reconnect.json as { streamUrl: string }).streamUrl);
        await fresh.opened;
        fresh.ws.close();
        await fresh.closed;
      });

      it('a portal assertion that signed in one conversation is refused for another; its own conversation may present it again', async () => {
        const { first, second } = setup.make();
        const a = await first();
        const assertion = await signAssertion('EH1000001');
        assert.match(text(await present(a, assertion, 'replay-a')), /You're signed in, Alex/);

        // The replay is the first thing the new app sees of this assertion.
        const b = await second(a);
        assert.match(text(await present(b, assertion, 'replay-b')), /couldn't confirm your sign-in/);
        const refill = (conversation: string) => post(`${b.url}/api/messages`, messageActivity('where is my refill Rx 1000101', { conversation: { id: conversation } }));
        assert.doesNotMatch(text(await refill('replay-b')), /Lisinopril/);
        assert.equal(text(await present(b, assertion, 'replay-a')), '', 'the same conversation again (a reconnect): renewed silently');
        assert.match(text(await refill('replay-a')), /Lisinopril/, 'the signed-in conversation sees its records');
        assert.ok(b.logs.entries.some((e) => e.outcome === 'replayed'));
        // A fresh assertion still signs in (the refusal is the replay's, not the instance's).
        assert.match(text(await present(b, await signAssertion('EH1000001'), 'replay-c')), /You're signed in, Alex/);
      });
    });
  }

  describe('a store that cannot record the use refuses (fails closed)', () => {
    /** Memory store whose writes of used ids fail, as an unreachable Blob or Cosmos account would. */
    class UsedIdsUnwritable extends LockedStorage {
      override put(key: string, item: StoreItem, expected: Expected): Promise<string> {
        if (key.startsWith(EXPIRING_PREFIX)) return Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
        return super.put(key, item, expected);
      }
    }

    it('a stream URL gets 503 and a portal assertion is not accepted, with a clear answer; nothing secret is logged', async () => {
      const running = await start({ STORAGE: 'memory' }, { storage: new UsedIdsUnwritable() });
      const grant = await getGrant(running.url);
      const { streamUrl } = await startConversation(grant);
      const stream = new RawStream(streamUrl);
      await assert.rejects(stream.opened, (err: Error & { status?: number }) => err.status === 503);

      const assertion = await signAssertion('EH1000001');
      const answer = text(await present(running, assertion, 'closed-a'));
      assert.match(answer, /can't confirm who you are right now/);
      assert.ok(!running.logs.entries.some((e) => e.outcome === 'verified'));
      assert.doesNotMatch(answer, /signed in, Alex/);
      const asked = text(await post(`${running.url}/api/messages`, messageActivity('where is my refill Rx 1000101', { conversation: { id: 'closed-a' } })));
      assert.doesNotMatch(asked, /Lisinopril/);

      const logs = running.logs;
      assert.ok(logs.entries.some((e) => e.outcome === 'claimUnavailable'));
      assert.equal(logs.entries.filter((e) => e.msg === 'one-time id could not be checked in the store: refused').length, 2);
      const token = new URL(streamUrl).searchParams.get('t')!;
      assert.ok(!logs.all.includes(assertion) && !logs.all.includes(token) && !logs.all.includes(assertion.split('.')[1]!));
    });
  });
});
