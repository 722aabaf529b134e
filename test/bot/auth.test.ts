import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import sinon from 'sinon';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant, type RunningAssistant } from '../support/assistant';

const APP_ID = '00000000-0000-4000-8000-000000000001';
const CHANNEL_ISSUER = 'https://api.botframework.com';
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

/**
 * A stand-in for login.botframework.com: OpenID metadata and the signing keys the Bot Connector
 * uses, served on loopback, so that tokens can be checked without the internet.
 */
async function startKeyServer(trusted: KeyLike) {
  const jwk = { ...(await exportJWK(trusted)), kid: 'trusted-key', use: 'sig', alg: 'RS256' };
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/jwks') return res.end(JSON.stringify({ keys: [jwk] }));
    res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, channelMetadata: `${base}/channel/.well-known/openidconfiguration`, emulatorMetadata: `${base}/emulator/.well-known/openidconfiguration` };
}

interface TokenOptions {
  key: KeyLike;
  kid?: string;
  issuer?: string;
  audience?: string;
  serviceUrl?: string;
  expiresIn?: string | number;
}

function token(o: TokenOptions): Promise<string> {
  const issuer = o.issuer ?? CHANNEL_ISSUER;
  // Bot Connector channel tokens carry serviceurl; Emulator (Entra ID) tokens carry ver and appid.
  const claims = issuer === EMULATOR_ISSUER ? { ver: '1.0', appid: APP_ID } : { serviceurl: o.serviceUrl ?? SERVICE_URL };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? 'trusted-key', typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(o.audience ?? APP_ID)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 60)
    .setNotBefore(Math.floor(Date.now() / 1000) - 60);
  jwt.setExpirationTime(o.expiresIn ?? '5m');
  return jwt.sign(o.key);
}

describe('authentication with credentials configured', function () {
  this.timeout(20_000);
  let trusted: KeyLike;
  let untrusted: KeyLike;
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let running: RunningAssistant;
  let messages: string;
  let consoleError: sinon.SinonStub;

  before(async () => {
    const trustedPair = await generateKeyPair('RS256');
    trusted = trustedPair.privateKey;
    untrusted = (await generateKeyPair('RS256')).privateKey;
    keys = await startKeyServer(trustedPair.publicKey);
    running = await startAssistant({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'test-secret-not-used-for-inbound',
      ToBotFromChannelOpenIdMetadataUrl: keys.channelMetadata,
      ToBotFromEmulatorOpenIdMetadataUrl: keys.emulatorMetadata,
    });
    messages = `${running.url}/api/messages`;
    // botframework-connector prints failed validations to stderr by itself; keep the run readable.
    consoleError = sinon.stub(console, 'error');
  });

  after(async () => {
    consoleError.restore();
    await running.stop();
    keys.server.close();
  });

  const activity = () => messageActivity('hello', { serviceUrl: SERVICE_URL, channelId: 'msteams' });

  async function expect401(headers: Record<string, string>, why: string) {
    const answer = await post(messages, activity(), headers);
    assert.equal(answer.status, 401, `${why}: ${answer.status} ${answer.text}`);
    assert.deepEqual(Object.keys(answer.json as object).sort(), ['correlationId', 'error', 'message']);
    assert.equal((answer.json as { error: string }).error, 'unauthorized');
    assert.deepEqual(replies(answer), [], 'no turn ran');
  }

  it('refuses a request without a token', async () => {
    await expect401({}, 'no Authorization header');
    await expect401({ authorization: 'Basic dXNlcjpwYXNz' }, 'wrong scheme');
    await expect401({ authorization: 'Bearer not-a-jwt' }, 'garbage token');
  });

  it('refuses a token signed by a key the Bot Connector does not publish', async () => {
    await expect401({ authorization: `Bearer ${await token({ key: untrusted })}` }, 'untrusted key, trusted kid');
    await expect401({ authorization: `Bearer ${await token({ key: untrusted, kid: 'attacker-key' })}` }, 'unknown kid');
    await expect401(
      { authorization: `Bearer ${await token({ key: untrusted, issuer: EMULATOR_ISSUER })}` },
      'emulator-issued, untrusted key',
    );
  });

  it('refuses a correctly signed token that is expired, for another bot, or for another service URL', async () => {
    await expect401({ authorization: `Bearer ${await token({ key: trusted, expiresIn: Math.floor(Date.now() / 1000) - 3600 })}` }, 'expired');
    await expect401({ authorization: `Bearer ${await token({ key: trusted, audience: 'another-bot' })}` }, 'wrong audience');
    await expect401({ authorization: `Bearer ${await token({ key: trusted, issuer: 'https://evil.example' })}` }, 'wrong issuer');
    await expect401({ authorization: `Bearer ${await token({ key: trusted, serviceUrl: 'https://evil.example/' })}` }, 'other serviceUrl');
  });

  it('accepts a valid Bot Connector token (so the refusals above are about the token)', async () => {
    const answer = await post(messages, activity(), { authorization: `Bearer ${await token({ key: trusted })}` });
    assert.equal(answer.status, 200, `${answer.text} ${running.logs.all.slice(-600)}`);
    assert.ok(replies(answer).length > 0);
  });
});
