import type { TurnContext } from 'botbuilder';
import type { UrgentContact } from '../dialogs/escalation';
import { turnTriage, type TurnInfo } from '../dialogs/turn';
import type { Locale, TriageCheck, TriageMatch, TriageResult } from '../intents/types';
import type { PausedTask } from '../dialogs/common/taskDialog';
import { readFollowUp } from './followUpReading';
import { phoneSafety } from './phoneSafety';
import type { TaskAfterUrgent } from './taskAfterUrgent';
import type { TurnFacts } from './turnFacts';
import { URGENT_CASES } from './urgentCases/cases';
import { CALL_MADE, readUrgentTurn, type UrgentCase } from './urgentCases/urgentCase';
import type { ClauseTask } from './clauseTask';
import { taskAsked } from './taskAfterSafety';
import type { UrgentFollowUpParts } from './urgentFollowUpParts';
import type { UrgentReply } from './urgentReply';
import { onTheWayAfter, type UrgentMemory, type UrgentWindow } from './urgentWindow';
import type { UrgentWords } from './urgentWords';

export type { UrgentFollowUpParts };

/**
 * After an emergency or abuse answer, the member's next messages are read in its light. What
 * people write next is often a reason not to call ("I don't want to go to the ER", "she seems ok",
 * "no tengo carro", "he's here, I can't call", "no tengo a nadie"); routed afresh, that became a
 * booking menu, a billing menu or "Thanks!". Now:
 * - a message that asks for a person goes on as usual (the hand-off);
 * - a portal task named with a task word ("book me an appointment"), or mental health or symptoms
 *   found by the triage itself ("I am depressed"), gets the outcome's one-line reminder first, then
 *   goes on as usual;
 * - "I already called" is acknowledged (follow their advice, call again if worse), and the window
 *   ends; a reason not to go or call after an emergency ("I don't want to go to the ER", "can I
 *   just get an appt") gets an answer to it (pipeline/followUpReading.ts), never a menu;
 * - after a disclosure, a worry about who will know ("don't tell anyone", "will he find out") gets
 *   what stays private, the hotline and 911, never the crisis script;
 * - after a crisis or a disclosure, a thanks or goodbye gets a warm goodbye with the line, and the
 *   window ends; after a crisis, the task it ended, asked for again, goes on (with the reminder),
 *   and a task the member goes on with ends the window;
 * - anything else gets the outcome's follow-up (the number again, answering the usual barriers:
 *   911 comes to you, Poison Control even when all seems well, text START to 88788 when one cannot
 *   speak) and the turn ends there.
 * For the next `messages` messages within `withinMs`; a new urgent answer starts it again.
 */
export class UrgentFollowUp {
  private readonly window: UrgentWindow;
  private readonly reply: UrgentReply;
  private readonly tasks: TaskAfterUrgent;
  private readonly words: UrgentWords;

  /** The cases of a message within the window, in order (pipeline/urgentCases/cases.ts unless a test hands others). */
  constructor(
    private readonly parts: UrgentFollowUpParts,
    private readonly cases: readonly UrgentCase[] = URGENT_CASES,
  ) {
    ({ window: this.window, reply: this.reply, tasks: this.tasks, words: this.words } = parts);
  }

  /** After an urgent answer: the next messages get the follow-up. */
  async remember(context: TurnContext, match: Pick<TriageMatch, 'intent' | 'kind' | 'locale'>, task?: PausedTask): Promise<void> {
    await this.window.open(context, match, task);
  }

  /**
   * The number of the last urgent answer in one line, when it was given within the window's time
   * (988 and 911 after a crisis; 911 and the hotline after a disclosure), for the reply that no
   * agent can chat: a call back or a secure message reaches nobody in time. After a disclosure,
   * discreetly: the abuser may read the portal or answer the phone (no call back, no secure message).
   */
  async urgentLine(context: TurnContext, locale: Locale): Promise<UrgentContact | undefined> {
    const kept = await this.window.recent(context);
    if (!kept) return undefined;
    // After a crisis (X14, newcomer run v22: the Billing line, weekdays 8 to 5, came after 988), the behavioral health line.
    return { line: this.parts.responder.urgentLine(kept, locale), discreet: kept.intent === 'abuse', ...(kept.kind === 'crisis' ? { phoneLine: 'behavioralHealth' as const } : {}) };
  }

  /** The last urgent answer given in this conversation, if any (its intent and kind). */
  async last(context: TurnContext): Promise<Pick<UrgentMemory, 'intent' | 'kind' | 'watched'> | undefined> {
    return this.window.last(context);
  }

  /** True when an urgent answer was given in this conversation (its welcome would come too late). */
  async answeredBefore(context: TurnContext): Promise<boolean> {
    return !!(await this.window.last(context));
  }

