import type { TurnContext } from 'botbuilder';
import { formatClock, formatDay } from '../common/dates';
import type { DialogKit } from '../common/kit';
import type { OpenTimesNote } from './openTimes';
import { describePreferredTime, PARTS_OF_DAY, type PartOfDay, type PreferredTime } from './when';

/** "Nothing is open on Sunday, December 6, in the afternoon. The first open times …" / "3:00 PM is not open …". */
export function openTimesNote(kit: DialogKit, context: TurnContext, note: OpenTimesNote, when: PreferredTime | 'asap' | 'any' | undefined): string {
  const locale = kit.locale(context);
  if (note.kind === 'nothingThen') {
    const partNames = Object.fromEntries(PARTS_OF_DAY.map((p) => [p, kit.text(context, `appointment.partOfDay.${p}`)])) as Record<PartOfDay, string>;
    const said = when && typeof when !== 'string' ? describePreferredTime(when, locale, partNames) : '';
    return kit.text(context, 'appointment.live.nothingOpenThen', { when: said, day: formatDay(note.firstDay, locale) });
  }
  const time = formatClock(note.time, locale);
  return kit.text(context, note.day ? 'appointment.live.timeNotOpen' : 'appointment.live.timeNotOpenAnyDay', { time, when: note.day ? formatDay(note.day, locale) : '' });
}
