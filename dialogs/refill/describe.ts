import type { TurnContext } from 'botbuilder';
import type { Prescription } from '../../services/pharmacy/prescriptionLookup';
import { formatDay } from '../common/dates';
import type { DialogKit } from '../common/kit';

/** One sentence about a prescription: "Your Lisinopril 10 mg tablet (Rx 1000101) is ready for pickup at …". */
export function prescriptionLine(kit: DialogKit, context: TurnContext, p: Prescription): string {
  const vars = {
    medication: kit.terms.medication(p.medication, kit.locale(context)),
    rx: p.rxNumber,
    pharmacy: p.pharmacy ?? kit.text(context, 'refill.live.yourPharmacy'),
    date: p.nextFillDate ? formatDay(p.nextFillDate, kit.locale(context)) : '',
    tracking: p.tracking ?? '',
  };
  const key = p.status === 'shipped' && p.tracking ? 'shippedTracking' : p.status;
  return kit.text(context, `refill.live.line.${key}`, vars);
}

/** A bulleted list of prescriptions. */
export function prescriptionList(kit: DialogKit, context: TurnContext, list: readonly Prescription[]): string {
  return list.map((p) => `• ${prescriptionLine(kit, context, p)}`).join('\n');
}

/** The title of a prescription among choices. */
export const prescriptionTitle = (p: Prescription) => `${p.medication} (Rx ${p.rxNumber})`;

/** Statuses that hold a prescription up, for "why is it pending?". */
export const WAITING = new Set<Prescription['status']>(['pendingAuthorization', 'tooSoon', 'noRefillsLeft', 'inProgress']);
