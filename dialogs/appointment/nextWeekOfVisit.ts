import type { TurnContext } from 'botbuilder';
import type { Appointment } from '../../services/appointments/appointmentLookup';
import { addDays, zonedDate } from '../../services/time';
import type { Locale } from '../../intents/types';
import type { TextAnswer } from '../common/questions';
import { fold } from '../common/text';
import { dayOfMonth } from './dayOfMonth';
import type { VisitWords } from './visitWords';
import { isoDate, LATER_IN_WEEK, type PreferredTime } from './when';
import { firstWeekdayAfter, weekdayAfter } from './weekdayAfterVisit';

/**
 * Said about the visit being moved, a week after it: "the week after" / "the following week" /
 * "a week later" / "la semana siguiente" / "una semana después" (folded), and "next week" said
 * with "same time" ("the same time next week": the visit's time, a week on).
 */
const WEEK_AFTER_VISIT: Record<Locale, RegExp> = {
  en: /\bfollowing week\b|\bthe week after\b|\b(?:a|one) week (?:later|after)\b|\bsame time,? next week\b/,
  es: /\bsiguiente semana\b|\bsemana (?:siguiente|de despues|despues)\b|\buna semana (?:despues|mas tarde)\b|\bmisma hora,? (?:la )?(?:semana que viene|proxima semana)\b/,
};

/** "next week" / "la próxima semana" / "la semana que viene" (folded): the calendar week after this one. */
const NEXT_WEEK: Record<Locale, RegExp> = {
  en: /\bnext week\b/,
  es: /\bproxima semana\b|\bsemana (?:que viene|proxima)\b/,
};

/**
 * Moving a visit later ("push my appt back a couple days", "can we postpone it", "atrasarla unos
 * días", "pasarla para después"): days read before the visit are the same weekdays after it.
 */
const PUSH_BACK: Record<Locale, RegExp> = {
  en: /\b(?:push(?:ed|ing)?|move|moving|bump|set)(?: \w+){0,5} back\b(?! to)|\b(?:postpone\w*|delay\w*|reschedule it later|later date|a (?:couple|few) days later|later that week|a bit later)\b/,
  es: /\b(?:atras\w*|pospon\w*|retras\w*|recorr\w* (?:para|pa) (?:despues|adelante)|para despues|mas adelante|unos dias despues|un par de dias despues)\b/,
};

/** Days from a to b (YYYY-MM-DD), b later. */
function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);
}

/** The Monday (YYYY-MM-DD) of a day's week: weeks start on Monday, as the recognizers' do. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Moving a visit "to next week": the calendar week after this one (Monday to Sunday, in the
 * member's time zone, as "this week" is), said on any day, Sunday too; only when the visit is
 * itself in that week, the week after the visit's. "The week after" / "a week later": the week
 * after the visit's own (or after this week, when the visit is in the past or this week). A day
 * or date said with it is left as the member said it.
 */
export class NextWeekOfVisit {
  constructor(private readonly words: VisitWords) {}

  /** The preferred time, with "next week" / "the week after" read against the visit being moved. */
  shift(context: TurnContext, when: Exclude<TextAnswer<PreferredTime>, { stuck: true }>, visit: Appointment | undefined, said: Array<string | undefined>, locale: Locale): typeof when {
    if (!visit || !('value' in when) || !when.value.date) return when;
    const folded = said.flatMap((text) => (text ? [fold(text)] : []));
    const zone = this.words.zone(context);
    const visitDay = zonedDate(new Date(visit.start), zone);
    // "the thurs after" / "el jueves siguiente": the first such day after the visit (not today's next
    // one, often before the visit); a day of the month said with it ("the 17th") is already the date.
    const weekday = folded.map((text) => weekdayAfter(text, locale)).find((day) => day !== null);
    if (weekday !== undefined && weekday !== null && !folded.some((text) => dayOfMonth(text, locale, visitDay))) {
      return { value: { ...when.value, date: firstWeekdayAfter(visitDay, weekday), until: null } };
    }
    // "push my appt back a couple days" then "mon or tues": the Monday and Tuesday after the visit,
    // never the ones before it (newcomer run v22, W02); a day of the month said is taken as said.
    if (when.value.date < visitDay && folded.some((text) => PUSH_BACK[locale].test(text)) && !folded.some((text) => dayOfMonth(text, locale, visitDay))) {
      const shift = 7 * (Math.floor(daysFrom(when.value.date, visitDay) / 7) + 1);
      return { value: { ...when.value, date: addDays(when.value.date, shift), until: when.value.until ? addDays(when.value.until, shift) : null } };
    }
    // "later in the week" for a visit in or after the days read: the days after the visit, to the end of its week.
    if (when.value.until && folded.some((text) => LATER_IN_WEEK[locale].test(text)) && visitDay >= when.value.date && visitDay <= addDays(when.value.until, 6)) {
      const from = addDays(visitDay, 1);
      const sunday = addDays(mondayOf(visitDay), 6);
      return { value: { ...when.value, date: from, until: sunday >= from ? sunday : addDays(from, 6) } };
    }
    const afterVisit = folded.some((text) => WEEK_AFTER_VISIT[locale].test(text));
    // "a week later" / "una semana después" come as the one day a week from today: moved too.
    if (!when.value.until && !afterVisit) return when;
    if (!afterVisit && !folded.some((text) => NEXT_WEEK[locale].test(text))) return when;
    const visitMonday = mondayOf(visitDay);
    const nextMonday = addDays(mondayOf(isoDate(this.words.now(context))), 7);
    const weekAfterVisit = visitMonday >= nextMonday ? addDays(visitMonday, 7) : nextMonday;
    const from = afterVisit || visitMonday === nextMonday ? weekAfterVisit : nextMonday;
    if (afterVisit && from <= when.value.date) return when;
    return { value: { ...when.value, date: from, until: addDays(from, 6) } };
  }
}
