import type { TurnContext } from 'botbuilder';
import type { Appointment } from '../../services/appointments/appointmentLookup';
import { wallClock, zonedDate } from '../../services/time';
import type { VisitWords } from './visitWords';
import type { PreferredTime } from './when';

/** Why a new time for a visit being moved cannot be it: the response key that says so. */
export type NewTimeClash = 'appointment.sameAsMoved' | 'appointment.sameDayAsMoved';

/**
 * Moving a visit: the new time the member names is checked against the visit being moved. The
 * very day and clock time the visit already has ("tuesday at 3pm" for the visit on Tuesday at
 * 3:00 PM, "el martes a las 3") moves nothing, so it is said and the new time asked again, rather
 * than sending the member to the portal for the time they already have. The visit's own day alone
 * ("move my video visit to thursday" when it is on Thursday) is said the same way, with the visit's
 * day and time, asking for another time that day or another day. A time that has passed is
 * refused by the time parser itself.
 */
export class NewTimeCheck {
  constructor(private readonly words: VisitWords) {}

  /** The clash of a new time with the visit being moved, if any. */
  clash(context: TurnContext, when: PreferredTime | null | undefined, visit: Appointment | undefined): NewTimeClash | null {
    if (!when || !visit || !when.date) return null;
    const zone = this.words.zone(context);
    const start = new Date(visit.start);
    const clock = wallClock(start, zone);
    const time = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
    const sameDay = when.date === zonedDate(start, zone) && (!when.until || when.until === when.date);
    if (!sameDay) return null;
    if (!when.time) return when.partOfDay || when.after ? null : 'appointment.sameDayAsMoved';
    return when.time === time ? 'appointment.sameAsMoved' : null;
  }

  /** The same, for the member's words ("tuesday at 3pm"). */
  clashInWords(context: TurnContext, text: string, visit: Appointment | undefined): NewTimeClash | null {
    if (!visit) return null;
    const parsed = this.words.parse(context, text);
    return parsed.ok ? this.clash(context, parsed.value, visit) : null;
  }
}
