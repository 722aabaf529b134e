import type { TurnContext } from 'botbuilder';
import type { LinkKey } from '../../services/portal/profile';
import type { DialogKit } from '../common/kit';
import type { RenewalFor } from './renewalFor';
import type { RescueGroup, RescueNeed, RescueWords } from './rescueWords';

/**
 * The answer for a rescue medicine running out or needed before its refill (dialogs/refill/
 * rescueWords.ts): today, an emergency or short supply from the pharmacy (its line), or a
 * prescription today from the nurse line, urgent care or an e-visit; and when to call 911 (the
 * group's danger sign, or a general one). Never the refill's or renewal's timing again.
 *
 * For a signed-in member, the prescription it is about (the one the message names, else the one
 * the answer before was about) gives the danger sign when the message names no medicine ("what if
 * i get an attack" after the albuterol's renewal: trouble breathing), and, when it has no refills
 * left or the answer before was a renewal's, what happens with the renewal comes last (newcomer run
 * v13, YZ06).
 */
export class RescueReply {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: Pick<RescueWords, 'groupOf'>,
    private readonly renewalFor?: Pick<RenewalFor, 'which'>,
  ) {}

  async send(context: TurnContext, need: RescueNeed): Promise<void> {
    const k = this.kit;
    const locale = k.locale(context);
    const pharmacy = k.profile.phone('pharmacy', locale);
    const nurse = k.profile.phone('nurseLine', locale);
    const target = this.renewalFor ? await this.renewalFor.which(context, context.activity.text ?? '', need.lastRx) : null;
    const p = target?.prescription;
    const group: RescueGroup | null = need.group ?? (p ? this.words.groupOf(p.medication) : null);
    const renewal = p?.status === 'noRefillsLeft'
      ? k.text(context, 'rescue.renewal.named', { medication: k.terms.medication(p.medication, locale), rx: p.rxNumber })
      : need.renewal ? k.text(context, 'rescue.renewal.general') : null;
    const text = [
      k.text(context, 'rescue.answer', { pharmacy: pharmacy.number, pharmacyHours: pharmacy.hours, nurse: nurse.number, nurseHours: nurse.hours }),
      k.text(context, `rescue.danger.${group ?? 'general'}`),
      ...(renewal ? [renewal] : []),
    ].join('\n\n');
    const links: LinkKey[] = ['telehealth.eVisit', 'messaging.findClinic', ...(renewal ? (['messaging.messageCareTeam'] as const) : []), 'pharmacy.refill'];
    await k.send(context, { text, links: links.map((l) => k.link(context, l)) });
  }
}
