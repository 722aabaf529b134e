import type { Slot } from '../../services/appointments/appointmentLookup';
import { addDays, zonedTime } from '../../services/time';
import type { PartOfDay, PreferredTime } from './when';

/**
 * Which open times to offer for a preferred time, and what to say about them: the times that fit
 * (closest first to a time of day that was named); when the day asked for has none (a weekend,
 * a holiday, all taken), the first open day after it, said as such; when the time named is not
 * open, that it is not and the closest ones. Never another day or time without saying so.
 */

export const MAX_SLOTS = 5;
export const SEARCH_DAYS = 14;
const PART_HOURS: Record<PartOfDay, readonly [number, number]> = { morning: [0, 12], afternoon: [12, 17], evening: [17, 24], night: [17, 24] };

/** Looks up free slots in a window; `null` when the back end could not answer (the caller says so). */
export type SlotSearch = (from: Date, to: Date, limit: number) => Promise<Slot[] | null>;

export type OpenTimesNote = { kind: 'nothingThen'; firstDay: string } | { kind: 'timeNotOpen'; time: string; day: string | null };

export interface OpenTimes {
  slots: Slot[];
  note?: OpenTimesNote;
}

type When = PreferredTime | 'asap' | 'any' | undefined;

/** The local time of day (minutes) and day (YYYY-MM-DD) of an instant. */
export function localClock(iso: string, zone: string): { day: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: zone })
    .formatToParts(new Date(iso))
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The part of the day or the earliest time said ("mornings", "after 3"), whatever the day. */
function timeOfDayFilter(when: When, zone: string): (s: Slot) => boolean {
  if (!when || typeof when === 'string') return () => true;
  const part = when.partOfDay;
  const after = when.after ? minutesOf(when.after) : null;
  return (s) => {
    const { minutes } = localClock(s.start, zone);
    if (after !== null && minutes < after) return false;
    if (!part) return true;
    const [from, to] = PART_HOURS[part];
    return minutes >= from * 60 && minutes < to * 60;
  };
}

export async function findOpenTimes(search: SlotSearch, when: When, now: Date, zone: string): Promise<OpenTimes | null> {
  const soonTo = new Date(now.getTime() + SEARCH_DAYS * 86_400_000);
  const fitsTime = timeOfDayFilter(when, zone);
  const preferred = when && typeof when !== 'string' ? when : null;
  if (!preferred?.date) {
    const slots = await search(now, soonTo, 50);
    if (!slots) return null;
    let fitting = slots.filter(fitsTime);
    if (preferred?.time) fitting = closestFirst(fitting, preferred.time, zone, true);
    if (fitting.length) return { slots: fitting.slice(0, MAX_SLOTS) };
    const soonest = await search(now, soonTo, MAX_SLOTS);
    return soonest ? { slots: soonest.slice(0, MAX_SLOTS) } : null;
  }
  const from = new Date(Math.max(zonedTime(preferred.date, '00:00', zone).getTime(), now.getTime()));
  const to = zonedTime(addDays(preferred.until ?? preferred.date, 1), '00:00', zone);
  const slots = await search(from, to, 50);
  if (!slots) return null;
  const fitting = slots.filter(fitsTime);
  if (fitting.length && preferred.time) {
    const sorted = closestFirst(fitting, preferred.time, zone, false);
    const exact = localClock(sorted[0]!.start, zone).minutes === minutesOf(preferred.time);
    return { slots: sorted.slice(0, MAX_SLOTS), ...(exact ? {} : { note: { kind: 'timeNotOpen', time: preferred.time, day: preferred.until ? null : preferred.date } }) };
  }
  if (fitting.length) return { slots: fitting.slice(0, MAX_SLOTS) };
  // Nothing then: the first open times after it, at the time of day asked for if there are any.
  const later = await search(from, new Date(from.getTime() + SEARCH_DAYS * 86_400_000), 200);
  if (!later) return null;
  const laterFitting = later.filter(fitsTime);
  const offered = (laterFitting.length ? laterFitting : later).slice(0, MAX_SLOTS);
  if (offered.length) return { slots: offered, ...(preferred.until ? {} : { note: { kind: 'nothingThen', firstDay: localClock(offered[0]!.start, zone).day } }) };
  const soonest = await search(now, soonTo, MAX_SLOTS);
  return soonest ? { slots: soonest.slice(0, MAX_SLOTS) } : null;
}

/** Slots by how close they are to a time of day; `byDayFirst` keeps the soonest day first. */
function closestFirst(slots: Slot[], time: string, zone: string, byDayFirst: boolean): Slot[] {
  const target = minutesOf(time);
  const key = (s: Slot) => {
    const { day, minutes } = localClock(s.start, zone);
    return { day, distance: Math.abs(minutes - target) };
  };
  return [...slots].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (byDayFirst && ka.distance === 0 !== (kb.distance === 0)) return ka.distance === 0 ? -1 : 1;
    if (byDayFirst && ka.day !== kb.day) return ka.day < kb.day ? -1 : 1;
    return ka.distance - kb.distance || Date.parse(a.start) - Date.parse(b.start);
  });
}
