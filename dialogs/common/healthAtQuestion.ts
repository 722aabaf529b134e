import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TaskIntentId } from '../../intents/types';
import { safetyOf, turnInfo, turnTriage } from '../turn';
import type { DialogKit } from './kit';
import { Question } from './questions';

/**
 * The health side of a message said at a task's open question that does not answer it (newcomer
 * run v20: "es grave? lo llevo a urgencias o me espero a la cita?" to "¿Cómo prefiere que le
 * atiendan?" got "No tengo eso entre estas opciones" and the same menu). The triage's outcomes
 * (mental health, symptoms) are answered by TaskDialog itself; these are the messages it left:
 * - a question whether it is serious, or whether to go to the ER or wait: a health question,
 *   whatever the question accepts in it ("can this wait until monday?" is no preferred day);
 * - any other message that fits no option and carries the turn's safety signal (even unsure).
 * Either gets its answer (911 or the ER if severe, the nurse line; or the safety line), then a
 * way forward: the task can go on (its question again) or be dropped. Never the bare "not among
 * these choices".
 */

/** The question waiting for an answer, inside any child dialog (identity verification, a pick). */
function openQuestion(innerDc: DialogContext): { question: Question<never>; active: DialogInstance } | null {
  let innermost: DialogContext = innerDc;
  while (innermost.child) innermost = innermost.child;
  const active = innermost.activeDialog;
  const question = active ? innermost.findDialog(active.id) : undefined;
  return question instanceof Question && active ? { question: question as Question<never>, active } : null;
}

/** The task goes on when the member is ready (or "never mind"), its question asked again. */
async function wayForward(kit: DialogKit, innerDc: DialogContext, intent: TaskIntentId): Promise<DialogTurnResult> {
  await kit.say(innerDc.context, 'safety.resume', { topic: kit.text(innerDc.context, `topics.${intent}`) });
  await innerDc.repromptDialog();
  return Dialog.EndOfTurn;
}

/** "is this serious? should i take him to the ER or wait?": answered before the task reads it. */
export async function careAskedAtQuestion(kit: DialogKit, innerDc: DialogContext, intent: TaskIntentId): Promise<DialogTurnResult | null> {
  const context = innerDc.context;
  const open = openQuestion(innerDc);
  if (!open || turnTriage(context).match || open.question.isExactAnswer(open.active, context)) return null;
  if (!(await kit.triage.careQuestion(context, kit.locale(context), turnInfo(context).text))) return null;
  return wayForward(kit, innerDc, intent);
}

/** A message no reading of the task took, with a safety signal, that the question would only ask again. */
export async function signalAtQuestion(kit: DialogKit, innerDc: DialogContext, intent: TaskIntentId): Promise<DialogTurnResult | null> {
  const context = innerDc.context;
  const triage = turnTriage(context);
  const safety = safetyOf(context);
  const open = openQuestion(innerDc);
  if (!open || !safety || triage.match || triage.answered || open.question.loose) return null;
  if (open.question.accepts(open.active, context) || !open.question.asksAgain(open.active, context)) return null;
  const locale = kit.locale(context);
  // Leaning to mental health or symptoms: that outcome's line (988's line, or 911 and the nurse line).
  if (safety.leaning) await kit.triage.note(context, { intent: safety.leaning.intent, kind: null, locale, rule: safety.rule });
  else await kit.triage.safetyNet(context, locale, { ask: false, rule: safety.rule, abuseKind: safety.abuseKind, poisonDoubt: safety.poisonDoubt });
  return wayForward(kit, innerDc, intent);
}
