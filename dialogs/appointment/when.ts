import { Culture, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { z } from 'zod';
import type { Locale } from '../../intents/types';
import type { Parsed } from '../common/questions';
import { LruCache } from '../../common/lru';
import { wallClock } from '../../services/time';

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
}).refine((p) => p.date || p.time || p.partOfDay, { error: 'a day or a time of day is needed' });

export type PreferredTime = z.infer<typeof preferredTimeSchema>;

const resolutionValue = z.object({
  timex: z.string().optional(),
  type: z.string(),
  value: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
});
const recognized = z.array(z.object({ typeName: z.string(), resolution: z.object({ values: z.array(resolutionValue) }) }));
type ResolutionValue = z.infer<typeof resolutionValue>;

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

function partOfDay(value: ResolutionValue): PartOfDay | null {
  const match = /T(MO|AF|EV|NI)$/.exec(value.timex ?? '');
  return match ? PART_BY_TIMEX[match[1]!]! : null;
}

/** The date part (YYYY-MM-DD) of a recognizer value such as "2025-06-10 12:00:00". */
const day = (text: string | undefined) => (text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null);
const clock = (text: string | undefined) => {
  const match = /(?:^|\s)(\d{2}):(\d{2})(?::\d{2})?$/.exec(text ?? '');
  return match ? `${match[1]}:${match[2]}` : null;
};

/** Turns one resolution value into a preferred time, or null if it lies wholly in the past. */
function fromValue(value: ResolutionValue, today: string): PreferredTime | 'past' | null {
  const part = partOfDay(value);
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
      const end = day(value.end);
      if (!start) return null;
      if ((end ?? start) < today) return 'past';
      const from = start < today ? today : start;
      const until = value.type === 'daterange' && end && end > from ? end : null;
      return { date: from, until, time: null, partOfDay: part };
    }
    case 'time':
      return { date: null, until: null, time: clock(value.value), partOfDay: null };
    case 'timerange':
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

  parse(text: string, locale: Locale, now: Date): Parsed<PreferredTime> {
    const raw = recognized.safeParse(this.recognize(text, locale, now));
    if (!raw.success || raw.data.length === 0) return { ok: false, error: 'appointment.when.unclear' };
    const today = isoDate(now);
    let sawPast = false;
    for (const entity of raw.data) {
      // Ambiguous dates ("Tuesday", "June 1") come as [past, future]: take the first not in the past.
      for (const value of entity.resolution.values) {
        const result = fromValue(value, today);
        if (result === 'past') {
          sawPast = true;
          continue;
        }
        if (!result) continue;
        const checked = preferredTimeSchema.safeParse(result);
        if (checked.success) return { ok: true, value: checked.data };
      }
    }
    return { ok: false, error: sawPast ? 'appointment.when.past' : 'appointment.when.unclear' };
  }
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

/** "Tuesday, June 10, in the afternoon" in the member's language. */
export function describePreferredTime(p: PreferredTime, locale: Locale, partNames: Record<PartOfDay, string>): string {
  const fmt = (d: string) => DAY_FORMATS[locale].format(new Date(`${d}T12:00:00Z`));
  const pieces: string[] = [];
  if (p.date) pieces.push(p.until ? `${fmt(p.date)} – ${fmt(p.until)}` : fmt(p.date));
  if (p.time) pieces.push(p.time);
  else if (p.partOfDay) pieces.push(partNames[p.partOfDay]);
  return pieces.join(', ');
}
