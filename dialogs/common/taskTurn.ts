import type { TurnContext } from 'botbuilder';
import { TASK_INTENTS, type TaskIntentId } from '../../intents/types';
import { offTopic } from '../offTopic';
import { turnInfo } from '../turn';
import type { DialogKit } from './kit';

// Readings of a member's message at a task's open question (TaskDialog): plain, no dialog.

/** A request for something no topic covers (dialogs/offTopic.ts), said as a request. */
export function outOfScope(kit: DialogKit, context: TurnContext): boolean {
  const { text, result } = turnInfo(context);
  return offTopic(text, result) && kit.phrases.isRequest(text);
}

export function saysThanks(kit: DialogKit, context: TurnContext): boolean {
  const { text, result } = turnInfo(context);
  // A bare "k" / "ok" to a menu is no thanks: the question is still open (newcomer run v11 XQ09).
  if (kit.phrases.isShortAnswer('ack.bare', kit.locale(context), text)) return false;
  if ((result.intent === 'thanks' || result.intent === 'goodbye') && result.score >= kit.policy.routeAt) return true;
  return kit.options.match(text, 'followUp', 'exact', ['no']) === 'no';
}

/** Another task the recognizer is sure enough of to route a new message to (not this one). */
export function freshRequest(kit: DialogKit, own: TaskIntentId, context: TurnContext): TaskIntentId | null {
  const { intent, score } = turnInfo(context).result;
  const task = TASK_INTENTS.find((t) => t === intent);
  return task && task !== own && score >= kit.policy.routeAt ? task : null;
}

export function otherTopic(kit: DialogKit, own: TaskIntentId, context: TurnContext): TaskIntentId | null {
  const { intent, score } = turnInfo(context).result;
  const task = TASK_INTENTS.find((t) => t === intent);
  return task && task !== own && score >= kit.policy.switchAt ? task : null;
}
