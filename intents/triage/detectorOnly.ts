import type { EmergencyCheck, TriageCheck, TriageResult } from '../types';

/**
 * The emergency lexicons alone, as a TriageCheck (emergencies only; no model): for tests and for
 * comparing the triage with the detector it replaced (npm run eval).
 * Never the default.
 */
export class DetectorOnlyTriage implements TriageCheck {
  constructor(private readonly detector: EmergencyCheck) {}

  triage(text: string): TriageResult {
    const m = this.detector.detect(text);
    if (!m) return { match: null, safety: null };
    return { match: { intent: 'emergency', kind: m.kind, locale: m.locale, score: 1, rule: m.rule }, safety: null };
  }
}
