import type { Logger } from '../common/logger';
import { redactText } from '../common/redaction';
import { createUnderstanding, EmergencyDetector, type NluObserver, type NluSettings } from '../intents';
import { LastTextMemo } from '../intents/emergency/memo';
import { DetectorOnlyTriage } from '../intents/triage/safetyTriage';
import type { EmergencyCheck, IntentResult, Locale, TriageCheck, Understanding } from '../intents/types';

/**
 * Where the intents layer (intents/index.ts) meets the bot: the emergency detector, built now
 * (synchronous, loads its lexicons), and the recognizer, built in the background because the
 * local model may have to be trained at start-up when no current model file exists.
 *
 * The detector remembers its last text's answer (intents/emergency/memo.ts): handed to the
 * recognizer too (PendingUnderstanding's `detector`), the gate's check and the recognizer's own
 * check of the same message run the lexicons once.
 */
export function createEmergencyCheck(): EmergencyCheck {
  return new LastTextMemo(new EmergencyDetector());
}

/**
 * The safety triage that runs first on every member message (bot/pipeline/triageGate.ts), the
 * rate limits' urgency check and the freshness notice's. `detector`: the emergency check it may
 * share with the recognizer (one lexicon run per message).
 */
export function createTriageCheck(detector: EmergencyCheck = createEmergencyCheck()): TriageCheck {
  return new DetectorOnlyTriage(detector);
}

/**
 * An Understanding that is still being built: messages that arrive first wait for it. `ready`
 * rejects if it cannot be built; createAssistant awaits it before listening, so that is a
 * start-up error, not a failed turn.
 */
export class PendingUnderstanding implements Understanding {
  readonly ready: Promise<void>;
  private built: Understanding | undefined;

  constructor(
    settings: NluSettings,
    logger: Logger,
    build: typeof createUnderstanding = createUnderstanding,
    /** Metrics: the intent of every message, and cloud answers not used (never member text). */
    observer?: NluObserver,
    /** The emergency check the recognizer runs first (default: its own EmergencyDetector). */
    detector?: EmergencyCheck,
  ) {
    // Cloud recognizers only ever get redacted text (the emergency check never goes to the cloud).
    const deps = { logger, redactForCloud: redactText, ...(observer ? { observer } : {}), ...(detector ? { detector } : {}) };
    this.ready = build(settings, deps).then((understanding) => {
      this.built = understanding;
    });
    // Reported by whoever awaits `ready` (start-up) or `understand` (a turn); never unhandled.
    this.ready.catch(() => undefined);
  }

  async understand(text: string, options?: { locale?: Locale }): Promise<IntentResult> {
    await this.ready;
    return this.built!.understand(text, options);
  }
}
