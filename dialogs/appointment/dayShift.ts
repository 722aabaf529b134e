import type { TurnContext } from 'botbuilder';
import type { Appointment } from '../../services/appointments/appointmentLookup';
import { addDays, wallClock, zonedDate } from '../../services/time';
import { fold } from '../common/text';
import type { VisitWords } from './visitWords';
import { isoDate, type PreferredTime } from './when';

/** How many days: "a", "one", "un", "two", "dos"... (folded). */
const COUNTS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, '1': 1, un: 1, uno: 1, two: 2, '2': 2, dos: 2, three: 3, '3': 3, tres: 3 };
/**
 * A visit moved by a number of days from its own ("move it a day earlier", "push it back two days",
 * "the day before", "pásela un día antes", "un día después"), folded: the count and the direction.
 */
const SHIFTS: ReadonlyArray<{ words: RegExp; sign: 1 | -1 }> = [
  { words: /\b(a|an|one|two|three|[123]) days? (?:earlier|sooner|before)\b|\bup (a|one|two|three|[123]) days?\b/, sign: -1 },
  { words: /\b(a|an|one|two|three|[123]) days? (?:later|after)\b|\b(?:back|out) (a|one|two|three|[123]) days?\b/, sign: 1 },
  { words: /\bthe day before\b|\bel dia (?:antes|anterior)\b/, sign: -1 },
  { words: /\bthe day after\b|\bel dia (?:despues|siguiente)\b/, sign: 1 },
  { words: /\b(un|uno|dos|tres|[123]) dias? (?:antes|menos)\b/, sign: -1 },
  { words: /\b(un|uno|dos|tres|[123]) dias? (?:despues|mas tarde|mas)\b/, sign: 1 },
];

/** Weekdays (folded), Monday first, as getUTCDay counts them from Sunday: index + 1 mod 7. */
const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6,
};
const EN_DAY = 'sunday|monday|tuesday|wednesday|thursday|friday|saturday';
const ES_DAY = 'domingo|lunes|martes|miercoles|jueves|viernes|sabado';
/**
 * A weekday said relative to the visit being moved (folded): "the monday after that", "the friday
 * after", "the following monday", "el lunes siguiente", "el viernes después (de eso)", "el siguiente lunes".
 */
const WEEKDAY_AFTER = new RegExp(
  `\\b(?:the )?(${EN_DAY}) (?:after|following)\\b(?! next)|\\bthe following (${EN_DAY})\\b|\\bel (${ES_DAY}) (?:siguiente|despues|de despues|que sigue)\\b|\\bel (?:siguiente|proximo) (${ES_DAY}) (?:despues|a esa|de esa)`,
);
/** What may follow the weekday phrase and says only "after the visit" ("that", "it", "de eso"). */
const AFTER_WHAT = /^\s*(?:that one|that|it|this|the visit|the appointment|de eso|de esa|de esa cita|de la cita)\b/;

/**
 * Moving a visit by days from its own ("move it a day earlier", "un día antes"): the new time is
 * the visit's day moved by that many days, at the visit's own time of day; none when the words
 * say no such shift, or the day would be before today.
 */
export class DayShift {
  constructor(private readonly words: VisitWords) {}

  newTime(context: TurnContext, text: string | undefined, visit: Appointment | undefined): PreferredTime | null {
    if (!text || !visit) return null;
    const folded = fold(text);
    for (const { words, sign } of SHIFTS) {
      const match = words.exec(folded);
      if (!match) continue;
      const said = match.slice(1).find((group) => group !== undefined);
      const days = said ? (COUNTS[said] ?? 1) : 1;
      const zone = this.words.zone(context);
      const start = new Date(visit.start);
      const date = addDays(zonedDate(start, zone), sign * days);
      if (date < isoDate(this.words.now(context))) return null;
      const clock = wallClock(start, zone);
      const time = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
      return { date, until: null, time, partOfDay: null };
    }
    return null;
  }

  /**
   * "the monday after that, morning" / "el lunes siguiente en la mañana" while moving a visit: the
   * first such weekday after the visit's own day, with a time of day said beside it (v15 YX08);
   * null when the words say no weekday after it, or the day would be before today.
   */
  weekdayAfter(context: TurnContext, text: string, visit: Appointment | undefined): PreferredTime | null {
    if (!visit) return null;
    const folded = fold(text);
    const match = WEEKDAY_AFTER.exec(folded);
    const day = match?.slice(1).find((group) => group !== undefined);
    if (!match || day === undefined) return null;
    const zone = this.words.zone(context);
    const visitDay = zonedDate(new Date(visit.start), zone);
    const weekday = new Date(`${visitDay}T12:00:00Z`).getUTCDay();
    const date = addDays(visitDay, ((WEEKDAYS[day]! - weekday + 6) % 7) + 1);
    if (date < isoDate(this.words.now(context))) return null;
    // The rest of the message ("morning", "a las 10") read for a time of day; the day is the one found.
    const before = folded.slice(0, match.index);
    const after = folded.slice(match.index + match[0].length).replace(AFTER_WHAT, '');
    const rest = `${before} ${after}`.replace(/[,.;]/g, ' ').trim();
    const parsed = rest ? this.words.parse(context, rest) : null;
    const time = parsed?.ok ? parsed.value : null;
    return { date, until: null, time: time?.time ?? null, partOfDay: time?.partOfDay ?? null, ...(time?.after ? { after: time.after } : {}) };
  }
}
