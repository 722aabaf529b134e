import { fold } from '../common/text';
import { ClinicHoursWords } from './clinicHours';

/** The day names the profile's pharmacy hours use, folded, in English and Spanish. */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  Monday: ['monday', 'lunes'],
  Tuesday: ['tuesday', 'martes'],
  Wednesday: ['wednesday', 'miercoles'],
  Thursday: ['thursday', 'jueves'],
  Friday: ['friday', 'viernes'],
  Saturday: ['saturday', 'sabado'],
  Sunday: ['sunday', 'domingo'],
  'the weekend': ['saturday', 'sabado', 'sunday', 'domingo'],
};

/** A pharmacy named: the message asks about the pharmacies afresh (all their hours), not one day right after them. */
const PHARMACY = /\b(pharmac\w*|farmacia\w*|drugstore\w*)\b/;

/** A weekday range in the hours ("Monday to Friday 8 a.m. to 9 p.m."): what a weekday asked about falls in. */
const WEEKDAYS = /\b(monday to friday|lunes a viernes)\b/;

export type DayAsked = { en: string; es: string };

/**
 * A day asked about the pharmacies' hours ("is the pharmacy open sunday", "y el domingo?" right
 * after their hours): each pharmacy's hours that day, read from the profile's hours ("..., Sunday
 * 10 a.m. to 4 p.m." / "cerrada el domingo"), never the pharmacy phone line's hours.
 */
export class PharmacyDayHours {
  constructor(private readonly words: Pick<ClinicHoursWords, 'day'> = ClinicHoursWords.load()) {}

  /** The day a follow-up names alone ("and on sunday?"), when the hours can say it (not "today" nor a holiday). */
  asked(text: string | undefined): DayAsked | undefined {
    const folded = fold(text ?? '');
    const day = folded && !PHARMACY.test(folded) ? this.words.day(folded) : undefined;
    return day && day.en in NAMES ? { en: day.en, es: day.es } : undefined;
  }

  /** The parts of a pharmacy's hours that day ("Sunday 10 a.m. to 4 p.m.", "closed Sunday"); all of them when none says it. */
  on(hours: string, day: DayAsked): string {
    const names = NAMES[day.en] ?? [];
    const parts = hours.split(/,\s*/);
    const named = parts.filter((part) => fold(part).split(' ').some((word) => names.includes(word)));
    const weekday = !['Saturday', 'Sunday', 'the weekend'].includes(day.en);
    const found = named.length ? named : weekday ? parts.filter((part) => WEEKDAYS.test(fold(part))) : [];
    return found.length ? found.join(', ') : hours;
  }
}
