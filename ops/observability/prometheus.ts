import { Channels } from 'botbuilder';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AssistantMetrics } from '../metrics';
import { ABUSE_KINDS, EMERGENCY_KINDS, INTENT_IDS, TRIAGE_INTENTS, type EmergencyKind, type IntentId, type IntentKind, type TriageIntentId } from '../../intents/types';

/**
 * What the operations layer counts besides the features' AssistantMetrics (kept apart so the
 * features' interface stays as it is).
 */
export interface OperationsMetrics extends AssistantMetrics {
  /** An HTTP answer, by the route's registered path (never the raw URL) and status code. */
  httpResponse(route: string, status: number): void;
  /** A request or message refused by a rate limit. */
  rateLimited(scope: 'client' | 'conversation' | 'chat_sessions'): void;
  /** A member message cut to MAX_MESSAGE_CHARS. */
  messageTruncated(channelId: string): void;
  /** A turn answered over HTTP at TURN_DEADLINE_MS and finished in the background. */
  turnDeferred(channelId: string): void;
  /** A gauge read at every scrape (work in flight, open streams). */
  gauge(name: string, help: string, read: () => number): void;
}

/** Channel ids botbuilder knows; anything else is counted as "other" (bounded label values). */
const KNOWN_CHANNELS = new Set<string>(Object.values(Channels));
const KNOWN_INTENTS = new Set<string>(INTENT_IDS);
const KNOWN_KINDS = new Set<string>(EMERGENCY_KINDS);
const TRIAGE_OUTCOMES = new Set<string>([...TRIAGE_INTENTS, 'safety_net']);
const TRIAGE_KINDS = new Set<string>([...EMERGENCY_KINDS, ...ABUSE_KINDS]);

export function channelLabel(channelId: string | undefined): string {
  const id = (channelId ?? '').toLowerCase();
  return KNOWN_CHANNELS.has(id) ? id : 'other';
}

/**
 * Free-form label values from code (reasons, services, sources): short identifiers only, and at
 * most `max` distinct values per label; past that, "other". A label value can never carry member
 * text or grow the number of series without bound.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(
    private readonly max = 40,
    private readonly shape = /^[a-z0-9][a-z0-9_.:-]{0,47}$/,
  ) {}

  value(raw: unknown): string {
    const text = typeof raw === 'string' ? raw.toLowerCase() : '';
    if (!this.shape.test(text)) return 'other';
    if (this.seen.has(text)) return text;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(text);
    return text;
  }
}

/** Turn latency buckets: a turn takes milliseconds; a slow back end or cloud recognizer seconds. */
export const TURN_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];
/** How long members wait for a person: seconds to hours. */
export const WAIT_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];

let processRegistry: Registry | undefined;

/**
 * Node's process metrics (CPU, RSS, heap, event-loop lag, GC) describe the process, not one
 * assistant: collected once per process into their own registry (tests start many assistants in
 * one process; each collector would add observers that are never removed).
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
    // No versions in any answer, /metrics included: operators know what they deployed, and a
    // scraper that leaks is not told which Node.js advisories apply.
    processRegistry.removeSingleMetric('nodejs_version_info');
  }
  return processRegistry;
}

/**
 * AssistantMetrics in Prometheus form, in a registry of its own (never prom-client's global
 * default, which other libraries may write to). GET /metrics serves `render()`.
 */
