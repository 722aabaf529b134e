import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance } from 'botbuilder-dialogs';
import { isTaskIntent, type TaskIntentId } from '../../intents/types';
import type { QuestionKey } from '../questions';
import { turnInfo } from '../turn';
import type { DialogKit } from './kit';
import { fold } from './text';
import type { LaterFlow } from './taskTypes';

/** What keeping later answers needs of the task it runs in (a TaskDialog and its overrides). */
export interface LaterTask {
  readonly intent: TaskIntentId;
  readonly kit: DialogKit;
  /** `TaskDialog.laterQuestions`. */
  laterQuestions(given: Readonly<Record<string, unknown>>): Readonly<Record<string, QuestionKey>>;
  /** `TaskDialog.keepLaterDetails`. */
  keepLaterDetails(context: TurnContext, text: string, flow: LaterFlow, open?: QuestionKey): string[];
}

/** A short answer ("by video", "for my daughter"): kept even when the recognizer hears another task in it. */
const SHORT_ANSWER_WORDS = 4;

/** The question an open prompt asks (a closed question's, or the choices offered beside a text one). */
export function openQuestion(active: DialogInstance): QuestionKey | undefined {
  const options = (active.state as { options?: { question?: QuestionKey; choices?: { question?: QuestionKey } } } | undefined)?.options;
  return options?.question ?? options?.choices?.question;
}

/**
 * A message that answers questions of this task other than the open one — said alone or in a
 * few words, or beside no other task, or with the open question's own answer ("para mí, en
 * persona") — with no phrase asking for something else ("never mind", "talk to a person"): the
 * answers are kept, for questions not asked yet (the flow's answers, as a paused task's are, and
 * the topic trail), so those questions are not asked. Returns what was kept, in the member's language.
 */
export async function keepLaterAnswers(task: LaterTask, innerDc: DialogContext, open?: QuestionKey): Promise<string[]> {
  const context = innerDc.context;
  const { text, result } = turnInfo(context);
  if (task.kit.phrases.interruption(text)) return [];
  const words = fold(text).split(' ').filter(Boolean).length;
  const otherTask = isTaskIntent(result.intent) && result.intent !== task.intent && result.score >= task.kit.policy.routeAt;
  if (!words || (otherTask && words > SHORT_ANSWER_WORDS)) return [];
  const flow = innerDc.stack.find((instance) => instance.id === `${task.intent}.flow`)?.state as LaterFlow | undefined;
  if (!flow) return [];
  const given = { ...flow.options?.answers, ...flow.values };
  const found = Object.entries(task.laterQuestions(given))
    // Not yet asked: an answer given early may be changed ("in person", then "by video").
    .filter(([name, question]) => flow.values?.[name] === undefined && question !== open)
    .map(([name, question]) => [name, question, task.kit.options.prefill(text, question)] as const)
    .filter((entry): entry is readonly [string, QuestionKey, string] => !!entry[2]);
  const answers = { ...flow.options?.answers };
  for (const [name, , id] of found) {
    answers[name] = id;
    await task.kit.memory.remember(context, name, id);
  }
  if (found.length) flow.options = { ...flow.options, answers };
  const details = task.keepLaterDetails(context, text, flow, open);
  return [...found.map(([, question, id]) => task.kit.text(context, `options.${question}.${id}`)), ...details];
}
