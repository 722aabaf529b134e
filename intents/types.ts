/**
 * The intent taxonomy and the recognizer contract. The ids are a public contract (README,
 * "Contracts"): outside tools read them from `npm run classify`, and dialogs route on them.
 */

export const INTENT_IDS = [
  'emergency',
  'appointment',
  'refill',
  'password_reset',
  'billing',
  'records',
  'telehealth',
  'contact',
  'agent',
  'greeting',
  'help',
  'cancel',
  'thanks',
  'goodbye',
  'none',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

/** The intents a member can be helped with by a task dialog (shown in menus). */
export const TASK_INTENTS = [
  'appointment',
  'refill',
  'password_reset',
  'billing',
  'records',
  'telehealth',
  'contact',
] as const satisfies readonly IntentId[];

export type TaskIntentId = (typeof TASK_INTENTS)[number];

export const EMERGENCY_KINDS = ['medical', 'crisis', 'poison'] as const;
/** medical → 911, crisis → 988, poison → Poison Control 1-800-222-1222. */
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export interface ScoredIntent {
  intent: IntentId;
  /** Calibrated confidence in [0, 1]. */
  score: number;
}

/** What a recognizer says about one utterance. */
export interface IntentResult extends ScoredIntent {
  /** Set only when `intent` is `emergency`; null otherwise. */
  kind: EmergencyKind | null;
  /** Language of the utterance (per message), so replies can follow the member. */
  locale: Locale;
  /** The next most likely intent, so a dialog can ask "did you mean X or Y?". */
  runnerUp: ScoredIntent | null;
  /** Which component produced the result (for logs and metrics, never shown to members). */
  source: RecognizerSource;
}

export type RecognizerSource = 'emergency-detector' | 'local' | 'clu' | 'luis';

export interface RecognizeOptions {
  /** Locale hint (e.g. the conversation's language so far); recognizers may ignore it. */
  locale?: Locale;
  /** Aborts a cloud call; the caller then falls back to the local model. */
  signal?: AbortSignal;
}

/** One interface, three implementations: local (`natural`), CLU and LUIS. */
export interface Recognizer {
  readonly name: RecognizerSource;
  recognize(text: string, options?: RecognizeOptions): Promise<IntentResult>;
}

/** What the emergency detector reports: never the member's text, only what matched. */
export interface EmergencyMatch {
  kind: EmergencyKind;
  locale: Locale;
  /** Id of the lexicon entry or pattern that matched (for logs and metrics). */
  rule: string;
}

/** The emergency check that runs first on every member message (synchronous and fast). */
export interface EmergencyCheck {
  detect(text: string): EmergencyMatch | null;
}

/** Emergency check, then intent recognition with cloud fallback and the confidence threshold. */
export interface Understanding {
  understand(text: string, options?: { locale?: Locale }): Promise<IntentResult>;
}
