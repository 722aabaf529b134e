import type { BookingWords } from '../../dialogs/bookingWords';
import type { DialogKit } from '../../dialogs/common/kit';
import { AppointmentDialog } from '../../dialogs/appointment/appointmentDialog';
import type { AppointmentDeps } from '../../dialogs/appointment/appointmentState';
import { BookingStatus } from '../../dialogs/appointment/bookingStatus';
import { BookingDetails } from '../../dialogs/appointment/bookingDetails';
import type { BookingRequest } from '../../dialogs/appointment/bookingRequest';
import { DayShift } from '../../dialogs/appointment/dayShift';
import { EarlyTime } from '../../dialogs/appointment/earlyTime';
import { FamilyAccess } from '../../dialogs/appointment/familyAccess';
import { NamedRelatives } from '../../dialogs/appointment/namedRelatives';
import { CareFromReason } from '../../dialogs/appointment/careFromReason';
import { VisitReason } from '../../dialogs/appointment/visitReason';
import { NewTimeCheck } from '../../dialogs/appointment/newTimeCheck';
import { MovedVisitWords } from '../../dialogs/appointment/movedVisitWords';
import { VisitMover } from '../../dialogs/appointment/moveVisit';
import { NextWeekOfVisit } from '../../dialogs/appointment/nextWeekOfVisit';
import { OpeningWords } from '../../dialogs/appointment/openingWords';
import { PortalAnswer } from '../../dialogs/appointment/portalAnswer';
import { SameTime } from '../../dialogs/appointment/sameTime';
import { VisitChanges } from '../../dialogs/appointment/visitChanges';
import { VisitModes } from '../../dialogs/appointment/visitModes';
import { VisitWords } from '../../dialogs/appointment/visitWords';
import { RoutineTimes } from '../../dialogs/appointment/routineTimes';
import { DayAlternatives } from '../../dialogs/appointment/dayAlternatives';
import { PreferredTimeParser } from '../../dialogs/appointment/when';

/**
 * The appointment task and its parts (reading words, moving a visit, changes of mind, the portal's answer).
 * The booking words and the visit-kind words are loaded once (bot/compose/dialogs.ts, for the root): the main dialog reads them too.
 */
export function createAppointmentDialog(kit: DialogKit, deps: AppointmentDeps, booking: BookingWords, bookingRequest: BookingRequest): AppointmentDialog {
  const modes = new VisitModes(kit);
  const words = new VisitWords(kit, new PreferredTimeParser(RoutineTimes.load(), DayAlternatives.load()), modes, deps);
  const opening = new OpeningWords(kit, words);
  const sameTime = new SameTime(kit, words, modes, 'appointment');
  return new AppointmentDialog(kit, deps, {
    words,
    opening,
    modes,
    mover: new VisitMover(kit, words, opening, modes, deps),
    changes: new VisitChanges(kit, words, modes, 'appointment.flow'),
    sameTime,
    answer: new PortalAnswer(kit, words, modes, sameTime, deps.cantGetIn),
    earlyTime: new EarlyTime(kit, words),
    nextWeek: new NextWeekOfVisit(words),
    details: new BookingDetails(kit, bookingRequest),
    movedVisit: new MovedVisitWords(kit, words),
    family: new FamilyAccess(kit, deps.records, NamedRelatives.load(), deps.verification),
    care: new CareFromReason(kit, words),
    reason: new VisitReason(kit),
    newTime: new NewTimeCheck(words),
    status: new BookingStatus(kit, deps.records, deps.timeZone),
    dayShift: new DayShift(words),
    booking,
  });
}
