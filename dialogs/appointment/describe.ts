import type { TurnContext } from 'botbuilder';
import type { Appointment, Slot } from '../../services/appointments/appointmentLookup';
import { formatWhen } from '../common/dates';
import type { DialogKit } from '../common/kit';

/** The words of an appointment or a slot, for the texts: when, which kind of visit, with whom, where. */
export function visitVars(kit: DialogKit, context: TurnContext, visit: Appointment | Slot, timeZone: string): Record<string, string> {
  const inPerson = visit.mode === 'inPerson';
  return {
    when: formatWhen(visit.start, kit.locale(context), timeZone),
    mode: kit.text(context, `appointment.live.mode.${visit.mode}`),
    /** The mode with its article ("an in-person visit"): English articles depend on the word. */
    aMode: kit.text(context, `appointment.live.aMode.${visit.mode}`),
    with: visit.clinician ? kit.text(context, 'appointment.live.with', { who: visit.clinician }) : '',
    at: inPerson && visit.location && visit.location !== visit.clinician ? kit.text(context, 'appointment.live.at', { where: visit.location }) : '',
    /** " (Primary care follow-up)": what the visit is for, as the pick list names it. */
    what: 'description' in visit && visit.description ? ` (${kit.terms.visit(visit.description, kit.locale(context))})` : '',
  };
}

/** "Tue, Jun 10, 3:00 PM: video visit with Dr. Maya Chen (Primary care follow-up)". */
export function appointmentLine(kit: DialogKit, context: TurnContext, appointment: Appointment, timeZone: string): string {
  const line = kit.text(context, 'appointment.live.line', visitVars(kit, context, appointment, timeZone));
  return appointment.description ? `${line} (${kit.terms.visit(appointment.description, kit.locale(context))})` : line;
}

export function appointmentList(kit: DialogKit, context: TurnContext, list: readonly Appointment[], timeZone: string): string {
  return list.map((a) => `• ${appointmentLine(kit, context, a, timeZone)}`).join('\n');
}

/** A choice's title: "Tue, Jun 10, 3:00 PM · Primary care follow-up". */
export function appointmentTitle(kit: DialogKit, context: TurnContext, appointment: Appointment, timeZone: string): string {
  const vars = visitVars(kit, context, appointment, timeZone);
  return `${vars.when} · ${appointment.description ? kit.terms.visit(appointment.description, kit.locale(context)) : vars.mode}`;
}

/** A choice's title: "Tue, Jun 10, 9:00 AM · Dr. Maya Chen (video visit)". */
export function slotTitle(kit: DialogKit, context: TurnContext, slot: Slot, timeZone: string): string {
  const vars = visitVars(kit, context, slot, timeZone);
  return `${vars.when} · ${slot.clinician ?? slot.location ?? ''} (${vars.mode})`.replace(' ·  (', ' (');
}
