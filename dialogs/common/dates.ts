import type { TurnContext } from 'botbuilder';
import { isTimeZone } from '../../common/timeZone';
import type { Locale } from '../../intents/types';

const tagOf = (locale: Locale) => (locale === 'es' ? 'es-US' : 'en-US');

/** The member's time zone when the channel says it (Web Chat does) and Intl knows it, else `fallback`. */
export function timeZoneOf(context: TurnContext, fallback: string): string {
  const zone = context.activity.localTimezone;
  return zone && isTimeZone(zone) ? zone : fallback;
}

/** "Tue, Jun 10, 3:00 PM" / "mar, 10 jun, 3:00 p.m." in the member's time zone. */
export function formatWhen(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(tagOf(locale), { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}

/**
 * A time of day (HH:MM) as the member's language writes it: "3:00 PM" / "3:00 p.m.", the way
 * `formatWhen` writes a visit's time; never the 24-hour "15:00" in either language.
 */
export function formatClock(time: string, locale: Locale): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Intl.DateTimeFormat(tagOf(locale), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, hour, minute)));
}

/** A calendar day (YYYY-MM-DD) as "Saturday, June 14" / "sábado, 14 de junio". */
export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tagOf(locale), { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
