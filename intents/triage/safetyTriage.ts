import type { EmergencyCheck, TriageCheck, TriageResult } from '../types';

/**
 * PLACEHOLDER while the concept + model triage is built: the emergency detector alone.
 * Same interface as the final one (TriageCheck), so the bot can be wired against it now.
 */
export class DetectorOnlyTriage implements TriageCheck {
  constructor(private readonly detector: EmergencyCheck) {}

  triage(text: string): TriageResult {
    const m = this.detector.detect(text);
    if (!m) return { match: null, safety: null };
    return { match: { intent: 'emergency', kind: m.kind, locale: m.locale, score: 1, rule: m.rule }, safety: null };
  }
}
