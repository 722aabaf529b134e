import type { TurnContext } from 'botbuilder';
import type { TriageResponder } from '../dialogs/triage';
import { setTurnTriage, turnTriage, type TurnInfo } from '../dialogs/turn';
import { moodOnlyNames } from '../dialogs/common/taskNotes';
import { isUrgent, type TriageMatch } from '../intents/types';
import type { DialogRunner } from './dialogRunner';
import { readFollowUp } from './followUpReading';
import type { SmsKeywordGate } from './smsKeywords';
import type { TurnFacts } from './turnFacts';
import type { UrgentFollowUp } from './urgentFollowUp';

/**
 * Step 1 of every message: the safety triage on the member's raw text, before anything else can
 * swallow the message (input normalization, SMS keywords, the hand-off relay, the welcome, any
 * dialog). An emergency or an abuse disclosure is answered here and the turn ends (the dialogs
 * end too). mental_health and symptoms are kept for the turn (dialogs/turn.ts `turnTriage`): the
 * dialogs answer them in every state, or add a line when the message answers their question.
 * The triage itself is the turn's (TurnFacts): run once, shared with the limits and the recognizer.
 */
export class TriageGate {
  constructor(
    private readonly responder: TriageResponder,
    /** Remembers an urgent answer, so that the member's next messages are read in its light. */
    private readonly followUp?: Pick<UrgentFollowUp, 'remember'> & Partial<Pick<UrgentFollowUp, 'answerInItsLight'>>,
    /** SMS: a member who opted out and says so again ("i said stop") is left alone (docs/sms.md). */
    private readonly optOut?: Pick<SmsKeywordGate, 'repeatsOptOut'>,
    /** The task in progress (pipeline/dialogRunner.ts), read before an urgent answer ends it. */
    private readonly tasks?: Pick<DialogRunner, 'runningTask'>,
  ) {}

  /** True when the message was urgent (emergency, abuse) and has been answered. */
  async handle(context: TurnContext, facts: TurnFacts): Promise<boolean> {
    const text = context.activity.text ?? '';
    if (!text.trim()) {
      setTurnTriage(context, { match: null, safety: null });
      return false;
    }
    const result = facts.triage(text);
    const { match, safety } = result;
    if (match && isUrgent(match) && (await this.optOut?.repeatsOptOut(context))) {
      // "i said stop", "STOP!!" after STOP is the opt-out again, not a disclosure: the keyword step
      // keeps the silence the member asked for. A real emergency after STOP is still answered.
      setTurnTriage(context, { match: null, safety: null });
      return false;
    }
    setTurnTriage(context, { match, safety, ...(result.concepts ? { concepts: result.concepts } : {}) });
    if (!match || !isUrgent(match)) return false;
    // Just after an urgent answer, with no new sign: "I already called", or "I can't call, he's
    // home" after an abuse disclosure, are answered in the earlier answer's light.
    const inItsLight = await this.followUp?.answerInItsLight?.(context, match, result, facts);
    if (inItsLight === 'continue') {
      // Answered in short ("they took her"): the rest of the message is routed as a plain one.
      setTurnTriage(context, { match: null, safety: null, answered: true, inItsLight: true });
      return false;
    }
    if (inItsLight) return true;
    // The booking details said in the message itself ("en persona pero mi esposo me pega") are kept with the task (v15 YX13).
    const task = await this.tasks?.runningTask(context, text);
    // The phone watched, said with the disclosure ("he goes thru my phone"): the answer without its texting line (v19 X12).
    await this.responder.respondUrgent(context, { ...match, watched: match.intent === 'abuse' && readFollowUp(text) === 'watched' });
    await this.followUp?.remember(context, match, task);
    return true;
  }

  /**
   * Belt and braces: the recognizer may also return a triage intent (its own detector, or a
   * model). An emergency or abuse is answered as one (when unsure, treat it as one); mental_health
   * and symptoms, and its safety signal, join the turn's triage for the dialogs.
   */
  async handleUnderstood(context: TurnContext, turn: TurnInfo): Promise<boolean> {
    const { result } = turn;
    const triage = turnTriage(context);
    // The recognizer took a booking over the triage's mental_health or symptoms (a booking it is
    // sure of, named with a task word: intents/understanding.ts, "una cita para la vacuna de la
    // gripe"): the booking goes on, with the triage's signal (the line beside it), not the nurse
    // line. Other tasks keep the triage's answer: the nurse line already offers the e-visit and the
    // same-day visit ("can i get an e-visit for pink eye").
    // So does a class or program the mood only names ("¿hay clases para manejar el estrés?"): the
    // contact task answers it, with the mental-health line before it (dialogs/common/taskNotes.ts).
    const taskFirst = result.intent === 'appointment' || (result.intent === 'contact' && triage.match?.intent === 'mental_health' && moodOnlyNames(triage.concepts));
    if (triage.match && !isUrgent(triage.match) && !triage.answered && taskFirst && result.safety?.level === 'signal' && result.safety.rule === triage.match.rule) {
      triage.match = null;
      triage.safety = result.safety;
    }
    if (!triage.safety && result.safety) triage.safety = result.safety;
    const intent = result.intent;
    if (intent !== 'emergency' && intent !== 'abuse' && intent !== 'mental_health' && intent !== 'symptoms') return false;
    const match: TriageMatch = {
      intent,
      kind: intent === 'emergency' ? (result.kind ?? 'medical') : intent === 'abuse' ? (result.kind ?? 'dv') : null,
      locale: result.locale,
      score: result.score,
      rule: `recognizer:${result.source}`,
    };
    // The same urgent words the gate read in an earlier answer's light ("they took her. can u cancel
    // the appt" after 911): the task goes on, never the 911 answer again.
    if (isUrgent(match) && triage.inItsLight) return false;
    if (isUrgent(match)) {
      triage.match = match;
      const task = await this.tasks?.runningTask(context, turn.text);
      await this.responder.respondUrgent(context, { ...match, watched: match.intent === 'abuse' && readFollowUp(turn.text) === 'watched' });
      await this.followUp?.remember(context, match, task);
      return true;
    }
    triage.match ??= match;
    return false;
  }

  /**
   * mental_health / symptoms in a message that does not reach the dialogs (a person has the
   * conversation, or an SMS member has opted out): answered anyway (safety rule 1).
   */
  async answerAside(context: TurnContext): Promise<void> {
    const triage = turnTriage(context);
    if (triage.match && !triage.answered) await this.responder.answer(context, triage.match);
  }
}
