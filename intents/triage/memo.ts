import type { TriageCheck, TriageResult } from '../types';

/**
 * One triage shared by the turn's first step (the safety gate on the raw text), the rate limits
 * and the recognizer's own check, which in one turn almost always see the same text: the later
 * calls get the first one's answer instead of running the model again. Keyed by the exact text;
 * only the last text is kept; each caller gets its own copy. A triage that throws leaves nothing
 * remembered.
 */
export class LastTextTriage implements TriageCheck {
  private lastText: string | undefined;
  private last: TriageResult = { match: null, safety: null };

  constructor(private readonly check: TriageCheck) {}

  triage(text: string): TriageResult {
    if (typeof text !== 'string') return this.check.triage(text);
    if (text !== this.lastText) {
      const result = this.check.triage(text);
      this.lastText = text;
      this.last = result;
    }
    return copyOf(this.last);
  }
}

/** A caller's own copy of a triage result (steps add to what they read), every field kept. */
export function copyOf(result: TriageResult): TriageResult {
  return {
    ...result,
    match: result.match ? { ...result.match } : null,
    safety: result.safety ? { ...result.safety, ...(result.safety.leaning ? { leaning: { ...result.safety.leaning } } : {}) } : null,
  };
}
