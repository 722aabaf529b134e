import type { Appointment, CareKind, VisitMode } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { named } from '../common/mentions';

/** What the member said about the visit they mean ("cancel my video visit with Dr. Chen tomorrow"). */
export interface VisitMention {
  /** Their words, matched against the clinician, the description and the place of each visit. */
  text: string;
  mode?: VisitMode;
  care?: CareKind;
  /** The day or days named (YYYY-MM-DD, the member's time zone). */
  from?: string;
  until?: string;
}

/**
 * The visits that fit everything the member said: the mode, the kind of care (by the visit's
 * description), the day, and the names (clinician, description, place) matched word by word.
 */
export function fittingVisits(kit: DialogKit, list: readonly Appointment[], about: VisitMention, zone: string): Appointment[] {
  let fit = list.filter((a) => {
    if (about.mode && a.mode !== about.mode) return false;
    if (about.care && !(a.description && kit.options.match(a.description, 'appointment.care') === about.care)) return false;
    if (about.from) {
      const day = localDay(a.start, zone);
      if (day < about.from || day > (about.until ?? about.from)) return false;
    }
    return true;
  });
  const byName = named(about.text, fit, (a) => [a.clinician, a.description, a.location]);
  if (byName.length) fit = byName;
  return fit;
}

/** The day (YYYY-MM-DD) an instant falls on in a time zone. */
function localDay(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }).format(new Date(iso));
}
