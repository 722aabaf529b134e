import type { TurnContext } from 'botbuilder';
import { localeOf } from '../common/responses';
import type { IntentResult, Locale } from '../intents/types';

/**
 * What the pipeline learned about the member's message before any dialog runs: the text (after
 * input normalization and secret masking), what it means, and the language to answer in. Set
 * once per turn (bot/pipeline/understandTurn.ts) and read by every dialog, so the recognizer runs
 * once per message.
 */
export interface TurnInfo {
  text: string;
  result: IntentResult;
  /** The language to answer in this turn (the conversation's, updated from this message). */
  locale: Locale;
  /** The welcome (with the topics menu) went out in this turn: a greeting needs no second menu. */
  welcomed?: boolean;
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
