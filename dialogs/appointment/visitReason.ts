import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import { Question, type ChoiceAnswer } from '../common/questions';
import type { QuestionKey } from '../questions';
import { turnTriage } from '../turn';
import type { AppointmentFlow } from './appointmentState';
import { ILLNESS_CARE, illnessCare } from './careFromReason';

/** The booking's questions a reason for the visit may be said to. */
const BOOKING_QUESTIONS = ['appointment.patient', 'appointment.care', 'appointment.mode', 'appointment.when'] as const satisfies readonly QuestionKey[];

const questionOf = (active: DialogInstance): QuestionKey | undefined => {
  const options = (active.state as { options?: { question?: QuestionKey; choices?: { question?: QuestionKey } } } | undefined)?.options;
  return options?.question ?? options?.choices?.question;
};

/**
 * Booking: the reason for the visit said at one of its questions ("pues es por la tos de la niña",
 * "its for her ear infection", newcomer run v15 YX13). An everyday symptom (the safety triage's
 * symptoms outcome, never an emergency: those are answered before any dialog) is the visit's
 * reason, not a new health question: the nurse line in one short line, then the booking goes on.
 * Said to "What kind of care?", it is an urgent / same-day visit (as in the request itself,
 * CareFromReason); said to another question, that kind of care is kept when none is given yet and
 * the question is asked again. No same-day link for the member themself: the visit is the one
 * being booked, for whoever it is for.
 */
export class VisitReason {
  constructor(private readonly kit: DialogKit) {}

  async read(innerDc: DialogContext, flow: AppointmentFlow | undefined, text: string): Promise<DialogTurnResult | null> {
    const context = innerDc.context;
    const triage = turnTriage(context);
    if (flow?.values?.action !== 'new' || triage.match?.intent !== 'symptoms' || triage.answered) return null;
    const active = innerDc.activeDialog;
    const open = active ? questionOf(active) : undefined;
    if (!active || !open || !(BOOKING_QUESTIONS as readonly QuestionKey[]).includes(open)) return null;
    // An answer the question takes ("urgent care, for her cough") is read as usual, with the line beside it.
    const question = innerDc.findDialog(active.id);
    if (question instanceof Question && !question.loose && question.accepts(active, context)) return null;
    if (this.kit.phrases.interruption(text)) return null;
    await this.kit.triage.note(context, triage.match);
    // Urgent / same day, unless a later day is asked for without "today" or "asap" (CareFromReason.settle).
    const care = illnessCare(this.kit.options, text);
    if (open === 'appointment.care') {
      flow.options = { ...flow.options, answers: { ...flow.options?.answers, ...care, care: ILLNESS_CARE } };
      return innerDc.endDialog({ answer: ILLNESS_CARE } satisfies ChoiceAnswer);
    }
    if (flow.values.care === undefined && !flow.options?.answers?.care) {
      flow.options = { ...flow.options, answers: { ...flow.options?.answers, ...care } };
    }
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
}
