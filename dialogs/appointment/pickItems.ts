import type { Appointment, Slot } from '../../services/appointments/appointmentLookup';
import { addDays } from '../../services/time';
import type { DialogKit } from '../common/kit';
import type { PickItem } from '../common/pickQuestion';
import { LOCALES } from '../../intents/types';
import { fold } from '../common/text';

/**
 * A visit or an open time as an item of a list the member picks from: besides its title, the
 * words that tell it apart in either language (the clinician, the place, the kind of visit and of
 * care, the weekday, "tomorrow", "next week", the part of the day) and its time of day, so that
 * "the video one", "la del laboratorio", "the one next week" or "the 2pm one" name it.
 */
export function visitPickItem(kit: DialogKit, visit: Appointment | Slot, title: string, zone: string, now: Date): PickItem {
  const local = localParts(visit.start, zone);
  const care = 'care' in visit ? visit.care : visit.description ? kit.options.match(visit.description, 'appointment.care') : null;
  const words = [
    visit.clinician ?? '',
    // "the dr chen one", "la de la doctora Patel": the clinician's names one by one (the whole name is a phrase).
    ...nameWords(visit.clinician),
    // "the doctor one", "la del doctor": a visit with a clinician, told apart from a lab or a shot.
    ...(visit.clinician ? CLINICIAN_WORDS : []),
    visit.location ?? '',
    'description' in visit ? (visit.description ?? '') : '',
    ...kit.options.optionPhrases('appointment.mode', visit.mode),
    ...LOCALES.map((locale) => kit.catalog.text(locale, `appointment.live.mode.${visit.mode}`)),
    ...(care ? kit.options.optionPhrases('appointment.care', care) : []),
    ...dayWords(local.day, localParts(now.toISOString(), zone).day),
    ...partWords(local.hour),
  ].filter((w) => w && !/[|+]/.test(w));
  return { id: visit.id, title, words, at: `${pad(local.hour)}:${pad(local.minute)}`, startsAt: visit.start, day: Number(local.day.slice(8)) };
}

const CLINICIAN_WORDS = ['doctor', 'doctors', 'doc', 'doctora', 'medico', 'medica', 'provider', 'physician'];

/** Titles before a clinician's name: they tell no visit apart by themselves. */
const TITLES = new Set(['dr', 'dra', 'doctor', 'doctora', 'md', 'np', 'pa', 'rn']);

/** A clinician's own names ("Dr. Maya Chen": "maya", "chen"), each a word of the item. */
function nameWords(clinician: string | undefined): string[] {
  return fold(clinician ?? '').split(' ').filter((w) => w.length >= 3 && !TITLES.has(w));
}

const pad = (n: number) => String(n).padStart(2, '0');

function localParts(iso: string, zone: string): { day: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: zone })
    .formatToParts(new Date(iso))
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

const WEEKDAYS = {
  en: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  es: ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'],
};

/** The weekday and the words relative to today that fit a day (YYYY-MM-DD). */
function dayWords(day: string, today: string): string[] {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const words = [WEEKDAYS.en[weekday]!, WEEKDAYS.es[weekday]!];
  if (day === today) words.push('today', 'hoy');
  if (day === addDays(today, 1)) words.push('tomorrow', 'manana');
  const monday = (d: string) => addDays(d, -((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7));
  const weeks = Math.round((Date.parse(monday(day)) - Date.parse(monday(today))) / (7 * 86_400_000));
  if (weeks === 0) words.push('this week', 'esta semana');
  if (weeks === 1) words.push('next week', 'proxima semana', 'semana que viene', 'la otra semana', 'siguiente semana');
  return words;
}

function partWords(hour: number): string[] {
  if (hour < 12) return ['morning', 'am', 'manana'];
  if (hour < 17) return ['afternoon', 'pm', 'tarde'];
  return ['evening', 'pm', 'noche', 'tarde'];
}