export class PrometheusMetrics implements OperationsMetrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'channel' | 'outcome'>;
  private readonly turnSeconds: Histogram<'channel'>;
  private readonly intents: Counter<'intent' | 'source'>;
  private readonly fallbacks: Counter<'provider' | 'reason'>;
  private readonly recognizerErrors: Counter<'provider' | 'reason'>;
  private readonly emergencies: Counter<'kind' | 'channel'>;
  private readonly triageAnswers: Counter<'outcome' | 'kind' | 'channel' | 'how'>;
  private readonly escalations: Counter<'reason' | 'channel'>;
  private readonly escalationWaitSeconds: Histogram;
  private readonly backendErrors: Counter<'service' | 'kind'>;
  private readonly http: Counter<'route' | 'status'>;
  private readonly limited: Counter<'scope'>;
  private readonly truncated: Counter<'channel'>;
  private readonly deferred: Counter<'channel'>;
  private readonly labels = {
    source: new BoundedLabel(),
    provider: new BoundedLabel(10),
    reason: new BoundedLabel(),
    escalationReason: new BoundedLabel(),
    service: new BoundedLabel(),
    backendKind: new BoundedLabel(10),
    // Registered route patterns ("/v3/directline/conversations/:conversationId") and "unmatched".
    route: new BoundedLabel(60, /^(?:\/[a-z0-9_.:/-]{0,120}|unmatched)$/),
  };

  constructor(options: { processMetrics?: boolean } = {}) {
    this.includeProcess = options.processMetrics ?? true;
    const registers = [this.registry];
    this.turns = new Counter({ name: 'assistant_turns_total', help: 'Turns handled (any activity type), by channel and outcome.', labelNames: ['channel', 'outcome'], registers });
    this.turnSeconds = new Histogram({
      name: 'assistant_turn_duration_seconds',
      help: 'Time from the start of a turn to its end (replies delivered, state saved), by channel.',
      labelNames: ['channel'],
      buckets: TURN_BUCKETS,
      registers,
    });
    this.intents = new Counter({ name: 'assistant_intents_total', help: 'Member messages by recognized intent (none: not understood, the assistant asks) and recognizer.', labelNames: ['intent', 'source'], registers });
    this.fallbacks = new Counter({ name: 'assistant_nlu_fallbacks_total', help: 'Cloud recognizer answers not used (the local model answered), by reason.', labelNames: ['provider', 'reason'], registers });
    this.recognizerErrors = new Counter({ name: 'assistant_recognizer_errors_total', help: 'Cloud recognizer calls that failed or timed out.', labelNames: ['provider', 'reason'], registers });
    this.emergencies = new Counter({ name: 'assistant_emergencies_total', help: 'Emergency answers given, by kind (medical 911, crisis 988, poison) and channel.', labelNames: ['kind', 'channel'], registers });
    this.triageAnswers = new Counter({
      name: 'assistant_triage_total',
      help: 'Safety-triage answers, by outcome (emergency, abuse, mental_health, symptoms, safety_net), kind, channel, and how (answered, or noted beside an answer to a question).',
      labelNames: ['outcome', 'kind', 'channel', 'how'],
      registers,
    });
    this.escalations = new Counter({ name: 'assistant_escalations_total', help: 'Escalations to a person created, by reason and channel.', labelNames: ['reason', 'channel'], registers });
    this.escalationWaitSeconds = new Histogram({ name: 'assistant_escalation_wait_seconds', help: 'How long members waited until an agent took their conversation.', buckets: WAIT_BUCKETS, registers });
    this.backendErrors = new Counter({ name: 'assistant_backend_errors_total', help: 'Back-end calls that failed, timed out or were skipped (circuit open), by service.', labelNames: ['service', 'kind'], registers });
    this.http = new Counter({ name: 'assistant_http_responses_total', help: 'HTTP answers by route and status code.', labelNames: ['route', 'status'], registers });
    this.limited = new Counter({ name: 'assistant_rate_limited_total', help: 'Requests or messages refused by a rate limit, by scope.', labelNames: ['scope'], registers });
    this.truncated = new Counter({ name: 'assistant_messages_truncated_total', help: 'Member messages cut to MAX_MESSAGE_CHARS.', labelNames: ['channel'], registers });
    this.deferred = new Counter({ name: 'assistant_turns_deferred_total', help: 'Turns answered over HTTP at TURN_DEADLINE_MS whose replies followed proactively.', labelNames: ['channel'], registers });
  }

  private readonly includeProcess: boolean;

  turn(channelId: string, seconds: number, outcome: 'ok' | 'error'): void {
    const channel = channelLabel(channelId);
    this.turns.inc({ channel, outcome: outcome === 'error' ? 'error' : 'ok' });
    if (Number.isFinite(seconds) && seconds >= 0) this.turnSeconds.observe({ channel }, seconds);
  }

  intent(intent: IntentId, source: string): void {
    this.intents.inc({ intent: KNOWN_INTENTS.has(intent) ? intent : 'other', source: this.labels.source.value(source) });
  }

  emergency(kind: EmergencyKind, channelId: string): void {
    this.emergencies.inc({ kind: KNOWN_KINDS.has(kind) ? kind : 'other', channel: channelLabel(channelId) });
  }

  triage(outcome: TriageIntentId | 'safety_net', kind: IntentKind | null, channelId: string, how: 'answered' | 'noted'): void {
    this.triageAnswers.inc({
      outcome: TRIAGE_OUTCOMES.has(outcome) ? outcome : 'other',
      kind: kind === null ? 'none' : TRIAGE_KINDS.has(kind) ? kind : 'other',
      channel: channelLabel(channelId),
      how: how === 'noted' ? 'noted' : 'answered',
    });
  }

  nluFallback(provider: string, reason: string): void {
    const labels = { provider: this.labels.provider.value(provider), reason: this.labels.reason.value(reason) };
    this.fallbacks.inc(labels);
    // A low-confidence answer is the recognizer working; everything else is an error.
    if (labels.reason !== 'low_confidence') this.recognizerErrors.inc(labels);
  }

  escalationCreated(reason: string, channelId: string): void {
    this.escalations.inc({ reason: this.labels.escalationReason.value(reason), channel: channelLabel(channelId) });
  }

  escalationWait(seconds: number): void {
    if (Number.isFinite(seconds) && seconds >= 0) this.escalationWaitSeconds.observe(seconds);
  }

  backendError(service: string, kind: 'timeout' | 'error' | 'circuit_open'): void {
    this.backendErrors.inc({ service: this.labels.service.value(service), kind: this.labels.backendKind.value(kind) });
  }

  httpResponse(route: string, status: number): void {
    this.http.inc({ route: this.labels.route.value(route), status: Number.isInteger(status) && status >= 100 && status < 600 ? String(status) : 'other' });
  }

  rateLimited(scope: 'client' | 'conversation' | 'chat_sessions'): void {
    this.limited.inc({ scope });
  }

  messageTruncated(channelId: string): void {
    this.truncated.inc({ channel: channelLabel(channelId) });
  }

  turnDeferred(channelId: string): void {
    this.deferred.inc({ channel: channelLabel(channelId) });
  }

  gauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /** The Prometheus text exposition (version 0.0.4) of everything counted, and the process's metrics. */
  async render(): Promise<string> {
    const own = await this.registry.metrics();
    return this.includeProcess ? `${own}\n${await processMetrics().metrics()}` : own;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
