import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import { signalsSymptoms } from '../common/taskNotes';
import { turnTriage } from '../turn';
import type { AppointmentTaskOptions } from './appointmentState';

/** The kind of care an illness now is booked as: an urgent / same-day visit. */
export const ILLNESS_CARE = 'urgent';

/**
 * Booking: the kind of care from the reason for the visit, said in the request itself. An illness
 * now (the safety triage heard a symptom in it, or its signal is one: "cita para mi hijo, tiene infección de oído, lo
 * antes posible", "my daughter has a fever, can she be seen today") is an urgent / same-day visit,
 * not asked again. A kind of care the words name wins ("a checkup" is primary care: the phrases);
 * one already given (a paused booking, the visit the nurse line's answer offered) stands.
 */
export class CareFromReason {
  constructor(private readonly kit: DialogKit) {}

  /** The options to begin the booking with: the kind of care filled in from the illness, when none is given or named. */
  fill(context: TurnContext, options: AppointmentTaskOptions | undefined): AppointmentTaskOptions | undefined {
    if (turnTriage(context).match?.intent !== 'symptoms' && !signalsSymptoms(context)) return options;
    if (options?.answers?.care || this.named(options?.text)) return options;
    return { ...options, answers: { ...options?.answers, care: ILLNESS_CARE } };
  }

  /** The kind of care named in the words, if exactly one ("a checkup": primary care). */
  named(text: string | undefined): string | null {
    return text && !this.kit.options.match(text, 'topics', 'exact') ? this.kit.options.prefill(text, 'appointment.care') : null;
  }
}
