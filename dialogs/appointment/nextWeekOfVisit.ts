import type { TurnContext } from 'botbuilder';
import type { Appointment } from '../../services/appointments/appointmentLookup';
import { addDays, zonedDate } from '../../services/time';
import type { Locale } from '../../intents/types';
import type { TextAnswer } from '../common/questions';
import { fold } from '../common/text';
import type { VisitWords } from './visitWords';
import { isoDate, type PreferredTime } from './when';

/**
 * "next week" / "the week after" / "a week later" / "la próxima semana" / "la semana siguiente" /
 * "una semana después" (folded), and no weekday or date with it: said about a visit being moved,
 * the week after that visit's.
 */
const NEXT_WEEK: Record<Locale, RegExp> = {
  en: /\b(?:next|following) week\b|\bthe week after\b|\b(?:a|one) week (?:later|after)\b/,
  es: /\b(?:proxima|siguiente) semana\b|\bsemana (?:que viene|proxima|siguiente|de despues|despues)\b|\buna semana (?:despues|mas tarde)\b/,
};

/** The Monday (YYYY-MM-DD) of a day's week: weeks start on Monday, as the recognizers' do. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Moving a visit "to next week": the week after the visit's own week (or after this week, when
 * the visit is in the past or this week), not the calendar week after today, which may be the
 * visit's own week or before it. A day or date said with it is left as the member said it.
 */
export class NextWeekOfVisit {
  constructor(private readonly words: VisitWords) {}

  /** The preferred time, with "next week" read from the visit being moved. */
  shift(context: TurnContext, when: Exclude<TextAnswer<PreferredTime>, { stuck: true }>, visit: Appointment | undefined, said: Array<string | undefined>, locale: Locale): typeof when {
    if (!visit || !('value' in when) || !when.value.date || !when.value.until) return when;
    if (!said.some((text) => text && NEXT_WEEK[locale].test(fold(text)))) return when;
    const zone = this.words.zone(context);
    const today = isoDate(this.words.now(context));
    const visitMonday = mondayOf(zonedDate(new Date(visit.start), zone));
    const todayMonday = mondayOf(today);
    const from = addDays(visitMonday > todayMonday ? visitMonday : todayMonday, 7);
    if (from <= when.value.date) return when;
    return { value: { ...when.value, date: from, until: addDays(from, 6) } };
  }
}
