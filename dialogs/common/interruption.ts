import type { TurnContext } from 'botbuilder';
import type { Interruption } from '../phrases';
import { turnInfo } from '../turn';
import type { DialogKit } from './kit';

/**
 * Detects an interruption in the turn: a phrase ("never mind", or a request for a person said in
 * a longer sentence) or, unless `phrasesOnly`, a confident cancel / help / agent intent.
 */
export function interruptionOf(context: TurnContext, kit: DialogKit, phrasesOnly = false): Interruption | null {
  const turn = turnInfo(context);
  const phrase = kit.phrases.interruption(turn.text);
  if (phrase) return phrase;
  if (phrasesOnly) return null;
  const { intent, score } = turn.result;
  if (score >= kit.policy.interruptAt && (intent === 'cancel' || intent === 'help' || intent === 'agent')) return intent;
  return null;
}
