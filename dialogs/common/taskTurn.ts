import type { TurnContext } from 'botbuilder';
import { TASK_INTENTS, type TaskIntentId } from '../../intents/types';
import { namesClaimCode } from '../claimCode';
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
  const task = claimCodeRead(own, context, TASK_INTENTS.find((t) => t === intent));
  return task && task !== own && score >= kit.policy.routeAt ? task : null;
}

export function otherTopic(kit: DialogKit, own: TaskIntentId, context: TurnContext): TaskIntentId | null {
  const { intent, score } = turnInfo(context).result;
  const task = claimCodeRead(own, context, TASK_INTENTS.find((t) => t === intent));
  return task && task !== own && score >= kit.policy.switchAt ? task : null;
}

/**
 * A code seen on a claim, an EOB or a statement ("the claims page just says code CO-50") that the
 * recognizer hears as the sign-in code: Billing's (in the billing task, no switch: the message is
 * routed afresh to the claim code's answer), never sign-in help (v16 Z07).
 */
function claimCodeRead(own: TaskIntentId, context: TurnContext, task: TaskIntentId | undefined): TaskIntentId | undefined {
  if (task !== 'password_reset' || !namesClaimCode(turnInfo(context).text, own === 'billing')) return task;
  return own === 'billing' ? undefined : 'billing';
}
