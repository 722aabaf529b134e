import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { AssistantStorage } from '../../storage/types';
import type { AgentRef } from '../core/model';
import { OneTimeRecords } from '../core/sessions';
import type { OidcSettings } from '../core/settings';

/**
 * Agents sign in with the organisation's OpenID Connect provider instead of (or as well as)
 * configured accounts: the authorization code flow with PKCE (S256), `state` and `nonce`. The ID
 * token is verified with `jose` against the issuer's published keys (JWKS): signature, issuer,
 * audience (our client id), expiry and nonce. Pending sign-ins are kept in the configured store
 * for ten minutes, single use, so the callback may reach any instance.
 */

const discoverySchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
});
type Discovery = z.infer<typeof discoverySchema>;

const tokenResponseSchema = z.looseObject({ id_token: z.string().min(10) });

interface Pending {
  verifier: string;
  nonce: string;
  redirectUri: string;
}

export class OidcError extends Error {
  constructor(
    /** Safe to show: what went wrong, without tokens or provider internals. */
    readonly publicMessage: string,
    readonly status = 400,
  ) {
    super(publicMessage);
    this.name = 'OidcError';
  }
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

export interface OidcDeps {
  settings: OidcSettings;
  storage: AssistantStorage;
  fetch?: typeof fetch;
  now?: () => number;
}

export class OidcClient {
  private discovery?: Promise<Discovery>;
  private jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly pending: OneTimeRecords<Pending>;
  private readonly fetch: typeof fetch;

  constructor(private readonly deps: OidcDeps) {
    this.fetch = deps.fetch ?? fetch;
    this.pending = new OneTimeRecords<Pending>(deps.storage, 'handoff/oidc-pending/', 10 * 60_000, deps.now);
  }

  private metadata(): Promise<Discovery> {
    const issuer = this.deps.settings.issuer;
    this.discovery ??= (async () => {
      const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const res = await this.fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new OidcError(`The sign-in provider's configuration could not be read (HTTP ${res.status}).`, 502);
      const parsed = discoverySchema.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw new OidcError("The sign-in provider's configuration is not valid OpenID Connect discovery metadata.", 502);
      if (parsed.data.issuer !== issuer) throw new OidcError("The sign-in provider's configuration names another issuer than AGENT_OIDC_ISSUER.", 502);
      return parsed.data;
    })();
    // A failed discovery is tried again next time.
    this.discovery.catch(() => (this.discovery = undefined));
    return this.discovery;
  }

  redirectUri(origin: string): string {
    return this.deps.settings.redirectUrl ?? `${origin}/agent/oidc/callback`;
  }

  /** Where to send the agent's browser, and the `state` to bind to it (a cookie). */
  async begin(origin: string): Promise<{ url: string; state: string }> {
    const meta = await this.metadata();
    const state = b64url(randomBytes(32));
    const nonce = b64url(randomBytes(32));
    const verifier = b64url(randomBytes(48));
    const redirectUri = this.redirectUri(origin);
    await this.pending.put(state, { verifier, nonce, redirectUri });
    const url = new URL(meta.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.deps.settings.clientId,
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      state,
      nonce,
      code_challenge: b64url(createHash('sha256').update(verifier).digest()),
      code_challenge_method: 'S256',
    }).toString();
    return { url: url.toString(), state };
  }

  /** The callback: the code for tokens, the ID token verified; the agent it names. */
  async finish(params: { code?: string; state?: string; error?: string }): Promise<AgentRef> {
    if (params.error) throw new OidcError('The sign-in provider did not sign you in. Try again.');
    if (!params.code || !params.state) throw new OidcError('The sign-in answer is missing its code or state. Start again from the sign-in page.');
    const pending = await this.pending.take(params.state);
    if (!pending) throw new OidcError('This sign-in expired or was already used. Start again from the sign-in page.');
    const meta = await this.metadata();
    const { clientId, clientSecret } = this.deps.settings;
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.verifier,
      client_id: clientId,
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (clientSecret) {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
    }
    const res = await this.fetch(meta.token_endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new OidcError('The sign-in provider refused the sign-in code. Start again from the sign-in page.', 502);
    const tokens = tokenResponseSchema.safeParse(await res.json().catch(() => null));
    if (!tokens.success) throw new OidcError('The sign-in provider answered without an ID token.', 502);

    this.jwks ??= createRemoteJWKSet(new URL(meta.jwks_uri));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(tokens.data.id_token, this.jwks, {
        issuer: this.deps.settings.issuer,
        audience: clientId,
        clockTolerance: 60,
        currentDate: this.deps.now ? new Date(this.deps.now()) : undefined,
      }));
    } catch {
      throw new OidcError('The ID token from the sign-in provider could not be verified.', 401);
    }
    if (payload.nonce !== pending.nonce) throw new OidcError('The ID token does not belong to this sign-in (nonce).', 401);
    if (typeof payload.sub !== 'string' || !payload.sub) throw new OidcError('The ID token names no user.', 401);
    const name = [payload.name, payload.preferred_username, payload.email].find((v): v is string => typeof v === 'string' && v.trim() !== '');
    return { id: `oidc:${payload.sub}`.slice(0, 256), name: (name ?? payload.sub).slice(0, 64) };
  }
}
