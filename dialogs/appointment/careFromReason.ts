import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import type { OptionMatcher } from '../common/options';
import type { TextAnswer } from '../common/questions';
import { values } from '../common/taskDialog';
import { signalsSymptoms } from '../common/taskNotes';
import { fold } from '../common/text';
import { turnTriage } from '../turn';
import type { AppointmentTaskOptions } from './appointmentState';
import { isoDate, type PreferredTime } from './when';
import type { VisitWords } from './visitWords';

/** The kind of care an illness now is booked as: an urgent / same-day visit. */
export const ILLNESS_CARE = 'urgent';
/** The kind of care a visit for a complaint is when the member wants it on a later day: a regular visit. */
const LATER_CARE = 'primary';
/** The answers' marker of an urgent care that came from the illness alone, not from words that ask for it now. */
const CARE_FROM = 'careFrom';

/** Words that want the visit now: today, tonight, right now, same day (folded). */
const NOW = /\b(?:today|tonight|right now|right away|this (?:morning|afternoon|evening)|same ?day|hoy|ahorita|ahora mismo|esta (?:manana|tarde|noche)|(?:el )?mismo dia)\b/;

/** The words ask to be seen now ("asap", "today", "lo antes posible", "hoy mismo"), a negation aside. */
export function wantsNow(options: OptionMatcher, text: string | undefined): boolean {
  if (!text) return false;
  return NOW.test(fold(text)) || options.mentioned(text, 'appointment.when', ['asap']).length > 0 || options.prefill(text, 'appointment.care') === ILLNESS_CARE;
}

/**
 * The kind of care a visit for an illness begins with: urgent / same day, marked as the illness's
 * own when the words do not ask for it now (then a later day makes it a regular visit).
 */
export function illnessCare(options: OptionMatcher, text: string | undefined): Record<string, string> {
  return { care: ILLNESS_CARE, ...(wantsNow(options, text) ? {} : { [CARE_FROM]: 'illness' }) };
}

/**
 * Booking: the kind of care from the reason for the visit, said in the request itself. An illness
 * now (the safety triage heard a symptom in it, or its signal is one: "cita para mi hijo, tiene infección de oído, lo
 * antes posible", "my daughter has a fever, can she be seen today") is an urgent / same-day visit,
 * not asked again. A kind of care the words name wins ("a checkup" is primary care: the phrases);
 * one already given (a paused booking, the visit the nurse line's answer offered) stands. Only
 * "today", "asap" or "same day" is urgent: a complaint booked for a later day ("my knee's been sore
 * since i started running" ... "next week") is a regular, primary-care visit (newcomer run v20).
 */
export class CareFromReason {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: Pick<VisitWords, 'now'>,
  ) {}

  /** The options to begin the booking with: the kind of care filled in from the illness, when none is given or named. */
  fill(context: TurnContext, options: AppointmentTaskOptions | undefined): AppointmentTaskOptions | undefined {
    if (turnTriage(context).match?.intent !== 'symptoms' && !signalsSymptoms(context)) return options;
    if (options?.answers?.care || this.named(options?.text)) return options;
    return { ...options, answers: { ...options?.answers, ...illnessCare(this.kit.options, options?.text) } };
  }

  /** The kind of care named in the words, if exactly one ("a checkup": primary care). */
  named(text: string | undefined): string | null {
    return text && !this.kit.options.match(text, 'topics', 'exact') ? this.kit.options.prefill(text, 'appointment.care') : null;
  }

  /**
   * Once the day is known: an urgent care that came from the illness alone, for a day after today
   * that the member did not ask for now, is a regular visit (primary care), and is recorded so.
   */
  async settle(step: WaterfallStepContext, when: TextAnswer<PreferredTime>, said: ReadonlyArray<string | undefined>): Promise<void> {
    const answers = (step.options as AppointmentTaskOptions | undefined)?.answers;
    if (answers?.[CARE_FROM] !== 'illness' || values(step).care !== ILLNESS_CARE) return;
    if (!('value' in when) || !when.value.date || when.value.date <= isoDate(this.words.now(step.context))) return;
    if (said.some((text) => wantsNow(this.kit.options, text))) return;
    values(step).care = LATER_CARE;
    await this.kit.memory.remember(step.context, 'care', LATER_CARE);
  }
}
