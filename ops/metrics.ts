import type { EmergencyKind, IntentId, IntentKind, TriageIntentId } from '../intents/types';

/**
 * What the assistant counts, as a plain interface: features record through it, the operations
 * work implements it with Prometheus (GET /metrics). Never pass member text or ids of members.
 */
export interface AssistantMetrics {
  /** One turn handled (any activity type), how long it took, and on which channel. */
  turn(channelId: string, seconds: number, outcome: 'ok' | 'error'): void;
  /** The intent a member message was routed on. */
  intent(intent: IntentId, source: string): void;
  /** An emergency answered, by kind. */
  emergency(kind: EmergencyKind, channelId: string): void;
  /**
   * A safety-triage answer given (emergency, abuse, mental_health, symptoms; `safety_net` when
   * unsure), by kind (null for those without one) and how it was given (`answered`: the triage's
   * reply; `noted`: a line added to an answer to a dialog's question).
   */
  triage(outcome: TriageIntentId | 'safety_net', kind: IntentKind | null, channelId: string, how: 'answered' | 'noted'): void;
  /** A cloud recognizer answer not used: the local model answered instead. */
  nluFallback(provider: string, reason: string): void;
  /** An escalation to a person was created (reason: member_asked, dispute, stuck…). */
  escalationCreated(reason: string, channelId: string): void;
  /** How long a member waited until an agent claimed the conversation. */
  escalationWait(seconds: number): void;
  /** A back end (FHIR, Direct Line token exchange…) failed or timed out. */
  backendError(service: string, kind: 'timeout' | 'error' | 'circuit_open'): void;
}

/** Counts nothing (tests, and until the Prometheus registry is wired). */
export const noMetrics: AssistantMetrics = {
  turn: () => undefined,
  intent: () => undefined,
  emergency: () => undefined,
  triage: () => undefined,
  nluFallback: () => undefined,
  escalationCreated: () => undefined,
  escalationWait: () => undefined,
  backendError: () => undefined,
};
