import type { EmergencyCheck, EmergencyMatch } from '../types';

/**
 * One emergency check shared by the gate (step 1 of every message, bot/pipeline/emergencyGate.ts)
 * and the recognizer's own check (intents/understanding.ts), which in one turn almost always see
 * the same text: the second call gets the first one's answer instead of running both lexicons
 * again (about a tenth of a turn's CPU).
 *
 * Keyed by the exact text: a different text (cut to MAX_MESSAGE_CHARS, a masked password, a
 * picked choice's title) or another conversation's message in between runs the detector, so with
 * a deterministic detector (EmergencyDetector: fixed lexicons) every answer is the one the
 * detector gives for that text. Only the last text and its answer are kept; each caller gets its
 * own copy of the match. A detector that throws leaves nothing remembered.
 */
export class LastTextMemo implements EmergencyCheck {
  private lastText: string | undefined;
  private lastMatch: EmergencyMatch | null = null;

  constructor(private readonly check: EmergencyCheck) {}

  detect(text: string): EmergencyMatch | null {
    if (typeof text !== 'string') return this.check.detect(text);
    if (text !== this.lastText) {
      const match = this.check.detect(text);
      this.lastText = text;
      this.lastMatch = match;
    }
    return this.lastMatch ? { ...this.lastMatch } : null;
  }
}
