import type { TurnContext } from 'botbuilder';
import { localeOf } from '../common/responses';
import type { HandoffMode } from '../handoff/core/settings';
import type { AbuseKind, EmergencyKind, IntentId, IntentResult, Locale, SafetySignal, TaskIntentId, TriageMatch } from '../intents/types';

/**
 * What the pipeline learned about the member's message before any dialog runs: the text (after
 * input normalization and secret masking), what it means, and the language to answer in. Set
 * once per turn (pipeline/understandTurn.ts) and read by every dialog, so the recognizer runs
 * once per message.
 */
export interface TurnInfo {
  text: string;
  result: IntentResult;
  /** The language to answer in this turn (the conversation's, updated from this message). */
  locale: Locale;
  /** The welcome (with the topics menu) went out in this turn: a greeting needs no second menu. */
  welcomed?: boolean;
  /**
   * A topic the member said the message is not about ("its not a password thing"): dropped, and
   * `text` is the rest of the message (empty when it says nothing else; pipeline/understandTurn.ts).
   */
  denied?: TaskIntentId;
}

const TURN_INFO = Symbol('dialogs.turnInfo');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(TURN_INFO, info);
}

/** The turn's info; without the pipeline (a bare dialog test) a neutral "none" result. */
export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get(TURN_INFO) as TurnInfo | undefined;
  if (info) return info;
  const locale = localeOf(context.activity.locale);
  return {
    text: context.activity.text ?? '',
    locale,
    result: { intent: 'none', score: 0, kind: null, locale, runnerUp: null, source: 'local' },
  };
}

/**
 * What became of the member's message, for the transcript (and the analytics report over it):
 * ids and numbers only, never text. Noted by the step that knows it — the main dialog's routing
 * (`intent`, `score`, `fallback`), the emergency gate (`emergency`), the escalation that handed
 * the member to a person (`escalated`: how) — and kept by the transcript recorder on the member's
 * message. Lives in the turn state, so a turn that TurnGuard runs again starts without it.
 */
/** What the main dialog routes a new request on: an intent, or a menu pick / phrase that is none. */
export type RoutedIntent = IntentId | 'startOver' | 'somethingElse';

export interface TurnOutcome {
  /**
   * What the main dialog routed a new request on (not set for answers to a dialog's question): the
   * topic picked or recognized, the phrase ("start over"), or the recognizer's intent when unsure.
   */
  intent?: RoutedIntent;
  /** The recognizer's confidence in that intent (absent when the member picked it from a menu). */
  score?: number;
  /** The main dialog could not tell what the member needs (asked to rephrase, "did you mean", the menu). */
  fallback?: true;
  emergency?: EmergencyKind;
  /** An abuse disclosure answered (hotline by kind). */
  abuse?: AbuseKind;
  /**
   * The safety triage answered a non-urgent outcome (`mental_health`, `symptoms`) or, unsure, the
   * safety net (`safety_net`); `noted`: only its line, beside an answer to a dialog's question.
   */
  triage?: 'mental_health' | 'symptoms' | 'safety_net';
  noted?: true;
  /** Handed to a person: queued for an agent, sent to the contact centre, or given the ways to reach one. */
  escalated?: HandoffMode;
}

const TURN_OUTCOME = Symbol('dialogs.turnOutcome');

export function noteOutcome(context: TurnContext, outcome: TurnOutcome): void {
  const known = context.turnState.get(TURN_OUTCOME) as TurnOutcome | undefined;
  context.turnState.set(TURN_OUTCOME, { ...known, ...outcome });
}

export function turnOutcome(context: TurnContext): TurnOutcome | undefined {
  return context.turnState.get(TURN_OUTCOME) as TurnOutcome | undefined;
}

/**
 * What the safety triage found in this turn's message: its outcome (`match`) and a signal it did
 * not route (`safety`), from the gate's triage of the raw text and from the recognizer. Set by the
 * triage gate (pipeline/triageGate.ts) in step 1 and after understanding; read by the dialogs.
 * `answered`: the member got the triage's answer or line this turn (nothing says it twice).
 */
export interface TurnTriage {
  match: TriageMatch | null;
  safety: SafetySignal | null;
  /** The triage concepts found in the message (names only, never words): `first_person`, `mood`... */
  concepts?: readonly string[];
  answered?: boolean;
  /** The urgent follow-up's one reminder line was given (pipeline/urgentFollowUp.ts). */
  reminded?: boolean;
  /** The mental-health answer was given just before (pipeline/careFollowUp.ts): not word for word again. */
  again?: boolean;
  /**
   * The urgent message was read in an earlier urgent answer's light and answered in short ("they
   * took her" after 911): the rest of the turn is a plain one, never that urgent answer again.
   */
  inItsLight?: boolean;
  /**
   * Right after a task's answer, the message plainly asks for a person or the task, and its safety
   * reading came only from words not about the member's health (dialogs/main/plainAfterTask.ts):
   * no mental-health answer and no safety line this turn.
   */
  plain?: boolean;
}

const TURN_TRIAGE = Symbol('dialogs.turnTriage');

export function setTurnTriage(context: TurnContext, triage: TurnTriage): void {
  context.turnState.set(TURN_TRIAGE, triage);
}

export function turnTriage(context: TurnContext): TurnTriage {
  const known = context.turnState.get(TURN_TRIAGE) as TurnTriage | undefined;
  if (known) return known;
  const fresh: TurnTriage = { match: null, safety: null };
  context.turnState.set(TURN_TRIAGE, fresh);
  return fresh;
}

/** The turn's safety signal: the triage's, else the recognizer's (`result.safety`). */
export function safetyOf(context: TurnContext): SafetySignal | null {
  const info = context.turnState.get(TURN_INFO) as TurnInfo | undefined;
  const triage = turnTriage(context);
  if (triage.plain) return null;
  return triage.safety ?? info?.result.safety ?? null;
}
