import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../../common/logger';
import { errorFields } from '../../common/logger';
import { isDirectLoopback } from '../../http/clientAddress';
import { sendError } from '../../http/errors';
import type { Route } from '../../http/server';
import type { PrometheusMetrics } from './prometheus';

/**
 * GET /metrics: the Prometheus text format.
 *
 * Access: with METRICS_TOKEN set, scrapers send `Authorization: Bearer <METRICS_TOKEN>` (from
 * anywhere; 401 otherwise). Without it, only clients on this machine that connect directly may
 * scrape (a sidecar or node agent); a request that came through a proxy (it carries
 * X-Forwarded-For / Forwarded) or from elsewhere gets 403. Metrics carry no member text or ids,
 * but they do show how the service is used, which is nobody else's business.
 */
export function metricsRoute(deps: { metrics: PrometheusMetrics; token?: string; logger: Logger }): Route {
  const expected = deps.token ? digest(deps.token) : undefined;
  return {
    method: 'get',
    path: '/metrics',
    handler: async (req, res) => {
      res.header('Cache-Control', 'no-store');
      if (expected) {
        if (!bearerMatches(req, expected)) {
          return sendError(res, 401, { error: 'unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' }, { 'WWW-Authenticate': 'Bearer' });
        }
      } else if (!isDirectLoopback(req)) {
        return sendError(res, 403, {
          error: 'forbidden',
          message: 'Metrics are served to this machine only unless METRICS_TOKEN is set.',
        });
      }
      let body: string;
      try {
        body = await deps.metrics.render();
      } catch (err) {
        deps.logger.error({ err: errorFields(err) }, 'metrics could not be rendered');
        return sendError(res, 503, { error: 'unavailable', message: 'Metrics are not available right now.' }, { 'Retry-After': '5' });
      }
      res.setHeader('Content-Type', deps.metrics.contentType);
      res.writeHead(200);
      res.end(body);
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function bearerMatches(req: IncomingMessage, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  return match ? timingSafeEqual(digest(match[1]!), expected) : false;
}
