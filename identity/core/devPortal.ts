import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * DEVELOPMENT ONLY. Stands in for the patient portal so a new user can try the verified paths:
 * a key pair made at start-up (never written anywhere, so nothing to leak or commit) that signs
 * assertions for the sample members exactly as a portal would (ES256, issuer, audience, a short
 * expiry). The assistant verifies them with the public half like any other assertion. Never built
 * in production (start-up refuses IDENTITY settings that would need it there).
 */
export const DEV_ISSUER = 'urn:member-assistant:demo-portal';
export const DEV_AUDIENCE = 'urn:member-assistant';

export class DevelopmentPortal {
  readonly publicKey: KeyObject;
  private readonly privateKey: KeyObject;

  constructor(
    readonly issuer: string = DEV_ISSUER,
    readonly audience: string = DEV_AUDIENCE,
    private readonly clock: () => number = Date.now,
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.publicKey = pair.publicKey;
    this.privateKey = pair.privateKey;
  }

  /** An assertion for this member, valid for `ttlSeconds` (default 10 minutes). */
  async sign(memberId: string, ttlSeconds = 600): Promise<string> {
    const now = Math.floor(this.clock() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setSubject(memberId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.privateKey);
  }
}
