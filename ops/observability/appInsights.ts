import { createHmac } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Severity,
  TelemetryLoggerMiddleware,
  type Activity,
  type BotTelemetryClient,
  type TelemetryDependency,
  type TelemetryEvent,
  type TelemetryException,
  type TelemetryTrace,
} from 'botbuilder';
import { currentCorrelationId } from '../../common/correlation';
import { errorFields, type Logger } from '../../common/logger';
import type { AppInsightsTarget } from '../settings';
import type { AssistantMetrics } from '../metrics';

/**
 * Application Insights without its SDK (the `applicationinsights` package is not a dependency of
 * this project): botbuilder's BotTelemetryClient, sending envelopes to the ingestion endpoint of
 * APPLICATIONINSIGHTS_CONNECTION_STRING (`POST {IngestionEndpoint}/v2.1/track`, a JSON array).
 *
 * Telemetry never slows a turn or breaks it: items are queued (at most `maxQueue`; the oldest are
 * dropped past that) and sent in batches every `flushIntervalMs` or when a batch is full, one
 * request at a time with a timeout. A failed send is counted (assistant_backend_errors_total
 * {service="appinsights"}), logged without details, and dropped.
 */

export interface AppInsightsClientOptions extends AppInsightsTarget {
  logger: Logger;
  metrics?: Pick<AssistantMetrics, 'backendError'>;
  fetch?: typeof fetch;
  flushIntervalMs?: number;
  maxBatch?: number;
  maxQueue?: number;
  timeoutMs?: number;
  roleName?: string;
}

interface Envelope {
  name: string;
  time: string;
  iKey: string;
  tags: Record<string, string>;
  data: { baseType: string; baseData: Record<string, unknown> };
}

const MAX_PROPERTY_LENGTH = 1024;

/** String properties only, each at most 1 KiB; at most 50. */
function cleanProperties(properties: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties ?? {}).slice(0, 50)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text !== undefined) out[name.slice(0, 150)] = text.slice(0, MAX_PROPERTY_LENGTH);
  }
  return out;
}

function cleanMeasurements(measurements: Record<string, number> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(measurements ?? {}).slice(0, 50)) if (Number.isFinite(value)) out[name.slice(0, 150)] = value;
  return out;
}

/** d.hh:mm:ss.fff, as the Application Insights schema wants durations. */
function duration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const days = Math.floor(total / 86_400_000);
  return `${days}.${pad(Math.floor(total / 3_600_000) % 24)}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}.${pad(total % 1000, 3)}`;
}

export class AppInsightsTelemetryClient implements BotTelemetryClient {
  private queue: Envelope[] = [];
  private sending: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly tags: Record<string, string>;
  private readonly envelopePrefix: string;
  private closed = false;
  /** Items given up (queue overflow or failed sends), for tests and the stop log line. */
  dropped = 0;
  sent = 0;

