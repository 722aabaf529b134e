import type { z } from 'zod';
import type { Logger } from '../../common/logger';
import { noMetrics, type AssistantMetrics } from '../../ops/metrics';
import { type CircuitBreaker, CircuitOpenError } from '../resilience/circuitBreaker';
import { FhirConflict, FhirNotFound, FhirUnavailable } from './errors';
import { anyResource, bundleSchema, type Bundle } from './schemas';
import type { ClientCredentialsToken } from './token';

export interface FhirClientOptions {
  /** e.g. https://fhir.example.org/r4 (no trailing slash). */
  baseUrl: string;
  timeoutMs: number;
  /** Extra tries for reads (GET) that failed with a timeout, a network error, 429 or 5xx. */
  retries: number;
  token?: ClientCredentialsToken;
  breaker: CircuitBreaker;
  fetch?: typeof fetch;
  /** Pause before retry n (1-based). Default: 250 ms × 2^(n-1), with jitter. */
  sleep?: (attempt: number) => Promise<void>;
  metrics?: AssistantMetrics;
  logger: Logger;
  /** Pages of a search followed at most. */
  maxPages?: number;
}

type Params = Record<string, string | string[] | undefined>;

interface Call {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** For logs: the resource type, never the URL (it may hold a patient id). */
  what: string;
}

const FHIR_JSON = 'application/fhir+json';

/**
 * A small FHIR R4 REST client: read, search (following `next` links on the same server only, so
 * the token never goes elsewhere), create (optionally conditional: If-None-Exist) and update
 * (optionally If-Match). Every request has a timeout; only reads are retried; a 401 gets a fresh
 * token and one more try; all of it runs behind a circuit breaker. Responses are validated with
 * zod, and anything unexpected is FhirUnavailable.
 */
export class FhirClient {
  private readonly fetch: typeof fetch;
  private readonly metrics: AssistantMetrics;
  private readonly sleep: (attempt: number) => Promise<void>;

  constructor(private readonly options: FhirClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.metrics = options.metrics ?? noMetrics;
    this.sleep = options.sleep ?? ((attempt) => new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1) * (0.5 + Math.random()))));
  }

  async read<S extends z.ZodType>(type: string, id: string, schema: S): Promise<z.infer<S>> {
    const body = await this.call({ method: 'GET', url: `${this.options.baseUrl}/${type}/${encodeURIComponent(id)}`, what: type });
    return this.validate(schema, body, type);
  }

  /**
   * A search: the matches (validated with `schema`) and the included resources (by
   * "Type/id"), across at most `maxPages` pages.
   */
  async search<S extends z.ZodType>(type: string, params: Params, schema: S): Promise<{ matches: Array<z.infer<S>>; included: Map<string, unknown> }> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, v);
    }
    let url: string | undefined = `${this.options.baseUrl}/${type}?${query}`;
    const matches: Array<z.infer<S>> = [];
    const included = new Map<string, unknown>();
    for (let page = 0; url && page < (this.options.maxPages ?? 5); page++) {
      const bundle: Bundle = this.validate(bundleSchema, await this.call({ method: 'GET', url, what: type }), 'Bundle');
      for (const entry of bundle.entry ?? []) {
        const resource = entry.resource;
        if (!resource) continue;
        if (resource.resourceType === type && entry.search?.mode !== 'include') matches.push(this.validate(schema, resource, type));
        else if (resource.resourceType !== 'OperationOutcome' && resource.id) included.set(`${resource.resourceType}/${resource.id}`, resource);
      }
      const next: string | undefined = bundle.link?.find((l) => l.relation === 'next')?.url;
      url = next && this.sameServer(next) ? next : undefined;
    }
    return { matches, included };
  }

  async create(type: string, resource: unknown, ifNoneExist?: string): Promise<unknown> {
    const headers: Record<string, string> = { prefer: 'return=representation' };
    if (ifNoneExist) headers['if-none-exist'] = ifNoneExist;
    const body = await this.call({ method: 'POST', url: `${this.options.baseUrl}/${type}`, body: resource, headers, what: type });
    return body === undefined ? undefined : this.validate(anyResource, body, type);
  }

  async update(type: string, id: string, resource: unknown, ifMatch?: string): Promise<unknown> {
    const headers: Record<string, string> = { prefer: 'return=representation' };
    if (ifMatch) headers['if-match'] = ifMatch;
    const body = await this.call({ method: 'PUT', url: `${this.options.baseUrl}/${type}/${encodeURIComponent(id)}`, body: resource, headers, what: type });
    return body === undefined ? undefined : this.validate(anyResource, body, type);
  }

  private sameServer(url: string): boolean {
    try {
      const next = new URL(url);
      const base = new URL(this.options.baseUrl);
      return next.origin === base.origin && next.pathname.startsWith(base.pathname);
    } catch {
      return false;
    }
  }

  private validate<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    this.options.logger.warn({ service: 'fhir', resourceType: what, path: issue?.path.join('.'), problem: issue?.code }, 'FHIR response did not match the expected resource');
    this.metrics.backendError('fhir', 'error');
    throw new FhirUnavailable('malformed');
  }

  /** One logical call: the breaker, the token, the retries. Resolves with the parsed JSON body. */
  private async call(call: Call): Promise<unknown> {
    try {
      return await this.options.breaker.run(() => this.attempts(call), (err) => err instanceof FhirUnavailable);
    } catch (err) {
      if (err instanceof CircuitOpenError) {
        this.metrics.backendError('fhir', 'circuit_open');
        throw new FhirUnavailable('circuit_open');
      }
      throw err;
    }
  }

  private async attempts(call: Call): Promise<unknown> {
    const reads = call.method === 'GET';
    let refreshedToken = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(call);
      } catch (err) {
        if (err instanceof TokenRefused && !refreshedToken && this.options.token) {
          refreshedToken = true;
          this.options.token.invalidate();
          attempt--;
          continue;
        }
        const unavailable = err instanceof TokenRefused ? new FhirUnavailable('auth', 401) : err;
        if (unavailable instanceof FhirUnavailable) {
          this.options.logger.warn({ service: 'fhir', resourceType: call.what, method: call.method, kind: unavailable.kind, status: unavailable.status, attempt }, 'FHIR request failed');
          this.metrics.backendError('fhir', unavailable.kind === 'timeout' ? 'timeout' : 'error');
          const status = unavailable.status;
          const transient = status === undefined || status === 429 || status >= 500;
          const retryable = reads && transient && (unavailable.kind === 'timeout' || unavailable.kind === 'error');
          if (retryable && attempt <= this.options.retries) {
            await this.sleep(attempt);
            continue;
          }
        }
        throw unavailable;
      }
    }
  }

  private async once(call: Call): Promise<unknown> {
    const headers: Record<string, string> = { accept: FHIR_JSON, ...call.headers };
    if (call.body !== undefined) headers['content-type'] = FHIR_JSON;
    if (this.options.token) headers.authorization = `Bearer ${await this.options.token.get()}`;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await this.fetch(call.url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
        redirect: 'error',
      });
      text = await res.text();
    } catch {
      throw new FhirUnavailable(signal.aborted ? 'timeout' : 'error');
    }
    if (res.status === 401) throw new TokenRefused();
    if (res.status === 404 || res.status === 410) throw new FhirNotFound();
    if (res.status === 409 || res.status === 412) throw new FhirConflict(res.status);
    if (!res.ok) throw new FhirUnavailable('error', res.status);
    if (!text.trim()) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new FhirUnavailable('malformed', res.status);
    }
  }
}

class TokenRefused extends Error {}
