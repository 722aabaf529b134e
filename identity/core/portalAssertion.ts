import { createHash, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/**
 * Verifies the portal's identity assertion: a JWT the patient portal signs for the member who is
 * signed in there, handed to the assistant by the chat page (event `member/identity`).
 *
 * Checked: the signature, against a configured public key (PEM or JWK) or the portal's JWKS URL;
 * the algorithm, from an allow-list of asymmetric algorithms only (so `alg: none` and HS256 signed
 * with the public key as a shared secret — the classic RS/HS confusion — are refused); the issuer;
 * the audience; `exp` (required) and `iat` (required, at most `maxAgeSeconds` old); `sub` (the
 * member id, required). A small clock tolerance absorbs skew between the two servers.
 *
 * The assertion is a credential: it is never logged or stored. Only the member id, the method and
 * the expiry are kept (per conversation).
 */

export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export type AssertionAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

export interface AssertionSettings {
  issuer: string;
  audience: string;
  /** The portal's public key (KeyObject), or a function that finds it (a remote JWKS). */
  key: KeyObject | JWTVerifyGetKey;
  algorithms: readonly AssertionAlgorithm[];
  /** An assertion issued longer ago than this is refused, whatever its `exp`. */
  maxAgeSeconds: number;
  clockToleranceSeconds?: number;
}

export type AssertionRefusal =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'expired'
  | 'tooOld'
  | 'issuer'
  | 'audience'
  | 'claims'
  | 'keyUnavailable';

export type AssertionResult =
  | {
      ok: true;
      memberId: string;
      expiresAt: number;
      /** The assertion's id (`jti`, else a hash of the assertion): to refuse it a second time. */
      assertionId: string;
      /** Until when (ms) this assertion would verify: `exp`, or `iat` + maxAgeSeconds if sooner. */
      validUntil: number;
    }
  | { ok: false; reason: AssertionRefusal };

const MAX_ASSERTION_CHARS = 8192;

export class PortalAssertionVerifier {
  constructor(
    private readonly settings: AssertionSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  async verify(assertion: string): Promise<AssertionResult> {
    if (typeof assertion !== 'string' || assertion.length > MAX_ASSERTION_CHARS || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(assertion)) {
      return { ok: false, reason: 'malformed' };
    }
    const { issuer, audience, key, algorithms, maxAgeSeconds } = this.settings;
    try {
      const options = {
        issuer,
        audience,
        algorithms: [...algorithms],
        maxTokenAge: `${maxAgeSeconds}s`,
        clockTolerance: this.settings.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate: new Date(this.clock()),
      };
      const { payload } =
        typeof key === 'function' ? await jwtVerify(assertion, key, options) : await jwtVerify(assertion, key, options);
      const sub = payload.sub;
      if (typeof sub !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(sub) || typeof payload.exp !== 'number') {
        return { ok: false, reason: 'claims' };
      }
      const tolerance = this.settings.clockToleranceSeconds ?? 30;
      const validUntil = Math.min(payload.exp, (payload.iat ?? payload.exp) + maxAgeSeconds) * 1000 + tolerance * 1000;
      const assertionId = typeof payload.jti === 'string' && payload.jti ? `jti:${payload.jti}` : `sha256:${createHash('sha256').update(assertion).digest('base64url')}`;
      return { ok: true, memberId: sub, expiresAt: payload.exp * 1000, assertionId, validUntil };
    } catch (err) {
      return { ok: false, reason: refusalOf(err, typeof key === 'function') };
    }
  }
}

function refusalOf(err: unknown, remote: boolean): AssertionRefusal {
  if (!(err instanceof errors.JOSEError)) {
    // With a remote JWKS: it could not be fetched. A configured key is always there: the token's
    // algorithm (allowed, but not the key's: RS256 against an EC key) made node's crypto refuse it.
    return remote ? 'keyUnavailable' : 'algorithm';
  }
  // maxTokenAge: jose reports an `iat` too far in the past as JWTExpired on the iat claim.
  if (err instanceof errors.JWTExpired) return err.claim === 'iat' ? 'tooOld' : 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'aud') return 'audience';
    if (err.claim === 'iat' && err.reason === 'check_failed') return 'tooOld';
    return 'claims';
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return 'algorithm';
  // The JWKS answered something other than 200 (jose's generic error), timed out, or is not a JWKS.
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || err.code === 'ERR_JOSE_GENERIC') return 'keyUnavailable';
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'malformed';
  return 'signature'; // JWSSignatureVerificationFailed, no matching key in the JWKS
}

export class AssertionKeyError extends Error {}

/**
 * The portal's public key from a setting: a PEM ("-----BEGIN PUBLIC KEY-----", or a certificate)
 * or a JWK as JSON. A private key, or a symmetric one, is refused: the assistant must only ever
 * be able to check assertions, never to make them.
 */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim().replace(/\\n/g, '\n');
  let key: KeyObject;
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as Record<string, unknown>;
      if ('d' in jwk || jwk.kty === 'oct') throw new AssertionKeyError('expected a public key; this JWK holds a private or shared secret');
      key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } else {
      if (/PRIVATE KEY/.test(trimmed)) throw new AssertionKeyError('expected a public key; this PEM is a private key');
      key = createPublicKey(trimmed);
    }
  } catch (err) {
    if (err instanceof AssertionKeyError) throw err;
    throw new AssertionKeyError('expected a PEM public key (-----BEGIN PUBLIC KEY-----) or a public JWK as JSON');
  }
  return key;
}

/** The portal's published keys (cached, refetched on an unknown `kid`, at most every 30 s). */
export function remoteKeys(url: string, fetchTimeoutMs = 5000): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), { timeoutDuration: fetchTimeoutMs, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}
