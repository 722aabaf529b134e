import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import type { RescueNeed } from './rescueWords';

/**
 * The answer for a rescue medicine running out or needed before its refill (dialogs/refill/
 * rescueWords.ts): today, an emergency or short supply from the pharmacy (its line), or a
 * prescription today from the nurse line, urgent care or an e-visit; and when to call 911 (the
 * group's danger sign, or a general one). Never the refill's or renewal's timing again.
 */
export class RescueReply {
  constructor(private readonly kit: DialogKit) {}

  async send(context: TurnContext, need: RescueNeed): Promise<void> {
    const k = this.kit;
    const locale = k.locale(context);
    const pharmacy = k.profile.phone('pharmacy', locale);
    const nurse = k.profile.phone('nurseLine', locale);
    const text = [
      k.text(context, 'rescue.answer', { pharmacy: pharmacy.number, pharmacyHours: pharmacy.hours, nurse: nurse.number, nurseHours: nurse.hours }),
      k.text(context, `rescue.danger.${need.group ?? 'general'}`),
    ].join('\n\n');
    await k.send(context, { text, links: [k.link(context, 'telehealth.eVisit'), k.link(context, 'messaging.findClinic'), k.link(context, 'pharmacy.refill')] });
  }
}
