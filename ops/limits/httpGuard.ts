import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'restify';
import type { OperationsMetrics } from '../observability/prometheus';
import { clientAddress } from '../../http/clientAddress';
import type { CorsPolicy } from '../../http/cors';
import type { FixedWindowRateLimiter } from '../../http/rateLimit';
import { baselineSecurityHeaders } from '../../http/securityHeaders';
import { splitTarget } from '../../http/url';

/**
 * What every HTTP request goes through before restify routes it (restify's `first` hook: cheap,
 * synchronous, and it also covers restify's own 404 / 405 answers):
 *
 * 1. the baseline security headers (pages replace the policy with their own);
 * 2. CORS for the chat endpoints (preflights answered here; foreign origins refused);
 * 3. the per-client rate limit (RATE_LIMIT_PER_CLIENT_PER_MINUTE) on every endpoint except
 *    /healthz (probes) and /api/messages, which applies its own rule (see messagesRoute). A
 *    member's message posted to the local Direct Line channel over the budget is not refused
 *    here: the route reads it and lets an urgent one through (see clientBudgetExceeded);
 * 4. one count per answer in assistant_http_responses_total (by route pattern, never the URL).
 */

export interface HttpGuardDeps {
  cors: CorsPolicy;
  clientLimiter: FixedWindowRateLimiter;
  trustProxyHops: number;
  hstsMaxAgeSeconds: number;
  metrics: OperationsMetrics;
}

/** Paths the per-client limit leaves to their own rules. */
const UNLIMITED = new Set(['/healthz', '/api/messages']);

/**
 * Where members post messages to the local Direct Line channel: over the budget, the route
 * decides (an urgent message is never refused), so the text must be read first.
 */
const MEMBER_MESSAGES = /^\/v3\/directline\/conversations\/[^/]+\/activities$/;

/** What a client over its per-client budget is told (429). */
export const CLIENT_TOO_MANY = 'Too many requests from this address; try again in a moment.';

const ANSWERED_HERE = Symbol('guard.answered');
const OVER_BUDGET = Symbol('guard.overBudget');

/** A request the guard found over the per-client budget and left to its route to decide. */
export interface ClientBudgetExceeded {
  /** Seconds before the client's next request is allowed. */
  retryAfter: number;
  /** The route lets it through (an urgent message): it is counted against the client's budget. */
  admit(): void;
  /** The route refuses it (429): counted as rate limited. */
  refuse(): void;
}

/** Set when the guard left an over-budget member message to its route (see MEMBER_MESSAGES). */
export function clientBudgetExceeded(req: IncomingMessage): ClientBudgetExceeded | undefined {
  return (req as IncomingMessage & { [OVER_BUDGET]?: ClientBudgetExceeded })[OVER_BUDGET];
}

export function installHttpGuard(server: Server, deps: HttpGuardDeps): void {
  const { cors, clientLimiter, metrics } = deps;
  // `first` is restify's (11.x) hook before routing; @types/restify does not declare it.
  const withFirst = server as unknown as { first(handler: (req: IncomingMessage, res: ServerResponse) => boolean): void };
  withFirst.first((req: IncomingMessage, res: ServerResponse): boolean => {
    res.once('finish', () => {
      const route = (req as IncomingMessage & { [ANSWERED_HERE]?: boolean })[ANSWERED_HERE]
        ? 'guard'
        : ((req as { getRoute?: () => { path?: unknown } | undefined }).getRoute?.()?.path ?? 'unmatched');
      metrics.httpResponse(typeof route === 'string' ? route : 'other', res.statusCode);
    });
    baselineSecurityHeaders(res, deps.hstsMaxAgeSeconds);
    const path = splitTarget(req.url).path;
    if (cors.handle(req, res, path) === 'answered') return stop(req, res);
    const route = path.replace(/\/+$/, '') || '/';
    if (clientLimiter.enabled && !UNLIMITED.has(route)) {
      const address = clientAddress(req, deps.trustProxyHops);
      const wait = clientLimiter.take(address);
      if (wait && req.method === 'POST' && MEMBER_MESSAGES.test(route)) {
        const exceeded: ClientBudgetExceeded = {
          retryAfter: wait,
          admit: () => clientLimiter.charge(address),
          refuse: () => metrics.rateLimited('client'),
        };
        (req as IncomingMessage & { [OVER_BUDGET]?: ClientBudgetExceeded })[OVER_BUDGET] = exceeded;
        return true;
      }
      if (wait) {
        metrics.rateLimited('client');
        if (!req.complete) res.setHeader('Connection', 'close');
        tooManyRequests(res, wait, CLIENT_TOO_MANY);
        return stop(req, res);
      }
    }
    return true;
  });
}

function stop(req: IncomingMessage, res: ServerResponse): false {
  (req as IncomingMessage & { [ANSWERED_HERE]?: boolean })[ANSWERED_HERE] = true;
  // A body still on its way is dropped, and the connection closed after the answer (a refused
  // client gets no help sending megabytes we will not read).
  if (!req.complete && !res.headersSent) res.setHeader('Connection', 'close');
  req.resume();
  return false;
}

/** 429 with Retry-After and the usual `{ error, message }` body. */
export function tooManyRequests(res: ServerResponse, retryAfterSeconds: number, message: string): void {
  const body = JSON.stringify({ error: 'too_many_requests', message });
  res.statusCode = 429;
  res.setHeader('Retry-After', String(retryAfterSeconds));
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}
