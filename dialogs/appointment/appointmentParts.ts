import type { BookingWords } from '../bookingWords';
import type { BookingDetails } from './bookingDetails';
import type { BookingStatus } from './bookingStatus';
import type { CareFromReason } from './careFromReason';
import type { DayShift } from './dayShift';
import type { EarlyTime } from './earlyTime';
import type { FamilyAccess } from './familyAccess';
import type { MovedVisitWords } from './movedVisitWords';
import type { NewTimeCheck } from './newTimeCheck';
import type { NextWeekOfVisit } from './nextWeekOfVisit';
import type { OpeningWords } from './openingWords';
import type { PortalAnswer } from './portalAnswer';
import type { SameTime } from './sameTime';
import type { VisitChanges } from './visitChanges';
import type { VisitModes } from './visitModes';
import type { VisitMover } from './moveVisit';
import type { VisitReason } from './visitReason';
import type { VisitWords } from './visitWords';

/** The parts the appointment task is composed of, each one idea (built by the composition root). */
export interface AppointmentParts {
  /** Reading a day, a time or a visit in the member's words. */
  words: VisitWords;
  /** The words that started the task: whose visit, and a time said in the request. */
  opening: OpeningWords;
  /** How the member is seen (in person, video, phone). */
  modes: VisitModes;
  /** Moving a visit: which visit. */
  mover: VisitMover;
  /** A change of mind before a move or a cancel is done. */
  changes: VisitChanges;
  /** Moving a visit at the same time of day. */
  sameTime: SameTime;
  /** The answer when the task ends on the portal. */
  answer: PortalAnswer;
  /** Booking: a time said before it is asked. */
  earlyTime: EarlyTime;
  /** Moving a visit "to next week": the week after the visit's own. */
  nextWeek: NextWeekOfVisit;
  /** Booking: a kind of visit said to another of its questions, corrections read. */
  details: BookingDetails;
  /** Moving a visit already picked: words that only describe it, said to "When would you prefer?". */
  movedVisit: MovedVisitWords;
  /** Booking for a family member: a signed-in member with no proxy access is told at once. */
  family: FamilyAccess;
  /** Moving a visit: a new time that is the visit's own is said, and asked again. */
  newTime: NewTimeCheck;
  /** "Did you book it?" after the booking ended: whether it was, from the back end. */
  status: BookingStatus;
  /** Moving a visit by days from its own ("move it a day earlier"). */
  dayShift: DayShift;
  /** Booking: the kind of care from the reason for the visit (an illness now is urgent / same day). */
  care: CareFromReason;
  /** Booking: the reason for the visit (an everyday symptom) said at one of its questions. */
  reason: VisitReason;
  /** A new visit for the member in the words the assistant suggests ("una cita para mí"). */
  booking: Pick<BookingWords, 'ownNewVisit'>;
}
