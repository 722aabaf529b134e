import { tokenResponseSchema } from './schemas';
import { FhirUnavailable } from './errors';

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for the FHIR server: the client id and secret go
 * in HTTP Basic authentication, the token is cached until a minute before it expires (or until
 * the FHIR server answers 401), and concurrent requests share one token request.
 */
export class ClientCredentialsToken {
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly deps: { fetch: typeof fetch; timeoutMs: number; clock: () => number },
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.deps.clock() < this.cached.expiresAt) return this.cached.token;
    this.pending ??= this.request().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** The FHIR server refused the token: the next request gets a new one. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async request(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, scope } = this.credentials;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scope) body.set('scope', scope);
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    let res: Response;
    try {
      res = await this.deps.fetch(tokenUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: body.toString(),
        signal: AbortSignal.timeout(this.deps.timeoutMs),
        redirect: 'error',
      });
    } catch (err) {
      throw new FhirUnavailable((err as Error)?.name === 'TimeoutError' ? 'timeout' : 'auth');
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new FhirUnavailable('auth', res.status);
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!res.ok || !parsed.success) throw new FhirUnavailable('auth', res.status);
    const lifetime = (parsed.data.expires_in ?? 300) * 1000;
    this.cached = { token: parsed.data.access_token, expiresAt: this.deps.clock() + Math.max(lifetime - 60_000, lifetime / 2) };
    return parsed.data.access_token;
  }
}
