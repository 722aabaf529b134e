import type { TurnContext } from 'botbuilder';
import type { LinkKey } from '../../services/portal/profile';
import type { Link } from '../../channels/reply';
import type { DialogKit } from '../common/kit';

/**
 * How a renewal is asked for (a prescription with no refills left is renewed by the care team,
 * then refilled): the portal's renewal request page when the profile has one, otherwise the
 * refill page and a secure message to the care team.
 */
export function renewalWay(kit: DialogKit): { byPage: boolean; links: LinkKey[] } {
  return kit.profile.hasLink('pharmacy.renewal')
    ? { byPage: true, links: ['pharmacy.renewal'] }
    : { byPage: false, links: ['pharmacy.refill', 'messaging.messageCareTeam'] };
}

/** "Do you need a renewal?" in general: what a renewal is and how to ask for one. */
export function renewalAnswer(kit: DialogKit, context: TurnContext): { text: string; links: Link[] } {
  const way = renewalWay(kit);
  const text = kit.text(context, way.byPage ? 'refill.answer.renewalPage' : 'refill.answer.renewalMessage', { days: kit.profile.data.careTeam.messageReplyBusinessDays });
  return { text, links: way.links.map((key) => kit.link(context, key)) };
}

/** The offer to renew one medicine that has no refills left (its name in the text). */
export function renewalOffer(kit: DialogKit, context: TurnContext, medication: string): { text: string; links: Link[] } {
  const way = renewalWay(kit);
  const text = kit.text(context, way.byPage ? 'refill.live.offerRenewalPage' : 'refill.live.offerRenewal', { medication });
  return { text, links: way.links.map((key) => kit.link(context, key)) };
}