  constructor(private readonly options: AppInsightsClientOptions) {
    this.tags = { 'ai.cloud.role': options.roleName ?? 'member-assistant', 'ai.cloud.roleInstance': hostname().slice(0, 256) };
    this.envelopePrefix = `Microsoft.ApplicationInsights.${options.instrumentationKey.replace(/-/g, '')}`;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 5000);
    this.timer.unref();
  }

  trackEvent(telemetry: TelemetryEvent): void {
    this.enqueue('Event', 'EventData', {
      ver: 2,
      name: String(telemetry.name).slice(0, 512),
      properties: cleanProperties(telemetry.properties),
      measurements: cleanMeasurements(telemetry.metrics),
    });
  }

  trackTrace(telemetry: TelemetryTrace): void {
    this.enqueue('Message', 'MessageData', {
      ver: 2,
      message: String(telemetry.message).slice(0, 32_768),
      severityLevel: telemetry.severityLevel ?? Severity.Information,
      properties: cleanProperties(telemetry.properties),
    });
  }

  /** The exception's class and frames only: its message may quote member text. */
  trackException(telemetry: TelemetryException): void {
    const fields = errorFields(telemetry.exception);
    this.enqueue('Exception', 'ExceptionData', {
      ver: 2,
      exceptions: [{ typeName: fields.name, message: fields.code ? `${fields.name} (${fields.code})` : fields.name, hasFullStack: false, stack: fields.frames }],
      severityLevel: telemetry.severityLevel ?? Severity.Error,
      properties: cleanProperties({ ...telemetry.properties, handledAt: telemetry.handledAt }),
      measurements: cleanMeasurements(telemetry.measurements),
    });
  }

  trackDependency(telemetry: TelemetryDependency): void {
    this.enqueue('RemoteDependency', 'RemoteDependencyData', {
      ver: 2,
      name: String(telemetry.name).slice(0, 1024),
      id: currentCorrelationId() ?? '',
      resultCode: String(telemetry.resultCode),
      duration: duration(telemetry.duration),
      success: telemetry.success,
      data: String(telemetry.data ?? '').slice(0, 8192),
      target: String(telemetry.target ?? '').slice(0, 1024),
      type: String(telemetry.dependencyTypeName ?? '').slice(0, 1024),
    });
  }

  /** Sends everything queued so far; resolves when it has been sent or given up. */
  async flush(): Promise<void> {
    while (this.sending) await this.sending;
    if (!this.queue.length) return;
    const batch = this.queue.splice(0, this.options.maxBatch ?? 100);
    this.sending = this.send(batch).finally(() => (this.sending = undefined));
    await this.sending;
    if (this.queue.length >= (this.options.maxBatch ?? 100)) await this.flush();
  }

  /** Stops the timer and sends what is left (graceful shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    while (this.queue.length || this.sending) await this.flush();
  }

  private enqueue(kind: string, baseType: string, baseData: Record<string, unknown>): void {
    if (this.closed) return;
    const correlationId = currentCorrelationId();
    this.queue.push({
      name: `${this.envelopePrefix}.${kind}`,
      time: new Date().toISOString(),
      iKey: this.options.instrumentationKey,
      tags: correlationId ? { ...this.tags, 'ai.operation.id': correlationId } : this.tags,
      data: { baseType, baseData },
    });
    const maxQueue = this.options.maxQueue ?? 2000;
    if (this.queue.length > maxQueue) {
      this.dropped += this.queue.length - maxQueue;
      this.queue.splice(0, this.queue.length - maxQueue);
    }
    if (this.queue.length >= (this.options.maxBatch ?? 100) && !this.sending) void this.flush();
  }

  private async send(batch: Envelope[]): Promise<void> {
    const doFetch = this.options.fetch ?? fetch;
    let kind: 'timeout' | 'error' | undefined;
    try {
      const res = await doFetch(`${this.options.ingestionEndpoint}/v2.1/track`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        this.sent += batch.length;
        return;
      }
      kind = 'error';
      this.options.logger.warn({ status: res.status, items: batch.length }, 'application insights refused telemetry: dropped');
    } catch (err) {
      kind = (err as Error)?.name === 'TimeoutError' ? 'timeout' : 'error';
      this.options.logger.warn({ err: { name: (err as Error)?.name }, items: batch.length }, 'application insights unreachable: telemetry dropped');
    }
    this.dropped += batch.length;
    this.options.metrics?.backendError('appinsights', kind);
  }
}

/** Properties kept as they are: none of them identifies a member or says what they wrote. */
const KEPT = new Set(['type', 'locale', 'channelId', 'TeamsTenantId']);
/** Ids replaced by a keyed hash: turns of one conversation still group together. */
const PSEUDONYMIZED = new Set(['fromId', 'recipientId', 'conversationId', 'activityId', 'replyActivityId', 'TeamsUserAadObjectId']);

/**
 * botbuilder's TelemetryLoggerMiddleware (BotMessageReceived / Send / Update / Delete events)
 * with `logPersonalInformation` off — so no text, speak, attachments or names — and, on top of
 * that, ids pseudonymized (an SMS member's id is their phone number) and every other property
 * dropped (conversation names, Teams team info). Each event gets the channel and the turn's
 * correlation id (the same as in the logs).
 */
export class PrivateTelemetryLoggerMiddleware extends TelemetryLoggerMiddleware {
  constructor(
    telemetryClient: BotTelemetryClient,
    private readonly pseudonymKey: string,
  ) {
    super(telemetryClient, false);
  }

  protected override async fillReceiveEventProperties(activity: Activity, extra?: Record<string, string>): Promise<Record<string, string>> {
    return this.scrub(activity, await super.fillReceiveEventProperties(activity, extra));
  }

  protected override async fillSendEventProperties(activity: Activity, extra?: Record<string, string>): Promise<Record<string, string>> {
    return this.scrub(activity, await super.fillSendEventProperties(activity, extra));
  }

  protected override async fillUpdateEventProperties(activity: Activity, extra?: Record<string, string>): Promise<Record<string, string>> {
    return this.scrub(activity, await super.fillUpdateEventProperties(activity, extra));
  }

  protected override async fillDeleteEventProperties(activity: Activity, extra?: Record<string, string>): Promise<Record<string, string>> {
    return this.scrub(activity, await super.fillDeleteEventProperties(activity, extra));
  }

  private scrub(activity: Activity, properties: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(properties)) {
      if (KEPT.has(name)) out[name] = String(value);
      else if (PSEUDONYMIZED.has(name) && value) out[name] = this.pseudonym(String(value));
    }
    out.channelId = String(activity?.channelId ?? '');
    const correlationId = currentCorrelationId();
    if (correlationId) out.correlationId = correlationId;
    return out;
  }

  private pseudonym(id: string): string {
    return createHmac('sha256', this.pseudonymKey).update(id).digest('base64url').slice(0, 22);
  }
}
