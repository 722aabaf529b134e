import type { Logger } from '../../common/logger';
import type { NluObserver } from '../../intents';
import type { EmergencyCheck, TriageCheck, Understanding } from '../../intents/types';
import type { AssistantMetrics } from '../../ops/metrics';
import type { Config } from '../config';
import type { AssistantOverrides } from './overrides';
import { createEmergencyCheck, createTriageCheck, PendingUnderstanding } from './understanding';

interface IntentsLayer {
  emergencyCheck: EmergencyCheck;
  triageCheck: TriageCheck;
  understanding: Understanding;
  /** Resolves when the recognizer is built (at once when a test hands in its own understanding). */
  ready: Promise<void>;
}

/**
 * The intents layer: the emergency detector (synchronous, loaded now), the safety triage and the
 * recognizer (built in the background; the first turns wait for it).
 */
export function createIntents(config: Config, overrides: AssistantOverrides, logger: Logger, metrics: AssistantMetrics): IntentsLayer {
  // The default check is also the recognizer's own (one lexicon run per message, see
  // createEmergencyCheck); a check a test hands in leaves the recognizer its own detector.
  const defaultCheck = overrides.emergencyCheck ? undefined : createEmergencyCheck();
  const emergencyCheck = overrides.emergencyCheck ?? defaultCheck!;
  // The safety triage (intents/triage): the gate's, the limits' and the recognizer's first step, one
  // model run per message. A test's emergency check or triage decides alone, everywhere.
  const triageCheck = overrides.triageCheck ?? createTriageCheck(overrides.emergencyCheck, logger);
  const observer: NluObserver = { recognized: (r) => metrics.intent(r.intent, r.source), fallback: (provider, reason) => metrics.nluFallback(provider, reason) };
  const pending = overrides.understanding ? null : new PendingUnderstanding(config.nlu, logger, undefined, observer, defaultCheck, triageCheck);
  const understanding = overrides.understanding ?? pending!;
  return { emergencyCheck, triageCheck, understanding, ready: pending ? pending.ready : Promise.resolve() };
}