  /**
   * A message the triage finds urgent itself, within the window of an earlier urgent answer
   * (pipeline/urgentInItsLight.ts). True when it was answered there (the turn ends); 'continue'
   * when a short answer was given and the turn goes on as a plain one.
   */
  async answerInItsLight(context: TurnContext, match: TriageMatch, result: Pick<TriageResult, 'concepts' | 'safety'>, triage?: TriageCheck): Promise<boolean | 'continue'> {
    return this.parts.inItsLight.answer(context, match, result, triage);
  }

  /** A member message after an urgent answer; true when it was answered here (the turn ends). */
  async handle(context: TurnContext, facts: TurnFacts, turn: TurnInfo): Promise<boolean> {
    const kept = await this.window.active(context);
    if (!kept) return this.afterWindow(context, facts, turn);
    const triage = turnTriage(context);
    // This message was urgent itself (answered, and remembered afresh), or is empty.
    if (triage.answered || !(context.activity.text ?? '').trim()) return false;
    await this.window.answered(context, kept, kept.left - 1);
    const now = readUrgentTurn(context, facts, turn, kept, this.parts, await this.clauseTask(context.activity.text ?? '', facts, turn, kept));
    // The first case whose message it is answers it (pipeline/urgentCases/cases.ts; the last always does).
    for (const one of this.cases) {
      const answered = await one.answer(now, this.parts);
      if (answered !== undefined) return answered;
    }
    return false;
  }

  /**
   * After a call made, help come or on the way: the task one clause asks for when the whole message
   * asks for none ("ok called them, they said just watch her. can i get her in w her dr tmrw"), so
   * the visit is not dropped behind the acknowledgement (newcomer run v16 X13).
   */
  private async clauseTask(text: string, facts: TurnFacts, turn: TurnInfo, kept: UrgentMemory): Promise<ClauseTask | null> {
    const reading = readFollowUp(text);
    if (!this.parts.clauses || !reading || !CALL_MADE.includes(reading)) return null;
    if (taskAsked(turn, facts.triage(text).taskWord === true, kept.task?.intent) !== null) return null;
    return this.parts.clauses.read(text, turn.locale, facts);
  }

  /**
   * Once the window is used, within its time: a bare "ok" or "idk" right after a follow-up is still
   * about the urgent answer (a short caring reply with the number and a person), never the
   * out-of-scope reply; a phone watched after a disclosure gets phone safety. Anything else goes on
   * as usual, and a later "ok" is the task's.
   */
  private async afterWindow(context: TurnContext, facts: TurnFacts, turn: TurnInfo): Promise<boolean> {
    const kept = await this.window.recent(context);
    if (!kept) return false;
    const text = context.activity.text ?? '';
    if (turnTriage(context).answered || !text.trim()) return false;
    // A phone watched, a few turns after a disclosure ("i cant have these texts on here"): phone
    // safety, never the texting line (v19 X12); a task asked for with it goes on.
    if (kept.intent === 'abuse' && readFollowUp(text) === 'watched') {
      await this.reply.give(context, kept, turn.locale, phoneSafety(kept));
      return !this.tasks.goOn(context, kept, turn, facts.triage(text).taskWord === true);
    }
    // Mail or contact details to send elsewhere, a few turns after a disclosure ("can u mail the
    // card to my sisters place"): where they go, never a task's answer that ignores why (v20).
    if (kept.intent === 'abuse' && readFollowUp(text) === 'mail') {
      await this.reply.give(context, kept, turn.locale, 'mail');
      return true;
    }
    if (!kept.last) return false;
    // Help came after the call ("they took her to the hospital. can you cancel her appointment"):
    // a short wish once, then the task asked for goes on.
    if (readFollowUp(text) === 'handled' && onTheWayAfter(kept) && kept.last !== 'handled') {
      await this.reply.give(context, kept, turn.locale, 'handled');
      return !this.tasks.goOn(context, kept, turn, facts.triage(text).taskWord === true);
    }
    // The task a 911 or Poison Control answer ended, asked for again once the call was made ("si
    // gracias. y la cita?", "ok back to the booking"): it goes on where it was.
    if (this.tasks.asksBack(kept, turn, text, facts.triage(text).taskWord === true)) {
      this.tasks.resume(context, kept, text);
      await this.window.save(context, kept);
      return false;
    }
    if (readFollowUp(text) !== 'ack' || !this.words.stillAboutIt(kept.last)) {
      delete kept.last;
      await this.window.save(context, kept);
      return false;
    }
    await this.reply.give(context, kept, turn.locale, kept.last === 'ack' ? 'still' : 'ack');
    return true;
  }
}
