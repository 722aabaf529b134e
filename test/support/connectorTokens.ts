import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

export const APP_ID = '00000000-0000-4000-8000-000000000001';
const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * A stand-in for login.botframework.com on loopback (OpenID metadata and signing keys) and a way
 * to mint Bot Connector tokens it accepts, for tests that need authentication on.
 */
export class ConnectorTokens {
  private server?: http.Server;
  private key!: KeyLike;
  metadataUrl = '';

  async start(): Promise<this> {
    const pair = await generateKeyPair('RS256');
    this.key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'trusted-key', use: 'sig', alg: 'RS256' };
    this.server = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/jwks') return res.end(JSON.stringify({ keys: [jwk] }));
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/openidconfiguration`;
    return this;
  }

  /** Settings that turn authentication on against this key server. */
  get env(): Record<string, string> {
    return {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'test-secret-not-used-for-inbound',
      ToBotFromChannelOpenIdMetadataUrl: this.metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: this.metadataUrl,
    };
  }

  /** A valid channel token for activities whose serviceUrl is `serviceUrl`. */
  token(serviceUrl: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: 'trusted-key', typ: 'JWT' })
      .setIssuer(CHANNEL_ISSUER)
      .setAudience(APP_ID)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime('5m')
      .sign(this.key);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
