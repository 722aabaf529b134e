import type { DialogContext } from 'botbuilder-dialogs';
import type { TaskIntentId } from '../../intents/types';
import { safetyOf, turnInfo, turnTriage } from '../turn';
import { ConfirmQuestion } from './confirmQuestion';
import type { DialogKit } from './kit';
import { Question } from './questions';
import { isCorrection, isShortAnswer, namesOtherAnswer } from './otherAnswer';
import type { TaskOutcome } from './taskTypes';

/** What the change-of-mind reading needs of the task it runs in (a TaskDialog). */
export interface MindTask {
  readonly intent: TaskIntentId;
  readonly kit: DialogKit;
  /** The task's own reading of the words after a change of mind (`TaskDialog.readsOwnChange`). */
  readsOwnChange(innerDc: DialogContext, rest: string): boolean;
}

/**
 * "actually never mind, ill keep the tuesday one" / "mejor no, olvídalo": the task ends, and it is
 * said that nothing changed; "actually nvm i want to cancel my dentist thing instead": the task
 * ends and the message is routed afresh, in the member's words (never offered back: it was
 * dropped). A question asking for another thing of this task or another task ("what appointments
 * does my son have" to "When would you prefer?") that the open question does not take is routed
 * afresh too, and so is a correction asking for another thing of this task ("no no, me equivoqué,
 * quiero ver la cita que ya tengo" while booking: my visits, v20). Never when the safety triage matched (its answers come first; a weaker signal gets
 * the safety line before the ack), and never for a message the open question takes as it is (an
 * option, a whole phrase).
 */
export async function changedMind(task: MindTask, innerDc: DialogContext): Promise<TaskOutcome | null> {
  const context = innerDc.context;
  if (turnTriage(context).match) return null;
  let innermost: DialogContext = innerDc;
  while (innermost.child) innermost = innermost.child;
  const active = innermost.activeDialog;
  const question = active ? innermost.findDialog(active.id) : undefined;
  const asked = question instanceof Question && active ? question : null;
  if (asked && active && asked.isExactAnswer(active, context)) return null;
  const { text } = turnInfo(context);
  if (task.kit.phrases.interruption(text)) return null;
  const mind = task.kit.phrases.changeOfMind.read(text);
  // "actually nevermind just cancel it" while moving a visit: the words after it are this task's own change.
  if (mind && !mind.only && task.readsOwnChange(innerDc, mind.rest)) return null;
  // "wait don't, cancel my own visit instead" at a confirmation: nothing is done, that is said, and the request routed.
  const elsewhere = !mind?.only && asked instanceof ConfirmQuestion && active ? asked.asksElsewhere(active, context) : false;
  // A question or request of this task naming another answer to a question already answered ("what
  // appointments does my son have" while moving a visit), or that answer said alone ("ver mis
  // citas!!" while booking), when the open question does not take it; said as a correction ("no no,
  // me equivoqué. quiero ver la cita que ya tengo"), even when the open question could read a word of it.
  const plainly = task.kit.phrases.isRequest(text) || /\?\s*$/u.test(text) || isShortAnswer(text);
  // Never words this task reads as its own change ("se puede cambiar a presencial?" at "Cancel …?", v20).
  const another = !mind && asked && active && !task.readsOwnChange(innerDc, text) && ((isCorrection(text) && !(asked instanceof ConfirmQuestion)) || (!asked.loose && !asked.accepts(active, context) && plainly)) && namesOtherAnswer(task, innerDc);
  if (!mind && !another && !elsewhere) return null;
  if (elsewhere && asked instanceof ConfirmQuestion && active) await task.kit.send(context, { text: asked.droppedText(active, context) });
  await innerDc.cancelAllDialogs();
  if (mind?.only) {
    // The safety line first when the message carries a signal, as for any short answer (MainReplies).
    const safety = safetyOf(context);
    if (safety) await task.kit.triage.safetyNet(context, task.kit.locale(context), { ask: false, rule: safety.rule, abuseKind: safety.abuseKind });
    await task.kit.say(context, 'common.dropped');
    return { kind: 'completed' };
  }
  return { kind: 'completed', reroute: true };
}
