import type { TurnContext } from 'botbuilder';
import type { Prescription } from '../../services/pharmacy/prescriptionLookup';
import { formatDay } from '../common/dates';
import type { DialogKit } from '../common/kit';

/**
 * What one prescription's status means for the member, and what comes next: who it waits for, how
 * long that usually takes, and what they can do (`refill.live.meaning.<status>`), for "what does
 * that mean" / "why is it taking so long" after its status, never the status line again.
 */
export function statusMeaning(kit: DialogKit, context: TurnContext, p: Prescription): string {
  const locale = kit.locale(context);
  const pharmacy = kit.profile.phone('pharmacy', locale);
  return kit.text(context, `refill.live.meaning.${p.status}`, {
    medication: kit.terms.medication(p.medication, locale),
    pharmacy: p.pharmacy ?? kit.text(context, 'refill.live.yourPharmacy'),
    date: p.nextFillDate ? formatDay(p.nextFillDate, locale) : '',
    days: kit.profile.data.careTeam.messageReplyBusinessDays,
    ...pharmacy,
  });
}
