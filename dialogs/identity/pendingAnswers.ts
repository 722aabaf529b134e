import type { TurnContext } from 'botbuilder';
import { appointmentList } from '../appointment/describe';
import { timeZoneOf } from '../common/dates';
import type { DialogKit } from '../common/kit';
import type { MemberRecords } from '../common/memberRecords';
import { named } from '../common/mentions';
import { prescriptionLine, prescriptionList } from '../refill/describe';
import { renewalOffer } from '../refill/renewal';
import type { PendingRequest } from './verification';

/**
 * What the member asked for before signing in on the portal, answered as soon as the portal's
 * assertion arrives (the "then continue" of a Web Chat sign-in): their prescriptions, or their
 * upcoming appointments. Through MemberRecords, so checked and audited like any other answer.
 */
export async function answerPending(kit: DialogKit, records: MemberRecords, context: TurnContext, request: PendingRequest, timeZone: string): Promise<void> {
  const member = await records.verifiedMember(context);
  if (!member) return;
  if (request.topic === 'prescriptions') {
    const list = await records.prescriptions(context, member.memberId);
    if (!list.verified) return;
    if (!list.value.ok) {
      const number = kit.profile.phone('pharmacy', kit.locale(context)).number;
      await kit.send(context, { text: kit.text(context, 'refill.live.unavailable', { number }), links: [kit.link(context, 'pharmacy.prescriptions')] });
      return;
    }
    // The medicine the member named before signing in, now found in their own list: that one.
    const mentioned = request.words?.length ? named(request.words.join(' '), list.value.value, (p) => kit.medicines.names(p.medication)) : [];
    if (mentioned.length === 1) {
      const one = mentioned[0]!;
      const lines = [prescriptionLine(kit, context, one)];
      const links = [kit.link(context, 'pharmacy.prescriptions')];
      if (one.status === 'noRefillsLeft') {
        // No refills left: the renewal request for that medicine.
        const offer = renewalOffer(kit, context, kit.terms.medication(one.medication, kit.locale(context)));
        lines.push(offer.text);
        links.push(...offer.links);
      }
      if ((request.need === 'whyPending' || request.need === 'renewal') && one.status === 'pendingAuthorization') links.push(kit.link(context, 'messaging.messageCareTeam'));
      if (request.need === 'refillNow' && one.status === 'refillable') links.push(kit.link(context, 'pharmacy.refill', { rx: one.rxNumber }));
      await kit.send(context, { text: lines.join('\n\n'), links });
      return;
    }
    const text = list.value.value.length
      ? `${kit.text(context, 'refill.live.listIntro')}\n${prescriptionList(kit, context, list.value.value)}`
      : kit.text(context, 'refill.live.none');
    await kit.send(context, { text, links: [kit.link(context, 'pharmacy.prescriptions')] });
    return;
  }
  const upcoming = await records.upcoming(context, member.memberId);
  if (!upcoming.verified) return;
  if (!upcoming.value.ok) {
    const number = kit.profile.phone('memberServices', kit.locale(context)).number;
    await kit.send(context, { text: kit.text(context, 'appointment.live.unavailable', { number }), links: [kit.link(context, 'appointments.upcoming')] });
    return;
  }
  const list = upcoming.value.value;
  const text = list.length
    ? `${kit.text(context, 'appointment.live.listIntro')}\n${appointmentList(kit, context, list, timeZoneOf(context, timeZone))}`
    : kit.text(context, 'appointment.live.none');
  await kit.send(context, { text, links: [kit.link(context, 'appointments.upcoming')] });
}
