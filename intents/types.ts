import { LOCALES, type Locale } from '../common/locale';
/**
 * The intent taxonomy and the recognizer contract. The ids are a public contract (docs/understanding.md,
 * "Intent ids"): outside tools read them from `npm run classify`, and dialogs route on them.
 */

export const INTENT_IDS = [
  'emergency',
  'abuse',
  'mental_health',
  'symptoms',
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

/** Whether an intent id (or nothing) is one of the task intents. */
export const isTaskIntent = (intent: string | null | undefined): intent is TaskIntentId => TASK_INTENTS.some((t) => t === intent);

export const EMERGENCY_KINDS = ['medical', 'crisis', 'poison'] as const;
/** medical → 911, crisis → 988, poison → Poison Control 1-800-222-1222. */
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];

export const ABUSE_KINDS = ['dv', 'sexual', 'child', 'elder'] as const;
/** dv → Domestic Violence Hotline, sexual → RAINN, child → Childhelp, elder → Eldercare Locator / APS. */
export type AbuseKind = (typeof ABUSE_KINDS)[number];

/** The kind an intent carries: an emergency's or an abuse disclosure's; null for every other intent. */
export type IntentKind = EmergencyKind | AbuseKind;

/**
 * The safety triage's outcomes (intents/triage): decided on every member message before any other
 * routing, in every state and on every channel (DESIGN.md, safety rule 1).
 */
export const TRIAGE_INTENTS = ['emergency', 'abuse', 'mental_health', 'symptoms'] as const satisfies readonly IntentId[];
export type TriageIntentId = (typeof TRIAGE_INTENTS)[number];

/**
 * A health, distress or safety signal in a message that the triage did not call one of its
 * outcomes (DESIGN.md, safety rule 2). `unsure`: it may be an emergency or a crisis, the triage is
 * not sure — the reply must say what to do if it is (911, 988, the nurse line) before anything
 * else, then ask what the member needs. `signal`: a health or distress word is there (a task may
 * still be meant): the reply may route to a task, but never answers with goodbye, thanks, cancel,
 * a task menu or "did you mean…?" without that line.
 */
export interface SafetySignal {
  level: 'unsure' | 'signal';
  /** The concept or model feature that raised it (for logs), never member text. */
  rule: string;
  /**
   * A `signal` whose message leans to mental health or symptoms without reaching either's
   * threshold ("my husband died in March and I'm not coping"): that outcome is answered unless a
   * portal task is clearly asked for (intents/understanding.ts).
   */
  leaning?: { intent: 'mental_health' | 'symptoms'; score: number };
  /**
   * An `unsure` message the model reads partly as a disclosure of abuse ("my son's girlfriend is
   * beating him up, he's 24"): the safety net names that kind's hotline too.
   */
  abuseKind?: AbuseKind;
  /**
   * An `unsure` message whose emergency doubt is a poisoning ("se me olvidó que ya me la había
   * tomado y me la volví a tomar"): the safety net names Poison Control too.
   */
  poisonDoubt?: true;
}

export { LOCALES, type Locale };

export interface ScoredIntent {
  intent: IntentId;
  /** Calibrated confidence in [0, 1]. */
  score: number;
}

/** What a recognizer says about one utterance. */
export interface IntentResult extends ScoredIntent {
  /** An emergency's kind (`medical`, `crisis`, `poison`) or an abuse disclosure's (`dv`, `sexual`, `child`, `elder`); null otherwise. */
  kind: IntentKind | null;
  /** Language of the utterance (per message), so replies can follow the member. */
  locale: Locale;
  /** The next most likely intent, so a dialog can ask "did you mean X or Y?". */
  runnerUp: ScoredIntent | null;
  /** Which component produced the result (for logs and metrics, never shown to members). */
  source: RecognizerSource;
  /** Set by the safety triage when the message carries a safety signal it did not route (see SafetySignal). */
  safety?: SafetySignal | null;
}

export type RecognizerSource = 'emergency-detector' | 'triage' | 'local' | 'clu' | 'luis';

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
  /** A strong rule (a first-person or present sign) rather than a contextual one (a bare "stroke"). */
  strong?: boolean;
}

/** The emergency check that runs first on every member message (synchronous and fast). */
export interface EmergencyCheck {
  detect(text: string): EmergencyMatch | null;
}

/** What a caller may tell the recognizer about a message. */
export interface UnderstandOptions {
  /** The conversation's language, a hint for the locale detector. */
  locale?: Locale;
  /**
   * The turn's safety triage (a memo of the same check: pipeline/turnFacts.ts), read instead of
   * running the recognizer's own on a text the turn has already triaged.
   */
  triage?: TriageCheck;
}

/** Emergency check, then intent recognition with cloud fallback and the confidence threshold. */
export interface Understanding {
  /** Never throws, whatever the input: the worst case is `none`. */
  understand(text: string, options?: UnderstandOptions): Promise<IntentResult>;
}

/** What the safety triage decided for one message (ids and numbers only, never member text). */
export interface TriageMatch {
  intent: TriageIntentId;
  /** Set for `emergency` (EmergencyKind) and `abuse` (AbuseKind); null for `mental_health` and `symptoms`. */
  kind: IntentKind | null;
  locale: Locale;
  /** In [0, 1]: 1 for a rule, the model's probability otherwise. */
  score: number;
  /** The concept rule or model feature that decided (for logs and metrics), never member text. */
  rule: string;
  /**
   * `abuse` only: a second kind the model finds likely too ("my partner hits me in front of the
   * kids": dv, and child). The answer names that kind's hotline as well, so an uncertain kind
   * never leaves the member without the right number. `emergency` / crisis: `poison` when
   * something has already been taken (911 and Poison Control come first in the answer).
   * `emergency` / medical: `poison` when the model reads an exposure too ("breathed in paint
   * stripper fumes, now my chest is tight"), `crisis` when it reads distress ("so anxious I can't
   * breathe"), an abuse kind when it reads a disclosure ("he said he'd kill me if I left"); the
   * answer adds Poison Control, 988 or the hotline after 911.
   */
  alsoKind?: AbuseKind | 'poison' | 'crisis';
}

export interface TriageResult {
  /** The outcome, or null when the message is none of the triage's outcomes. */
  match: TriageMatch | null;
  /** A signal the triage did not route (only when `match` is null). */
  safety: SafetySignal | null;
  /**
   * The message has a portal-task word (bill, refill, appointment, password; factura, receta, cita,
   * contraseña): only then may a task the recognizer is sure of win over mental health or symptoms.
   */
  taskWord?: boolean;
  /**
   * The triage concepts found in the message (`body`, `violence`, `collapse`...; names only, never
   * words): what follows an urgent answer reads them (pipeline/urgentFollowUp.ts).
   */
  concepts?: readonly string[];
}

/**
 * The safety triage that runs first on every member message (synchronous, sub-millisecond):
 * emergency (911 / 988 / Poison Control), abuse disclosures, mental health, symptoms.
 */
export interface TriageCheck {
  triage(text: string): TriageResult;
}

/** Messages that no limit may refuse and that jump a hand-off queue: emergencies and abuse disclosures. */
export function isUrgent(match: Pick<TriageMatch, 'intent'> | null | undefined): boolean {
  return match?.intent === 'emergency' || match?.intent === 'abuse';
}
