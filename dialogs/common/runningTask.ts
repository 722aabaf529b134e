import type { TurnContext } from 'botbuilder';
import type { DialogInstance, DialogState } from 'botbuilder-dialogs';
import { isTaskIntent as isTask } from '../../intents/types';
import { QUESTIONS, type QuestionKey } from '../questions';
import type { LaterFlow, PausedTask } from './taskDialog';
import { turnOnce } from './turnOnce';


/** Reads the one option of a question a message names, if exactly one (OptionMatcher.prefill). */
export type OptionReader = (text: string, question: QuestionKey) => string | null;

/** The message an urgent answer interrupts, and how to read a task's options in it. */
export interface SaidWhenEnded {
  text: string;
  read: OptionReader;
}

/** A task's questions and the answer names they fill ('appointment.mode' fills 'mode'). */
const questionsOf = (intent: string): Array<[string, QuestionKey]> =>
  (Object.keys(QUESTIONS) as QuestionKey[]).filter((key) => key.startsWith(`${intent}.`)).map((key) => [key.slice(intent.length + 1), key]);

/**
 * The task's answers so far: those it was started with, those given to its questions (the flow's
 * values that are one of their options), and those the interrupted message names ("en persona
 * pero mi esposo me pega...", newcomer run v15 YX13), the ones already given first. Only a
 * booking's details are read from the interrupted message: in a crisis message, a bill's word ("para
 * que pago algo si ya no voy a estar aqui") is the crisis speaking, not the member's question.
 */
function answersOf(intent: string, flow: LaterFlow | undefined, said?: SaidWhenEnded): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, key] of questionsOf(intent)) {
    const given = flow?.options?.answers?.[name] ?? flow?.values?.[name];
    if (typeof given === 'string' && (QUESTIONS[key] as readonly string[]).includes(given)) answers[name] = given;
    else if (said && intent === 'appointment' && !(name in answers)) {
      const named = said.read(said.text, key);
      if (named) answers[name] = named;
    }
  }
  return { ...answers, ...flow?.options?.answers };
}

/**
 * The task a dialog state is running (the innermost), as a paused task: its opening message and
 * its answers (with the details the message being answered names, when given). A crisis answer
 * ends the dialogs; what the member was asking for then ("I need to book a therapy appt") is kept
 * with the urgent answer for its follow-up window (pipeline/urgentFollowUp.ts), so that asking for
 * it again goes on with it.
 */
export function runningTask(state: DialogState | undefined, said?: SaidWhenEnded): PausedTask | undefined {
  let found: PausedTask | undefined;
  const visit = (stack: readonly DialogInstance[] | undefined): void => {
    for (const instance of stack ?? []) {
      const inner = (instance.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
      if (isTask(instance.id)) {
        const flow = inner?.find((i) => i.id === `${instance.id}.flow`)?.state as LaterFlow | undefined;
        const text = flow?.options?.text;
        found = { intent: instance.id, ...(text ? { text } : {}), answers: answersOf(instance.id, flow, said) };
      }
      visit(inner);
    }
  };
  visit(state?.dialogStack);
  return found;
}

const RESUME = turnOnce<{ task: PausedTask; fresh: boolean }>('dialogs.resumeAfterUrgent');

/** This turn goes back to `task` when it starts the main dialog (pipeline/dialogRunner.ts). */
export function resumeThisTurn(context: TurnContext, task: PausedTask): void {
  RESUME.set(context, { task, fresh: false });
}

/**
 * This turn starts `task` with its answers when it starts the main dialog: a new task, not one
 * gone back to (no "back to …" line).
 */
export function startThisTurn(context: TurnContext, task: PausedTask): void {
  RESUME.set(context, { task, fresh: true });
}

/** The task this turn goes back to or starts, if any (taken once). */
export function takeResume(context: TurnContext): { task: PausedTask; fresh: boolean } | undefined {
  return RESUME.take(context);
}
