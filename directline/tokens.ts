import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

/**
 * Tokens of the local Direct Line channel: HS256 JWTs bound to one conversation and one user.
 * A "conversation" token authorizes the REST calls (Authorization: Bearer); a short-lived
 * "stream" token goes in the WebSocket stream URL (browsers cannot set headers on a WebSocket).
 * The claim names follow Azure's Direct Line tokens (`conv`, `user`), so botframework-directlinejs
 * reads the user id from ours as it does from Azure's.
 */

export const TOKEN_ISSUER = 'member-assistant';
export const TOKEN_AUDIENCE = 'member-assistant/directline';
export const STREAM_AUDIENCE = 'member-assistant/directline-stream';
/** Stream tokens only need to live until the client opens the WebSocket. */
export const STREAM_TOKEN_SECONDS = 300;

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
  /** The token's own id (`jti`): a stream token is good for one connection. */
  tokenId?: string;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

/** Why a token was refused. `invalid` (forged, malformed, wrong algorithm) → 401; `expired` → 403. */
export class TokenError extends Error {
  constructor(readonly reason: 'invalid' | 'expired') {
    super(reason === 'expired' ? 'token expired' : 'token invalid');
    this.name = 'TokenError';
  }
}

export interface DirectLineTokensOptions {
  /** The signing key; a random one when absent (tokens then die with the process). */
  secret?: string;
  ttlSeconds: number;
  /** Milliseconds since the epoch (tests move time forward). */
  now?: () => number;
}

export class DirectLineTokens {
  private readonly key: Uint8Array;
  readonly ttlSeconds: number;
  readonly generatedKey: boolean;
  private readonly now: () => number;

  constructor(options: DirectLineTokensOptions) {
    this.generatedKey = !options.secret;
    this.key = options.secret ? new TextEncoder().encode(options.secret) : new Uint8Array(randomBytes(32));
    this.ttlSeconds = options.ttlSeconds;
    this.now = options.now ?? Date.now;
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** A token for the REST API of one conversation. */
  async issue(conversationId: string, userId: string): Promise<IssuedToken> {
    return { token: await this.sign(conversationId, userId, TOKEN_AUDIENCE, this.ttlSeconds), expiresIn: this.ttlSeconds };
  }

  /** A token for the WebSocket stream URL of one conversation. */
  issueStream(conversationId: string, userId: string): Promise<string> {
    return this.sign(conversationId, userId, STREAM_AUDIENCE, Math.min(STREAM_TOKEN_SECONDS, this.ttlSeconds));
  }

  verify(token: string): Promise<TokenClaims> {
    return this.check(token, TOKEN_AUDIENCE);
  }

  verifyStream(token: string): Promise<TokenClaims> {
    return this.check(token, STREAM_AUDIENCE);
  }

  /** Seconds the token has left (0 when expired). */
  remaining(claims: TokenClaims): number {
    return Math.max(0, claims.expiresAt - this.seconds());
  }

  private sign(conversationId: string, userId: string, audience: string, ttl: number): Promise<string> {
    const now = this.seconds();
    return new SignJWT({ conv: conversationId, user: userId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(audience)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + ttl)
      .setJti(randomBytes(9).toString('base64url'))
      .sign(this.key);
  }

  private async check(token: string, audience: string): Promise<TokenClaims> {
    if (token.length > 4096) throw new TokenError('invalid');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience,
        currentDate: new Date(this.now()),
        requiredClaims: ['exp', 'conv', 'user'],
      });
      const { conv, user, exp, jti } = payload as { conv?: unknown; user?: unknown; exp?: number; jti?: unknown };
      if (typeof conv !== 'string' || typeof user !== 'string' || typeof exp !== 'number') throw new TokenError('invalid');
      return { conversationId: conv, userId: user, expiresAt: exp, ...(typeof jti === 'string' ? { tokenId: jti } : {}) };
    } catch (err) {
      if (err instanceof TokenError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new TokenError('expired');
      throw new TokenError('invalid');
    }
  }
}
