import type { Middleware } from 'botbuilder';
import type { Server } from 'restify';
import type { AssistantMetrics } from '../../ops/metrics';
import type { BotCore } from './botCore';
import type { Config } from '../config';
import { CorsPolicy } from '../../http/cors';
import { installHttpGuard } from '../../ops/limits/httpGuard';
import { FixedWindowRateLimiter } from '../../http/rateLimit';
import type { Route } from '../../http/server';
import type { Lifecycle } from '../../common/lifecycle';
import { ConversationRateLimit } from '../../ops/limits/conversationLimit';
import { AppInsightsTelemetryClient, PrivateTelemetryLoggerMiddleware } from '../../ops/observability/appInsights';
import { metricsRoute } from '../../ops/observability/metricsRoute';
import { PrometheusMetrics, type OperationsMetrics } from '../../ops/observability/prometheus';
import { turnMetrics } from '../../ops/observability/turnMetrics';

/**
 * The operations layer's wiring: metrics (GET /metrics), optional Application Insights, the HTTP
 * guard (security headers, CORS, per-client rate limit), request timeouts, the per-conversation
 * message budget, and the turn deadline settings the routes use. See docs/operations.md.
 */

export interface Operations {
  metrics: OperationsMetrics;
  /** Adapter middleware, in order, to register before every other middleware. */
  middleware: Middleware[];
  routes: Route[];
  conversationLimit: ConversationRateLimit;
  clientLimiter: FixedWindowRateLimiter;
  /** Installs the HTTP guard and the request timeouts on the server, and the scrape-time gauges. */
  install(server: Server, gauges: { lifecycle: Lifecycle; openStreams?: () => number }): void;
  /** Sends the telemetry still queued (graceful stop). */
  close(): Promise<void>;
}

/** The metrics of one assistant: Prometheus unless a test passes its own. */
export function createMetrics(overrides: { metrics?: AssistantMetrics }): AssistantMetrics {
  return overrides.metrics ?? new PrometheusMetrics();
}

/** Features' metrics, with the operations layer's counters where the implementation has them (tests' fakes may not). */
export function operationsMetrics(metrics: AssistantMetrics): OperationsMetrics {
  if (metrics instanceof PrometheusMetrics) return metrics;
  const m = metrics as AssistantMetrics & Partial<OperationsMetrics>;
  return {
    turn: (channelId, seconds, outcome) => m.turn(channelId, seconds, outcome),
    intent: (intent, source) => m.intent(intent, source),
    emergency: (kind, channelId) => m.emergency(kind, channelId),
    triage: (outcome, kind, channelId, how) => m.triage?.(outcome, kind, channelId, how),
    nluFallback: (provider, reason) => m.nluFallback(provider, reason),
    escalationCreated: (reason, channelId) => m.escalationCreated(reason, channelId),
    escalationWait: (seconds) => m.escalationWait(seconds),
    backendError: (service, kind) => m.backendError(service, kind),
    httpResponse: (route, status) => m.httpResponse?.(route, status),
    rateLimited: (scope) => m.rateLimited?.(scope),
    messageTruncated: (channelId) => m.messageTruncated?.(channelId),
    turnDeferred: (channelId) => m.turnDeferred?.(channelId),
    gauge: (name, help, read) => m.gauge?.(name, help, read),
  };
}

export function createOperations(config: Config, core: BotCore, now?: () => number): Operations {
  const settings = config.operations;
  const { logger, catalog } = core;
  const metrics = operationsMetrics(core.metrics);
  const routes: Route[] = [];
  if (core.metrics instanceof PrometheusMetrics) routes.push(metricsRoute({ metrics: core.metrics, token: settings.metrics.token, logger }));

  const conversationLimit = new ConversationRateLimit({
    perMinute: settings.rateLimits.perConversationPerMinute,
    triageCheck: core.triageCheck,
    turnFacts: core.turnFacts,
    catalog,
    metrics,
    logger,
    now,
  });
  const clientLimiter = new FixedWindowRateLimiter(settings.rateLimits.perClientPerMinute, 60_000, now);

  const middleware: Middleware[] = [turnMetrics(metrics), conversationLimit.middleware()];
  let telemetry: AppInsightsTelemetryClient | undefined;
  if (settings.appInsights) {
    telemetry = new AppInsightsTelemetryClient({ ...settings.appInsights, logger, metrics });
    middleware.push(new PrivateTelemetryLoggerMiddleware(telemetry, settings.appInsights.connectionString));
  }

  return {
    metrics,
    middleware,
    routes,
    conversationLimit,
    clientLimiter,
    install(server, gauges) {
      installHttpGuard(server, {
        cors: new CorsPolicy(settings.corsOrigins, config.directLine.publicUrl),
        clientLimiter,
        trustProxyHops: settings.trustProxyHops,
        hstsMaxAgeSeconds: settings.hstsMaxAgeSeconds,
        metrics,
      });
      // Slow clients (slowloris): the whole request, headers included, within REQUEST_TIMEOUT_MS
      // (Node answers 408 and closes), checked every second rather than Node's default 30 s.
      const http = server.server;
      http.requestTimeout = settings.requestTimeoutMs;
      http.headersTimeout = Math.min(settings.requestTimeoutMs, 20_000);
      (http as typeof http & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1000;
      metrics.gauge('assistant_work_in_flight', 'HTTP requests and background turns in progress.', () => gauges.lifecycle.active);
      if (gauges.openStreams) metrics.gauge('assistant_directline_streams', 'Open Direct Line WebSocket streams (chat widget).', gauges.openStreams);
    },
    async close() {
      await telemetry?.close();
    },
  };
}
