import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, SignJWT, UnsecuredJWT } from 'jose';
import { DevelopmentPortal } from '../../identity/core/devPortal';
import { AssertionKeyError, parsePublicKey, PortalAssertionVerifier, remoteKeys, type AssertionSettings } from '../../identity/core/portalAssertion';

const NOW = Date.parse('2025-06-05T17:00:00Z');
const ISSUER = 'https://portal.evergreen-health.example';
const AUDIENCE = 'urn:member-assistant';

describe('portal identity assertion (jose)', () => {
  const portal = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = portal.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const settings: AssertionSettings = { issuer: ISSUER, audience: AUDIENCE, key: portal.publicKey, algorithms: ['RS256', 'ES256'], maxAgeSeconds: 600 };
  const verifier = new PortalAssertionVerifier(settings, () => NOW);

  async function sign(claims: { sub?: string; iss?: string; aud?: string; iat?: number; exp?: number } = {}, key = portal.privateKey, alg = 'RS256') {
    const s = Math.floor(NOW / 1000);
    const jwt = new SignJWT({}).setProtectedHeader({ alg, kid: 'portal-1' }).setIssuer(claims.iss ?? ISSUER).setAudience(claims.aud ?? AUDIENCE).setIssuedAt(claims.iat ?? s - 5).setExpirationTime(claims.exp ?? s + 300);
    if (claims.sub !== '') jwt.setSubject(claims.sub ?? 'EH1000001');
    return jwt.sign(key);
  }

  it('a valid assertion gives the member id and its expiry', async () => {
    const result = await verifier.verify(await sign());
    assert.ok(result.ok);
    const { assertionId, validUntil, ...rest } = result;
    assert.deepEqual(rest, { ok: true, memberId: 'EH1000001', expiresAt: (Math.floor(NOW / 1000) + 300) * 1000 });
    assert.match(assertionId, /^sha256:[\w-]{43}$/, 'an id to refuse it a second time');
    assert.ok(validUntil >= NOW, 'valid until its age or expiry runs out');
  });

  it('refuses an expired one, one from another issuer or for another audience, one too old, one without sub', async () => {
    const s = Math.floor(NOW / 1000);
    assert.deepEqual(await verifier.verify(await sign({ iat: s - 400, exp: s - 60 })), { ok: false, reason: 'expired' });
    assert.deepEqual(await verifier.verify(await sign({ iss: 'https://evil.example' })), { ok: false, reason: 'issuer' });
    assert.deepEqual(await verifier.verify(await sign({ aud: 'urn:someone-else' })), { ok: false, reason: 'audience' });
    assert.deepEqual(await verifier.verify(await sign({ iat: s - 3600, exp: s + 3600 })), { ok: false, reason: 'tooOld' });
    assert.deepEqual(await verifier.verify(await sign({ sub: '' })), { ok: false, reason: 'claims' });
  });

  it('refuses a bad signature: signed by another key, or tampered with', async () => {
    assert.deepEqual(await verifier.verify(await sign({}, other.privateKey)), { ok: false, reason: 'signature' });
    const [header, payload, signature] = (await sign()).split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'EH1000002' })).toString('base64url');
    assert.deepEqual(await verifier.verify(`${header}.${forged}.${signature}`), { ok: false, reason: 'signature' });
  });

  it('refuses alg: none', async () => {
    const s = Math.floor(NOW / 1000);
    const unsecured = new UnsecuredJWT({}).setSubject('EH1000001').setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt(s).setExpirationTime(s + 300).encode();
    assert.match(unsecured, /\.$/, 'an unsecured JWT has an empty signature');
    const result = await verifier.verify(unsecured);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && (result.reason === 'algorithm' || result.reason === 'malformed'), JSON.stringify(result));
  });

  it('refuses HS256 signed with the public key as the shared secret (RS/HS confusion)', async () => {
    const forged = await sign({}, new TextEncoder().encode(publicPem) as never, 'HS256');
    assert.deepEqual(await verifier.verify(forged), { ok: false, reason: 'algorithm' });
  });

  it('refuses an algorithm outside the allow-list, even when the signature is good', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rsOnly = new PortalAssertionVerifier({ ...settings, key: ec.publicKey, algorithms: ['RS256'] }, () => NOW);
    assert.deepEqual(await rsOnly.verify(await sign({}, ec.privateKey, 'ES256')), { ok: false, reason: 'algorithm' });
  });

  it('refuses what is not a JWT', async () => {
    for (const bad of ['', 'hello', 'a.b', 'x'.repeat(9000), '{"sub":"EH1000001"}']) {
      assert.deepEqual(await verifier.verify(bad), { ok: false, reason: 'malformed' }, bad.slice(0, 20));
    }
  });

  it('the key setting: a PEM or a public JWK; a private key or a shared secret is refused', async () => {
    assert.equal(parsePublicKey(publicPem).asymmetricKeyType, 'rsa');
    assert.equal(parsePublicKey(publicPem.replace(/\n/g, '\\n')).asymmetricKeyType, 'rsa', 'a PEM in one .env line');
    const jwk = await exportJWK(portal.publicKey);
    assert.equal(parsePublicKey(JSON.stringify(jwk)).asymmetricKeyType, 'rsa');
    assert.throws(() => parsePublicKey(portal.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), AssertionKeyError);
    const privateJwk = JSON.stringify(await exportJWK(portal.privateKey));
    assert.throws(() => parsePublicKey(privateJwk), /private/);
    assert.throws(() => parsePublicKey('{"kty":"oct","k":"c2VjcmV0"}'), /private or shared/);
    assert.throws(() => parsePublicKey('not a key'), /expected a PEM public key/);
  });

  describe('a JWKS URL (keys served by the portal)', () => {
    let server: http.Server;
    let url: string;
    let up = true;
    before(async () => {
      const jwk = { ...(await exportJWK(portal.publicKey)), kid: 'portal-1', alg: 'RS256', use: 'sig' };
      server = http.createServer((_req, res) => {
        if (!up) {
          res.writeHead(503);
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('verifies with the published key, refuses a key it does not publish, and says when the keys cannot be fetched', async () => {
      const jwks = new PortalAssertionVerifier({ ...settings, key: remoteKeys(url) }, () => NOW);
      assert.equal((await jwks.verify(await sign())).ok, true);
      assert.deepEqual(await jwks.verify(await sign({}, other.privateKey)), { ok: false, reason: 'signature' });
      up = false;
      const cold = new PortalAssertionVerifier({ ...settings, key: remoteKeys(url) }, () => NOW);
      assert.deepEqual(await cold.verify(await sign()), { ok: false, reason: 'keyUnavailable' });
      up = true;
    });
  });

  it('the development portal signs assertions its own public key verifies (ES256)', async () => {
    const dev = new DevelopmentPortal(undefined, undefined, () => NOW);
    const devVerifier = new PortalAssertionVerifier({ issuer: dev.issuer, audience: dev.audience, key: dev.publicKey, algorithms: ['ES256'], maxAgeSeconds: 600 }, () => NOW);
    const result = await devVerifier.verify(await dev.sign('EH1000002'));
    assert.deepEqual(result.ok && { ok: result.ok, memberId: result.memberId, expiresAt: result.expiresAt }, { ok: true, memberId: 'EH1000002', expiresAt: (Math.floor(NOW / 1000) + 600) * 1000 });
    assert.equal((await verifier.verify(await dev.sign('EH1000002'))).ok, false, "the portal's verifier does not accept the development key");
  });
});
