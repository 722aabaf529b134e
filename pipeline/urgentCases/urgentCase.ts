import type { TurnContext } from 'botbuilder';
import type { FollowUpMode } from '../../dialogs/triage';
import type { TurnInfo } from '../../dialogs/turn';
import type { Locale, TaskIntentId, TriageResult } from '../../intents/types';
import type { ClauseTask } from '../clauseTask';
import { readFollowUp, type FollowUpReading } from '../followUpReading';
import { taskAsked } from '../taskAfterSafety';
import type { TurnFacts } from '../turnFacts';
import type { UrgentFollowUpParts } from '../urgentFollowUpParts';
import type { UrgentMemory } from '../urgentWindow';

/** A member message within the window of an urgent answer, read once for every case. */
export interface UrgentTurn {
  context: TurnContext;
  /** The urgent answer's memory (its window was counted down for this message). */
  kept: UrgentMemory;
  turn: TurnInfo;
  locale: Locale;
  /** The message's words as the member wrote them. */
  text: string;
  /** What the words say after an urgent answer (pipeline/followUpReading.ts). */
  reading: FollowUpReading | null;
  /** The triage of these words alone. */
  own: TriageResult;
  /** The task asked for, if any (pipeline/taskAfterSafety.ts, or a visit in a mode named as a person, or one clause's). */
  asked: TaskIntentId | null;
  /** After a call made, the task one clause asks for when the whole message reads as none ("can i get her in w her dr tmrw"). */
  clause: ClauseTask | null;
}

/**
 * One case of the follow-up: its answer when the message is its own (true: the turn ends here;
 * false: the turn goes on as usual), or undefined when it is not (the next case reads it).
 */
export interface UrgentCase {
  readonly name: string;
  answer(now: UrgentTurn, parts: UrgentFollowUpParts): Promise<boolean | undefined>;
}

/** Reads the message once: its words, its reading, its own triage and the task it asks for. */
export function readUrgentTurn(context: TurnContext, facts: TurnFacts, turn: TurnInfo, kept: UrgentMemory, parts: Pick<UrgentFollowUpParts, 'visitMode'>, clause: ClauseTask | null = null): UrgentTurn {
  const text = context.activity.text ?? '';
  const own = facts.triage(text);
  // A task: named with a task word, or a recognizer (CLU, LUIS, a stand-in) that is all but certain;
  // or its runner-up named with a task word ("can we just do the bill"): pipeline/taskAfterSafety.ts.
  const whole = taskAsked(turn, own.taskWord === true, kept.task?.intent) ?? parts.visitMode?.read(turn) ?? null;
  const asked = whole ?? clause?.intent ?? null;
  return { context, kept, turn, locale: turn.locale, text, reading: readFollowUp(text), own, asked, clause: whole ? null : clause };
}

/** Readings of a call made, help come or on the way: the ones after which a clause's task is read. */
export const CALL_MADE: readonly FollowUpReading[] = ['called', 'handled', 'onTheWay'];

/** True when a task is asked for with the message. */
export function withTask(now: UrgentTurn): boolean {
  return now.asked !== null;
}

/**
 * A case answered with one follow-up, the turn ending there: `mode` says which follow-up when the
 * message is the case's, or undefined when it is not.
 */
export function replyCase(name: string, mode: (now: UrgentTurn, parts: UrgentFollowUpParts) => FollowUpMode | undefined): UrgentCase {
  return {
    name,
    async answer(now, parts) {
      const given = mode(now, parts);
      if (given === undefined) return undefined;
      await parts.reply.give(now.context, now.kept, now.locale, given);
      return true;
    },
  };
}
