import type { DialogContext } from 'botbuilder-dialogs';
import type { IntentResult } from '../../intents/types';
import { QUESTIONS, type QuestionKey } from '../questions';
import { turnInfo } from '../turn';
import { fold } from './text';
import type { DialogKit } from './kit';
import type { LaterFlow } from './taskTypes';

/** What the reading needs of the task it runs in. */
interface AnsweredTask {
  readonly intent: string;
  readonly kit: DialogKit;
}

/**
 * Words that correct what was asked before ("no no, me equivoqué", "sorry i meant", "reschedule
 * instead", "mejor cancelar"): with another answer to a question the task already had answered,
 * the member asks for that instead (newcomer run v20).
 */
const CORRECTION = /\b(instead|i meant|i mean|meant to|my bad|my mistake|wrong one|oops|me equivoque|me equivoco|me confundi|quise decir|queria decir|mejor|en vez|en lugar|mas bien)\b/;

/** A short message that is little more than the other answer ("ver mis citas!!", "show my appointments"). */
const SHORT_WORDS = 4;

export function isCorrection(text: string): boolean {
  return CORRECTION.test(fold(text));
}

export function isShortAnswer(text: string): boolean {
  return fold(text).split(' ').length <= SHORT_WORDS;
}

/**
 * The message is this task's (the recognizer is sure of it, or of it just after a bare "cancel")
 * and names another answer to a question the task already had answered ("what appointments does my
 * son have" while moving a visit: a list, not a move; "quiero ver la cita que ya tengo" while
 * booking: my visits, not a new one).
 */
export function namesOtherAnswer(task: AnsweredTask, innerDc: DialogContext): boolean {
  const { text, result } = turnInfo(innerDc.context);
  if (!isOurs(task, result)) return false;
  const flow = innerDc.stack.find((instance) => instance.id === `${task.intent}.flow`)?.state as LaterFlow | undefined;
  const given = { ...flow?.options?.answers, ...flow?.values };
  return Object.entries(given).some(([name, value]) => {
    const key = `${task.intent}.${name}`;
    if (typeof value !== 'string' || !(key in QUESTIONS)) return false;
    const named = task.kit.options.prefill(text, key as QuestionKey);
    return !!named && named !== value;
  });
}

/** The task's intent, or a confident "cancel" with the task next ("mejor quiero cancelar la que tengo" while booking). */
function isOurs(task: AnsweredTask, result: IntentResult): boolean {
  const routeAt = task.kit.policy.routeAt;
  if (result.intent === task.intent) return result.score >= routeAt;
  return result.intent === 'cancel' && result.runnerUp?.intent === task.intent && result.runnerUp.score >= routeAt;
}
