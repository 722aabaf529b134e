import type { TurnContext } from 'botbuilder';
import type { Appointment } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { appointmentLine, appointmentList } from './describe';
import { fittingVisits, type VisitMention } from './visitMention';

/**
 * Asking about one's visits while naming one (a kind: "the lab one", "my video visit", "with Dr
 * Chen"; or a day: "on the 18th"): that visit is answered first ("Yes, that one is still on: …"),
 * then the others; none fits: said, and all listed (newcomer run v14, YZ05). Null when the words
 * name no visit in particular (the plain list is the answer).
 */
export function namedVisitTexts(kit: DialogKit, context: TurnContext, list: readonly Appointment[], about: VisitMention | undefined, zone: string, intro: string): string[] | null {
  if (!about) return null;
  const fitting = fittingVisits(kit, list, about, zone);
  const specific = !!(about.mode || about.care || about.from) || fitting.length < list.length;
  if (!specific) return null;
  if (!fitting.length) return [kit.text(context, 'appointment.live.noneFits'), intro, appointmentList(kit, context, list, zone)];
  return visitsFirst(kit, context, list, fitting, zone);
}

/**
 * The visits asked about first ("Yes, that one is still on: …"), then the others: also the visit
 * just spoken of ("never mind, i'll keep it. is it still on?" after moving it, v15 YZ02).
 */
export function visitsFirst(kit: DialogKit, context: TurnContext, list: readonly Appointment[], fitting: readonly Appointment[], zone: string): string[] {
  const first =
    fitting.length === 1
      ? [kit.text(context, 'appointment.live.namedVisit', { visit: appointmentLine(kit, context, fitting[0]!, zone) })]
      : [kit.text(context, 'appointment.live.namedVisits'), appointmentList(kit, context, fitting, zone)];
  const others = list.filter((a) => !fitting.includes(a));
  return others.length ? [...first, kit.text(context, 'appointment.live.otherVisits'), appointmentList(kit, context, others, zone)] : first;
}
