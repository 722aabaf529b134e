import type { Storage } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { Logger } from '../../common/logger';
import type { AssistantMetrics } from '../../ops/metrics';
import type { RoutingPolicy } from '../../dialogs/common/kit';
import type { Escalation } from '../../dialogs/escalation';
import type { EmergencyCheck, TriageCheck, Understanding } from '../../intents/types';
import type { AppointmentLookup } from '../../services/appointments/appointmentLookup';
import type { AuditLog } from '../../services/audit/auditLog';
import type { MemberDirectory } from '../../services/member';
import type { PrescriptionLookup } from '../../services/pharmacy/prescriptionLookup';
import type { PortalProfile } from '../../services/portal/profile';
import type { StoreLimits } from '../../directline/store';
import type { MemberLookup } from '../../handoff/bot/queueingEscalation';
import type { IdentityAssertionHandler } from '../../identity/bot/assertionEvent';
import type { TranscriptDeleter } from '../../identity/bot/forget';
import type { AssistantStorage } from '../../storage/types';

// The composition root's input: a type of its own so that the root's parts (bot/compose/*) and
// bot/app.ts do not import each other.

/** Parts a test may replace; everything else is built from the configuration. */
export interface AssistantOverrides {
  logger?: Logger;
  /** Replaces the configured store (a plain botbuilder Storage is wrapped for one process). */
  storage?: Storage | AssistantStorage;
  /** Replaces the whole routing layer (tests of the bot's edge: state, restarts, HTTP). */
  mainDialog?: Dialog;
  /** Replaces the configured portal profile (tests: a portal with an optional page, like the renewal request). */
  profile?: PortalProfile;
  /** Milliseconds since the epoch: idle expiry, and "today" for appointments (tests fix or move time). */
  clock?: () => number;
  /** Pause between re-runs of a turn whose save collided (tests: none). */
  turnBackoff?: (attempt: number) => Promise<void>;
  /** The emergency check the recognizer runs (default: intents' EmergencyDetector); alone, also the triage's (DetectorOnlyTriage). */
  emergencyCheck?: EmergencyCheck;
  /** The safety triage that runs first on every message (default: createTriageCheck(), or the emergencyCheck given). */
  triageCheck?: TriageCheck;
  /** Intent and language per message (default: intents' createUnderstanding with the NLU_* settings). */
  understanding?: Understanding;
  /** Handing a member to a person (default: tell them how to reach one now). */
  escalation?: Escalation;
  /** Member data back ends (default: MEMBER_DATA — the sample, or FHIR); all three replace it together. */
  directory?: MemberDirectory;
  prescriptions?: PrescriptionLookup;
  appointments?: AppointmentLookup;
  /** Where PHI audit entries go (default: AUDIT_LOG). */
  audit?: AuditLog;
  /** Believe Teams' Entra ID and SMS numbers (default: with Bot Framework authentication, or the sample data in development). */
  trustChannelIdentity?: boolean;
  /** Deletes a conversation's transcript on "forget me" (botbuilder's TranscriptStore fits). */
  transcripts?: TranscriptDeleter;
  /** The FHIR client's and token requests' fetch (tests). */
  fetch?: typeof fetch;
  /** Confidence levels for routing, interruptions and topic switches. */
  policy?: RoutingPolicy;
  /** Verifies the portal's identity assertion (the identity work); absent: members stay anonymous. */
  identity?: IdentityAssertionHandler;
  /** The local Direct Line channel's clock (default: `clock`), keep-alive period and memory limits. */
  directLine?: { now?: () => number; keepAliveMs?: number; limits?: Partial<StoreLimits> };
  /** What is counted (default: Prometheus, served at GET /metrics, by createAssistant; none in createBotCore). */
  metrics?: AssistantMetrics;
  /** Hand-off: the member's verified identity for escalations (default anonymous); agent console timings. */
  handoff?: { member?: MemberLookup; fetch?: typeof fetch; streamPollMs?: number; keepAliveMs?: number; sweepEveryMs?: number; workspaceDir?: string };
}

