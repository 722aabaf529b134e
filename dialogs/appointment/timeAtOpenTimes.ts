import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import type { Subject } from '../common/memberRecords';
import { PickQuestion, type PickOptions } from '../common/pickQuestion';
import type { AppointmentState } from './appointmentState';
import { LIVE_APPOINTMENTS, type LiveAppointmentOptions } from './liveAppointments';
import type { VisitWords } from './visitWords';
import { fold } from '../common/text';
import { dayOfGivenWeek } from './dayOfGivenWeek';
import { isoDate, type PreferredTime } from './when';

/** Words that name today itself: without them, "en la tarde" (read as this afternoon) names only a time of day. */
const TODAY = /\b(?:today|tonight|this (?:morning|afternoon|evening)|hoy|esta (?:manana|tarde|noche))\b/;
/** A weekday or a date named ("thursday aftrnoon" said on a Thursday is today, with its day): not a time of day alone. */
const DAY_NAMED = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b|\d/;

/** The preferred time said before, updated by the words: a day alone keeps the time of day said before, and the other way round. */
export function mergedTime(before: PreferredTime | null, said: PreferredTime): PreferredTime {
  const newDay = !!said.date;
  const newHour = !!(said.time || said.partOfDay || said.after);
  const after = newHour ? said.after : before?.after;
  return {
    date: newDay || !before ? said.date : before.date,
    until: newDay || !before ? said.until : before.until,
    time: newHour || !before ? said.time : before.time,
    partOfDay: newHour || !before ? said.partOfDay : before.partOfDay,
    ...(after ? { after } : {}),
  };
}

/**
 * A day or time said after a day was given (at the open times, or right after the scheduling page):
 * "mejor en la tarde" is read as this afternoon, so a time of day alone changes only the time of day;
 * a weekday alone is that day of the week given before (dialogs/appointment/dayOfGivenWeek.ts).
 */
export function timeSaidAfter(words: Pick<VisitWords, 'timeSaid' | 'now'>, context: TurnContext, text: string, before: PreferredTime | null = null): PreferredTime | null {
  const read = words.timeSaid(context, text);
  if (!read) return null;
  const today = isoDate(words.now(context));
  const onlyHour = read.partOfDay && !read.until && read.date === today && !TODAY.test(fold(text)) && !DAY_NAMED.test(fold(text));
  // "mejor el miércoles" / "same day": read against the day given before (its week, or that day).
  return onlyHour ? { ...read, date: null } : dayOfGivenWeek(before, read, text, today);
}

/**
 * Booking, signed in: a day or time said at the open times that picks none of them ("actually
 * afternoons work better for him", "mejor el jueves en la tarde"): a new preference, not a pick.
 * The open times are searched again with it (a time of day alone keeps the days asked before),
 * for the same person, and both are said back.
 */
export async function timeAtOpenTimes(kit: DialogKit, words: VisitWords, innerDc: DialogContext, state: AppointmentState | undefined, text: string): Promise<DialogTurnResult | null> {
  if (state?.action !== 'new') return null;
  let leaf: DialogContext = innerDc;
  while (leaf.child) leaf = leaf.child;
  const active = leaf.activeDialog;
  if (active?.id !== PickQuestion.ID || (active.state as { options?: PickOptions }).options?.prompt !== 'appointment.live.pickSlot') return null;
  const question = leaf.findDialog(PickQuestion.ID) as PickQuestion;
  if (question.accepts(active, innerDc.context)) return null;
  const flow = leaf.stack.find((i) => i.id === `${LIVE_APPOINTMENTS}.flow`)?.state as { options?: LiveAppointmentOptions; values?: { subject?: Subject } } | undefined;
  if (!flow?.options) return null;
  const before = flow.options.when && typeof flow.options.when !== 'string' ? flow.options.when : null;
  const said = timeSaidAfter(words, innerDc.context, text, before);
  if (!said) return null;
  const when = mergedTime(before, said);
  state.preferred = { value: when };
  state.whenText = text;
  const subject = flow.values?.subject;
  const forName = subject && !subject.self ? kit.text(innerDc.context, 'appointment.live.for', { name: subject.givenName }) : '';
  await kit.say(innerDc.context, 'appointment.live.retimed', { when: words.describe(innerDc.context, when), for: forName });
  const { change: _dropped, ...options } = flow.options;
  await leaf.cancelAllDialogs();
  await leaf.beginDialog(`${LIVE_APPOINTMENTS}.flow`, { ...options, when, ...(subject ? { subjectId: subject.memberId } : {}) } satisfies LiveAppointmentOptions);
  return Dialog.EndOfTurn;
}
