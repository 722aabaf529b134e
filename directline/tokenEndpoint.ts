import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Logger } from '../common/logger';
import type { AssistantMetrics } from '../ops/metrics';
import { clientAddress } from '../http/clientAddress';
import { readJsonBody } from '../http/body';
import { guarded, HttpError, sendError } from '../http/errors';
import type { RateLimiter } from '../http/rateLimit';
import type { Route } from '../http/server';
import { DIRECTLINE_PREFIX, publicBaseUrl } from './routes';
import type { DirectLineTokens } from './tokens';

/**
 * POST /api/directline/token → `{ "token", "conversationId", "domain" }`: what the chat page
 * hands to Web Chat's `createDirectLine({ domain, token })` (a contract in DESIGN.md). Each call
 * is a new, anonymous conversation with a new user id (`dl_…`, the prefix Azure reserves for ids
 * embedded in tokens); the token works for that conversation only. Locally the token is signed
 * here; with Azure Direct Line it is exchanged for the channel secret, which never leaves the
 * server.
 */

export interface DirectLineGrant {
  token: string;
  conversationId: string;
  domain: string;
}

export interface TokenSource {
  grant(req: IncomingMessage, userId: string): Promise<DirectLineGrant>;
}

export function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

export class LocalTokenSource implements TokenSource {
  constructor(
    private readonly tokens: DirectLineTokens,
    private readonly publicUrl: string | undefined,
  ) {}

  async grant(req: IncomingMessage, userId: string): Promise<DirectLineGrant> {
    const domain = `${publicBaseUrl(req, this.publicUrl)}${DIRECTLINE_PREFIX}`;
    const conversationId = newConversationId();
    const { token } = await this.tokens.issue(conversationId, userId);
    return { token, conversationId, domain };
  }
}

const azureAnswerSchema = z.object({
  conversationId: z.string().min(1).max(256),
  token: z.string().min(1).max(8192),
  expires_in: z.number().int().positive().optional(),
});

export interface AzureTokenSourceOptions {
  /** The Direct Line base URL, e.g. https://directline.botframework.com/v3/directline. */
  endpoint: string;
  secret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Counts failed exchanges (assistant_backend_errors_total{service="directline"}). */
  metrics?: Pick<AssistantMetrics, 'backendError'>;
}

/** Exchanges the Direct Line secret for a conversation token with Azure (tokens/generate). */
export class AzureTokenSource implements TokenSource {
  constructor(private readonly options: AzureTokenSourceOptions) {}

  async grant(_req: IncomingMessage, userId: string): Promise<DirectLineGrant> {
    const { endpoint, secret } = this.options;
    const doFetch = this.options.fetch ?? fetch;
    let res: globalThis.Response;
    try {
      res = await doFetch(`${endpoint}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        redirect: 'error',
      });
    } catch (err) {
      this.options.metrics?.backendError('directline', (err as Error)?.name === 'TimeoutError' ? 'timeout' : 'error');
      throw new HttpError(503, 'directline_unavailable', 'Azure Direct Line could not be reached. Try again shortly.', { 'Retry-After': '10' });
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) {
      this.options.metrics?.backendError('directline', 'error');
      throw new HttpError(502, 'directline_error', `Azure Direct Line refused the token request (HTTP ${res.status}).`);
    }
    let parsed: z.infer<typeof azureAnswerSchema>;
    try {
      parsed = azureAnswerSchema.parse(JSON.parse(text));
    } catch {
      this.options.metrics?.backendError('directline', 'error');
      throw new HttpError(502, 'directline_error', 'Azure Direct Line answered the token request with something unexpected.');
    }
    return { token: parsed.token, conversationId: parsed.conversationId, domain: endpoint };
  }
}

export interface TokenRouteDeps {
  source: TokenSource;
  limiter: RateLimiter;
  logger: Logger;
  maxBodyBytes: number;
  /** Reverse proxies whose X-Forwarded-For is trusted for the client address (TRUST_PROXY_HOPS). */
  trustProxyHops?: number;
  onLimited?: () => void;
}

export function tokenRoute(deps: TokenRouteDeps): Route {
  return {
    method: 'post',
    path: '/api/directline/token',
    handler: guarded(
      async (req: Request, res: Response) => {
        const wait = deps.limiter.take(clientAddress(req, deps.trustProxyHops ?? 0));
        if (wait) {
          deps.onLimited?.();
          throw new HttpError(429, 'too_many_requests', 'Too many chat sessions started from here; try again in a minute.', {
            'Retry-After': String(wait),
          });
        }
        // The page may send an (empty) JSON object; nothing in it is trusted or needed yet.
        const length = req.headers['content-length'];
        if (!(length === '0' || (length === undefined && req.headers['transfer-encoding'] === undefined))) {
          const body = await readJsonBody(req, Math.min(deps.maxBodyBytes, 64 * 1024));
          if (typeof body !== 'object' || body === null || Array.isArray(body)) {
            throw new HttpError(400, 'invalid_request', 'Send an empty body or a JSON object.');
          }
        }
        const grant = await deps.source.grant(req, newUserId());
        deps.logger.info({ conversationId: grant.conversationId }, 'direct line token issued');
        res.send(200, { token: grant.token, conversationId: grant.conversationId, domain: grant.domain });
      },
      {
        noStore: true,
        onHttpError: (err) => {
          if (err.status >= 500) deps.logger.warn({ status: err.status, code: err.code }, 'direct line token not issued');
        },
        onError: (err, _req, res) => {
          deps.logger.error({ err: { name: (err as Error)?.name } }, 'direct line token failed');
          sendError(res, 503, { error: 'unavailable', message: 'The chat is not available right now. Try again shortly.' }, { 'Retry-After': '10' });
        },
      },
    ),
  };
}
