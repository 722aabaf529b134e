import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';

/**
 * An early refill for a trip (a vacation supply): the plan decides whether and how much, the
 * pharmacy asks for it (and the care team, when it must approve), by mail it is ordered early
 * (newcomer run v13, YZ13: "im leaving on a trip friday for 3 weeks can i get it early").
 */
export function earlyRefillText(kit: DialogKit, context: TurnContext): string {
  const pharmacy = kit.profile.phone('pharmacy', kit.locale(context));
  return kit.text(context, 'refill.answer.earlyRefill', { number: pharmacy.number, hours: pharmacy.hours });
}
