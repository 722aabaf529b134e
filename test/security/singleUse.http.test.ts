import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { PortalAssertionVerifier } from '../../identity/core/portalAssertion';
import { messageActivity } from '../support/activities';
import { post, replies, request, startAssistant, type RunningAssistant } from '../support/assistant';
import { getGrant, RawStream, startConversation } from '../support/directline';

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
