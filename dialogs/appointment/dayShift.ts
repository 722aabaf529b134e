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
}
