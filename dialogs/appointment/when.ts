import { Culture, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { z } from 'zod';
import type { Locale } from '../../intents/types';
import type { Parsed } from '../common/questions';
import { LruCache } from '../../common/lru';
import { addDays, wallClock } from '../../services/time';
import { formatClock } from '../common/dates';
import { fold } from '../common/text';
import { dayOfMonth } from './dayOfMonth';
import { DayAlternatives } from './dayAlternatives';
import { weekdayAndDate } from './weekdayAndDate';
import { RoutineTimes } from './routineTimes';
import { writeOutTimeWords } from './timeWords';
import { readCorrected } from './correctedTime';
import { nextWeekDays } from './nextWeekDays';

/**
 * "next Tuesday afternoon", "mañana por la tarde", "June 20 at 3pm" → a preferred day and time,
 * with Microsoft's date-time recognizers (what botbuilder's DateTimePrompt uses). The
 * recognizer's output is untyped, so it is validated with zod; a day in the past is refused.
 * "As soon as possible" and "any time" are quick-answer choices of the question, not parsed here.
 */

export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

export const preferredTimeSchema = z.strictObject({
  /** First acceptable day (YYYY-MM-DD), today or later. */
  date: z.iso.date().nullable(),
  /** Last acceptable day of a range ("next week"), else null. */
  until: z.iso.date().nullable(),
  /** Exact time of day (HH:MM), if given. */
  time: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  partOfDay: z.enum(PARTS_OF_DAY).nullable(),
  /** The earliest time of day (HH:MM), for "after 3". */
  after: z.string().regex(/^\d{2}:\d{2}$/).nullable().optional(),
}).refine((p) => p.date || p.time || p.partOfDay || p.after, { error: 'a day or a time of day is needed' });

export type PreferredTime = z.infer<typeof preferredTimeSchema>;

const resolutionValue = z.object({
  timex: z.string().optional(),
  Mod: z.string().optional(),
  type: z.string(),
  value: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
});
const recognized = z.array(
  z.object({ text: z.string().default(''), typeName: z.string(), start: z.number().optional(), end: z.number().optional(), resolution: z.object({ values: z.array(resolutionValue) }) }),
);
type ResolutionValue = z.infer<typeof resolutionValue>;

/** "after 3" is read as 3 and as 15: an hour before this is not a clinic's. */
const OPENING_HOUR = 7;

const PART_BY_TIMEX: Record<string, PartOfDay> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };

/**
 * "Now" on the member's wall clock when the channel says their time zone (Web Chat sends
 * `localTimezone`), so "tomorrow" and "not in the past" mean the member's day, not the server's.
 * The result is a Date whose local fields are the member's date and time.
 */
export function memberNow(now: Date, timeZone: string | undefined): Date {
  if (!timeZone) return now;
  try {
    const p = wallClock(now, timeZone);
    const local = new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return Number.isNaN(local.getTime()) ? now : local;
  } catch {
    return now; // an unknown time zone name: the server's clock
  }
}

/** Local calendar date of a Date, as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The part of the day a value names. The Spanish recognizer reads "la tarde" as evening (16–20 h),
 * but "por la tarde" is the afternoon (what "afternoon" is in English); "la noche" stays evening.
 */
function partOfDay(value: ResolutionValue, locale: Locale, said: string): PartOfDay | null {
  const match = /T(MO|AF|EV|NI)$/.exec(value.timex ?? '');
  if (!match) return null;
  const part = PART_BY_TIMEX[match[1]!]!;
  return locale === 'es' && part === 'evening' && /\btarde\b/.test(fold(said)) ? 'afternoon' : part;
}

/** "the week after next" / "la semana después de la próxima": the recognizers read a month. */
const WEEK_AFTER_NEXT: Record<Locale, RegExp> = {
  en: /\b(?:the )?week after next(?: week)?\b/,
  es: /\b(?:la )?semana (?:despues de|siguiente a) la (?:proxima|que viene)\b|\b(?:la )?(?:proxima semana no la siguiente|semana subsiguiente)\b/,
};

