import type { CantGetIn } from '../cantGetIn';
import type { Clock } from '../../common/clock';
import type { Appointment, VisitMode } from '../../services/appointments/appointmentLookup';
import type { MemberRecords } from '../common/memberRecords';
import type { TextAnswer } from '../common/questions';
import type { TaskOptions } from '../common/taskDialog';
import type { IdentityVerification } from '../identity/verification';
import type { VerifyResult } from '../identity/verifyDialog';
import type { PreferredTime } from './when';

/** The appointment task's state: what its waterfall keeps, and what it is started with. */

export const WHEN_QUESTION = 'appointment.whenQuestion';

/**
 * Actions a verified member can complete in the chat. Moving a visit stays on the portal: the
 * scheduling back end has no move, and booking the new time then cancelling the old one here could
 * leave the member with two visits or none; the reply says so.
 */
export const LIVE_ACTIONS = new Set(['find', 'cancel', 'new']);

/** Whether an intent is a task intent (intents/types.ts). */
export { isTaskIntent as isTask } from '../../intents/types';

export interface AppointmentDeps {
  clock: Clock;
  records: MemberRecords;
  verification: IdentityVerification;
  oauthConnection?: string;
  /** Words that say the member cannot get into their account (the sign-in-trouble answer). */
  cantGetIn: CantGetIn;
  /** Appointment times are shown in the member's time zone, or this one when the channel does not say. */
  timeZone: string;
}

export interface AppointmentValues {
  /** The preferred time as answered (`values.when` holds the trail's marker). */
  preferred?: TextAnswer<PreferredTime>;
  live?: boolean;
  verify?: VerifyResult;
  /** Reschedule, signed in: the member's own visits while they pick one, then the one being moved. */
  visits?: Appointment[];
  moving?: Appointment;
  /** The words of the answer to "When would you prefer?", which may also say which visit ("la de video, el lunes"). */
  whenText?: string;
  /** Words about which visit, said while asked when ("its the video one with dr chen btw"). */
  visitWords?: string;
  /** Moving a visit: the new day or time said while picking the visit ("la de video, para el lunes"). */
  newTime?: PreferredTime;
  /** Moving a visit: which visit was looked for before asking when (it is not asked again after). */
  visitAsked?: boolean;
  /** Moving a visit: "same time is fine" / "a la misma hora" (keep its time of day and clinician). */
  sameTime?: boolean;
}

/** The waterfall's values: the answers by name, and the state above. */
export type AppointmentState = AppointmentValues & Record<string, unknown>;

/** Cancelling instead of moving ("actually just cancel it"), or moving instead of cancelling: the visit already chosen. */
export interface AppointmentTaskOptions extends TaskOptions {
  visitId?: string;
  /** Moving instead of cancelling ("don't cancel it, make it a video visit"): the new kind of visit. */
  toMode?: VisitMode;
  /** Right after moving a visit, "same time is fine": the days that answer looked for (YYYY-MM-DD/YYYY-MM-DD). */
  keptDays?: string;
}

/** The task's waterfall as found on the dialog stack: how it was started and what it keeps. */
export interface AppointmentFlow {
  options?: AppointmentTaskOptions;
  values: AppointmentState;
}
