import type { Logger } from '../../common/logger';
import { redactText } from '../../common/redaction';
import { createUnderstanding, EmergencyDetector, type NluObserver, type NluSettings } from '../../intents';
import { LastTextMemo } from '../../intents/emergency/memo';
import { DetectorOnlyTriage } from '../../intents/triage/detectorOnly';
import { LastTextTriage } from '../../intents/triage/memo';
import { buildSafetyTriage, type SafetyTriage } from '../../intents/triage/safetyTriage';
import type { EmergencyCheck, IntentResult, TriageCheck, UnderstandOptions, Understanding } from '../../intents/types';

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
 * The built triage, by model file. The model is immutable once loaded (about a second to read
 * and index), so every assistant core of a process shares it: each core still gets its own
 * LastTextTriage in front of it.
 */
const builtTriage = new Map<string, SafetyTriage>();

/**
 * The safety triage that runs first on every member message (pipeline/triageGate.ts), the
 * rate limits' urgency check and the freshness notice's, and the recognizer's own first step
 * (PendingUnderstanding's `triage`): one model run per message. Loaded from the model file that
 * `npm run build` writes, or trained now when it is missing or stale (logged).
 *
 * `detector`: an emergency check a test hands in. Then the triage is that check alone
 * (DetectorOnlyTriage), so the test decides what is an emergency.
 */
export function createTriageCheck(detector?: EmergencyCheck, logger?: Logger, modelFile?: string): TriageCheck {
  if (detector) return new DetectorOnlyTriage(detector);
  const key = modelFile ?? '';
  let triage = builtTriage.get(key);
  if (!triage) {
    const started = performance.now();
    const built = buildSafetyTriage(new LastTextMemo(new EmergencyDetector()), modelFile);
    triage = built.triage;
    builtTriage.set(key, triage);
    logger?.info({ origin: built.origin, ms: Math.round(performance.now() - started) }, 'safety triage ready');
  }
  return new LastTextTriage(triage);
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
    /** The safety triage the recognizer runs first (default: its own). */
    triage?: TriageCheck,
  ) {
    // Cloud recognizers only ever get redacted text (the emergency check never goes to the cloud).
    const deps = { logger, redactForCloud: redactText, ...(observer ? { observer } : {}), ...(detector ? { detector } : {}), ...(triage ? { triage } : {}) };
    this.ready = build(settings, deps).then((understanding) => {
      this.built = understanding;
    });
    // Reported by whoever awaits `ready` (start-up) or `understand` (a turn); never unhandled.
    this.ready.catch(() => undefined);
  }

  async understand(text: string, options?: UnderstandOptions): Promise<IntentResult> {
    await this.ready;
    return this.built!.understand(text, options);
  }
}