/**
 * "later in the week" / "later this week" / "end of the week" / "más tarde en la semana" / "a
 * finales de semana" (v15 YZ02): the recognizers read today alone, or nothing.
 */
export const LATER_IN_WEEK: Record<Locale, RegExp> = {
  en: /\blater (?:in|on|this) (?:the |this )?week\b|\b(?:the )?end of (?:the|this) week\b|\blater that week\b/,
  es: /\bmas (?:tarde|adelante) (?:en|esta|de) (?:la |esta )?semana\b|\ba (?:finales|fines|final) de (?:la |esta )?semana\b|\bal final de (?:la |esta )?semana\b/,
};

/** The rest of the week after today: tomorrow to the Sunday that ends tomorrow's week (said on a Sunday: the coming week). */
function laterInWeek(today: Date): { date: string; until: string } {
  const tomorrow = addDays(isoDate(today), 1);
  const weekday = new Date(`${tomorrow}T12:00:00Z`).getUTCDay();
  return { date: tomorrow, until: addDays(tomorrow, (7 - weekday) % 7) };
}

/** A week named by nothing but the word: "this week" needs "this" / "esta". */
const BARE_WEEK = /^(?:the |la |a |una )?(?:week|semana)$/;

/** Monday to Sunday of the week after next (weeks start on Monday, as the recognizers' do). */
function weekAfterNext(today: Date): { date: string; until: string } {
  const monday = addDays(isoDate(today), -((today.getDay() + 6) % 7));
  return { date: addDays(monday, 14), until: addDays(monday, 20) };
}

/** "2025-06-06 15:00:00": a Date's local fields as the recognizers write a date and time. */
function isoDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${isoDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A weekday alone ("thursday": XXXX-WXX-4) or a day of the month alone ("el 17": XXXX-XX-17), no month or week named. */
const WEEKDAY_OR_DAY = /^XXXX-(?:WXX-\d|XX-\d{2})(?:T|$)/;

/** A weekday that repeats ("friday morning": XXXX-WXX-5TMO): its next one is a week later. */
const WEEKLY = /^XXXX-WXX-\d/;

/** The date part (YYYY-MM-DD) of a recognizer value such as "2025-06-10 12:00:00". */
const day = (text: string | undefined) => (text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null);
const clock = (text: string | undefined) => {
  const match = /(?:^|\s)(\d{2}):(\d{2})(?::\d{2})?$/.exec(text ?? '');
  return match ? `${match[1]}:${match[2]}` : null;
};

/** Turns one resolution value into a preferred time, or null if it lies wholly in the past. */
function fromValue(value: ResolutionValue, now: Date, part: PartOfDay | null): PreferredTime | 'past' | null {
  const today = isoDate(now);
  switch (value.type) {
    case 'date':
    case 'datetime': {
      const date = day(value.value);
      if (!date) return null;
      if (date < today) return 'past';
      return { date, until: null, time: value.type === 'datetime' && !value.timex?.startsWith('FUTURE') ? clock(value.value) : null, partOfDay: part };
    }
    case 'daterange':
    case 'datetimerange': {
      const start = day(value.start);
      // The recognizers' end is exclusive ("next week" ends on the Monday after): the last day is the one before.
      const end = value.type === 'daterange' && value.end && day(value.end)! > start! ? addDays(day(value.end)!, -1) : day(value.end);
      if (!start) return null;
      if ((end ?? start) < today) return 'past';
      // "friday morning" said on Friday afternoon: that morning is over.
      if (value.type === 'datetimerange' && value.end && value.end <= isoDateTime(now)) return 'past';
      const from = start < today ? today : start;
      const until = value.type === 'daterange' && end && end > from ? end : null;
      return { date: from, until, time: null, partOfDay: part };
    }
    case 'time':
      return { date: null, until: null, time: clock(value.value), partOfDay: null };
    case 'timerange': {
      if (part) return { date: null, until: null, time: null, partOfDay: part };
      // "after 3pm" / "después de las 3" (read as 3 and as 15): the time within a clinic's day.
      const after = value.Mod === 'after' ? clock(`x ${value.start ?? ''}`) : null;
      return after && Number(after.slice(0, 2)) >= OPENING_HOUR ? { date: null, until: null, time: null, partOfDay: null, after } : null;
    }
    case 'set':
      // "mornings", "every afternoon": the part of the day, any day.
      return part ? { date: null, until: null, time: null, partOfDay: part } : null;
    default:
      return null;
  }
}

/**
 * Reads preferred times. Builds each language's recognizer model once (building one compiles
 * hundreds of patterns: botbuilder's per-call `recognizeDateTime` does it on every message).
 */
export class PreferredTimeParser {
  private readonly models = new Map<Locale, ReturnType<DateTimeRecognizer['getDateTimeModel']>>();
  /**
   * The recognizer's answers by (language, text, minute): running it costs milliseconds, and
   * members type the same few phrases ("tomorrow morning", "next week", "asap"). The answer
   * depends only on the text and the reference time, so this changes no result.
   */
  private readonly answers = new LruCache<string, unknown>(1000);

  constructor(
    private readonly routines: RoutineTimes = RoutineTimes.load(),
    private readonly alternatives: DayAlternatives = DayAlternatives.load(),
  ) {}

  private model(locale: Locale) {
    let model = this.models.get(locale);
    if (!model) {
      const culture = locale === 'es' ? Culture.Spanish : Culture.English;
      model = new DateTimeRecognizer(culture).getDateTimeModel(culture, true);
      this.models.set(locale, model);
    }
    return model;
  }

  private recognize(text: string, locale: Locale, now: Date): unknown {
    const minute = new Date(now);
    minute.setSeconds(0, 0);
    const key = `${locale}\u0000${minute.getTime()}\u0000${text}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.model(locale).parse(text, minute);
      this.answers.set(key, answer);
    }
    return answer;
  }

  parse(said: string, locale: Locale, now: Date): Parsed<PreferredTime> {
    const routine = this.routines.find(said);
    if (routine) return this.withRoutine(routine, locale, now);
    const text = writeOutTimeWords(said, locale);
    const corrected = readCorrected(text, locale, (words) => this.parse(words, locale, now));
    if (corrected) return corrected;
    const folded = fold(text);
    const weeks = WEEK_AFTER_NEXT[locale].exec(folded);
    if (weeks) {
      // The recognizers read "the week after next" as the whole month: that week, and any part of day said with it.
      const rest = folded.replace(weeks[0], ' ').trim();
      const extra = rest ? this.parse(rest, locale, now) : null;
      const time = extra?.ok && !extra.value.date ? extra.value : null;
      return { ok: true, value: { ...weekAfterNext(now), time: time?.time ?? null, partOfDay: time?.partOfDay ?? null } };
    }
    // "next week, tues or wed": those weekdays of next week, not this week's (v17 W01).
    const ofNextWeek = nextWeekDays(folded, locale, isoDate(now), (words) => this.parse(words, locale, now));
    if (ofNextWeek) return { ok: true, value: ofNextWeek };
    const later = LATER_IN_WEEK[locale].exec(folded);
    if (later) {
      const rest = folded.replace(later[0], ' ').trim();
      const extra = rest ? this.parse(rest, locale, now) : null;
      const time = extra?.ok && !extra.value.date ? extra.value : null;
      return { ok: true, value: { ...laterInWeek(now), time: time?.time ?? null, partOfDay: time?.partOfDay ?? null } };
    }
    const paired = weekdayAndDate(text, locale, isoDate(now));
    if (paired) {
      // "la del martes 17": the date wins over the weekday the recognizers read alone; they disagree: ask.
      if (!paired.agrees) return { ok: false, error: 'appointment.when.weekdayMismatch' };
      const extra = paired.rest ? this.parse(paired.rest, locale, now) : null;
      const time = extra?.ok && !extra.value.date ? extra.value : null;
      return { ok: true, value: { date: paired.date, until: null, time: time?.time ?? null, partOfDay: time?.partOfDay ?? null, ...(time?.after ? { after: time.after } : {}) } };
    }
    const raw = recognized.safeParse(this.recognize(text, locale, now));
    const onDay = dayOfMonth(text, locale, isoDate(now));
    const dated = raw.success && raw.data.some((e) => e.resolution.values.some((v) => /date/.test(v.type)));
    // "the 21st morning": the recognizers keep only "morning" (or read "21 en la mañana" as 9 a.m.).
    // "i meant the thursday after, the 17th" / "el jueves después, el 17": the day of the month said wins
    // over a weekday read alone (the recognizers take the next Thursday); the time said with it is kept.
    const weekdayOnly = dated && !!onDay && raw.data.every((e) => e.resolution.values.every((v) => !/date/.test(v.type) || WEEKDAY_OR_DAY.test(v.timex ?? '')));
    if (onDay && (!dated || weekdayOnly)) {
      const extra = onDay.rest ? this.parse(onDay.rest, locale, now) : null;
      const time = extra?.ok && (!extra.value.date || weekdayOnly) && !extra.value.until ? extra.value : null;
      return { ok: true, value: { date: onDay.date, until: null, time: time?.time ?? null, partOfDay: time?.partOfDay ?? null, ...(time?.after ? { after: time.after } : {}) } };
    }
    if (!raw.success || raw.data.length === 0) return { ok: false, error: 'appointment.when.unclear' };
    // "no school today. tmrw or tues is better": the two days offered, from the first (YW01).
    const first = this.alternatives.firstOf(text, raw.data);
    const entities = first > 0 ? raw.data.slice(first) : raw.data;
    let sawPast = false;
    for (const [index, entity] of entities.entries()) {
      // "the week" / "semana" alone (of words not understood, "la semana q…") is read as this week,
      // on a Sunday today: not a day the member said.
      if (BARE_WEEK.test(fold(entity.text))) continue;
      // Ambiguous dates ("Tuesday", "June 1") come as [past, future]: take the first not in the past.
      let lastWeekly: ResolutionValue | null = null;
      for (const value of entity.resolution.values) {
        const part = partOfDay(value, locale, entity.text);
        const result = fromValue(value, now, part);
        if (result === 'past') {
          sawPast = true;
          if (WEEKLY.test(value.timex ?? '')) lastWeekly = value;
          continue;
        }
        if (!result) continue;
        const rest = entities.slice(index + 1);
        const either = first >= 0 && index === 0 ? this.upTo(result, entities[1]!, now) : result;
        const checked = preferredTimeSchema.safeParse(this.withDay(this.withTimeOfDay(either, rest, locale), rest, now));
        if (checked.success) return { ok: true, value: checked.data };
      }
      // Every "friday morning" offered is over (said on Friday afternoon): the next Friday.
      if (lastWeekly) {
        const shifted = fromValue(nextWeek(lastWeekly), now, partOfDay(lastWeekly, locale, entity.text));
        const checked = shifted && shifted !== 'past' ? preferredTimeSchema.safeParse(shifted) : null;
        if (checked?.success) return { ok: true, value: checked.data };
      }
    }
    return { ok: false, error: sawPast ? 'appointment.when.past' : 'appointment.when.unclear' };
  }

  /**
   * "next week afternoons, after school": the day (and part of the day) from the rest of the words,
   * from the routine's time on. A part of the day over by then ("mornings after work") is dropped.
   */
  private withRoutine(routine: { after: string; rest: string }, locale: Locale, now: Date): Parsed<PreferredTime> {
    const rest = routine.rest ? this.parse(routine.rest, locale, now) : null;
    const base = rest?.ok ? rest.value : { date: null, until: null, time: null, partOfDay: null };
    if (base.time) return { ok: true, value: base };
    const over = base.partOfDay === 'morning' || (base.partOfDay === 'afternoon' && routine.after >= '17:00');
    return { ok: true, value: { ...base, partOfDay: over ? null : base.partOfDay, after: routine.after } };
  }

  /**
   * "tomorrow or tuesday": both days are searched, from the first to the second (a week at most);
   * the second said first, or further, leaves the first alone.
   */
  private upTo(result: PreferredTime, other: z.infer<typeof recognized>[number], now: Date): PreferredTime {
    if (!result.date || result.until) return result;
    for (const value of other.resolution.values) {
      const then = fromValue(value, now, null);
      if (!then || then === 'past' || !then.date) continue;
      const days = (Date.parse(then.date) - Date.parse(result.date)) / 86_400_000;
      return days > 0 && days <= 7 ? { ...result, until: then.until ?? then.date } : result;
    }
    return result;
  }

  /**
   * "next week in the afternoon" comes as two entities (a week, then a part of the day): a day
   * without a time takes the time of day said after it.
   */
  private withTimeOfDay(result: PreferredTime, rest: z.infer<typeof recognized>, locale: Locale): PreferredTime {
    if (!result.date || result.time || result.partOfDay) return result;
    for (const entity of rest) {
      for (const value of entity.resolution.values) {
        if (value.type === 'time' && clock(value.value)) return { ...result, time: clock(value.value) };
        const after = value.type === 'timerange' && value.Mod === 'after' ? clock(`x ${value.start ?? ''}`) : null;
        if (after && Number(after.slice(0, 2)) >= OPENING_HOUR) return { ...result, after };
        // "la semana que viene en la tarde": "la tarde" comes as that afternoon of today (a datetimerange).
        const part = value.type === 'timerange' || value.type === 'datetimerange' ? partOfDay(value, locale, entity.text) : null;
        if (part) return { ...result, partOfDay: part };
      }
    }
    return result;
  }

  /**
   * "mornings, any day next week" comes as a time of day, then a week: a time of day without a day
   * takes the day (or days) said after it.
   */
  private withDay(result: PreferredTime, rest: z.infer<typeof recognized>, now: Date): PreferredTime {
    if (result.date) return result;
    for (const entity of rest) {
      for (const value of entity.resolution.values) {
        if (value.type !== 'date' && value.type !== 'daterange') continue;
        const days = fromValue(value, now, null);
        if (days && days !== 'past') return { ...result, date: days.date, until: days.until };
      }
    }
    return result;
  }
}

/** The same weekday and time a week later. */
function nextWeek(value: ResolutionValue): ResolutionValue {
  const shift = (text: string | undefined) => (text && day(text) ? `${addDays(day(text)!, 7)}${text.slice(10)}` : text);
  return { ...value, value: shift(value.value), start: shift(value.start), end: shift(value.end) };
}

/** The preferred time as the portal's `when` and `time` parameters. */
export function whenParams(p: PreferredTime): { when?: string; time?: string } {
  return {
    when: p.date ? (p.until ? `${p.date}/${p.until}` : p.date) : undefined,
    time: p.time ?? p.partOfDay ?? undefined,
  };
}

const DAY_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat('es-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** A time of day (HH:MM) in a sentence: "3:00 PM" / "3:00 p.m.", never the 24-hour "15:00" (either language). */
export function describeClock(time: string, locale: Locale): string {
  return formatClock(time, locale);
}

/** "Tuesday, June 10, in the afternoon" in the member's language. */
export function describePreferredTime(p: PreferredTime, locale: Locale, partNames: Record<PartOfDay, string>): string {
  const fmt = (d: string) => DAY_FORMATS[locale].format(new Date(`${d}T12:00:00Z`));
  const pieces: string[] = [];
  if (p.date) pieces.push(p.until ? `${fmt(p.date)} – ${fmt(p.until)}` : fmt(p.date));
  if (p.time) pieces.push(describeClock(p.time, locale));
  else if (p.partOfDay) pieces.push(partNames[p.partOfDay]);
  else if (p.after) pieces.push(`${describeClock(p.after, locale)}+`);
  return pieces.join(', ');
}
