import type { TurnContext } from 'botbuilder';
import type { DialogKit } from './common/kit';
import type { FollowUp } from './followUps';
import { renewalAnswer } from './refill/renewal';

/**
 * The short answers to a follow-up about the answer just given (dialogs/followUps.ts), each with
 * that answer's pages again: a day at a place (its phone line's days and hours, and where each
 * location's own hours are), how to do it / what this chat cannot do, a narrower wish, and "no es
 * emergencia" after the nurse line (the nurse line, an e-visit, a same-day visit), and one aspect
 * of the answer (its line, when, what it means, a code, a person, "do it"). The texts offer
 * a person; "anything else?" after them has the button.
 */
export class FollowUpAnswers {
  constructor(private readonly kit: DialogKit) {}

  async send(context: TurnContext, followUp: Exclude<FollowUp, { kind: 'place' | 'reminders' }>): Promise<void> {
    const kit = this.kit;
    switch (followUp.kind) {
      case 'placeDay': {
        const phone = kit.profile.phone(followUp.line, kit.locale(context));
        await kit.send(context, { text: kit.text(context, 'followUp.placeDay', { ...phone }), links: [kit.link(context, 'messaging.findClinic')] });
        return;
      }
      case 'howTo':
      case 'again':
      case 'qualify':
        // A marker (never the member's words): the same follow-up answer is not given twice in a row.
        await kit.memory.remember(context, 'followUp', followUp.kind);
        await kit.send(context, { text: kit.text(context, `followUp.${followUp.kind}`), links: followUp.links.map((key) => kit.link(context, key)) });
        return;
      case 'about': {
        // A marker (never the member's words): the same aspect's answer is not given twice in a row.
        await kit.memory.remember(context, 'followUp', followUp.text);
        const phone = followUp.line ? kit.profile.phone(followUp.line, kit.locale(context)) : undefined;
        const days = kit.profile.data.careTeam.messageReplyBusinessDays;
        const links = followUp.renewal ? renewalAnswer(kit, context).links : followUp.links.map((key) => kit.link(context, key));
        const line = followUp.line ? kit.text(context, `phones.${followUp.line}`) : '';
        await kit.send(context, { text: kit.text(context, followUp.text, { ...phone, line, tty: kit.profile.phones.tty, days }), links });
        return;
      }
      case 'comeIn':
      case 'notUrgent': {
        const nurse = kit.profile.phone('nurseLine', kit.locale(context));
        await kit.send(context, {
          text: kit.text(context, `followUp.${followUp.kind}`, { ...nurse }),
          links: [kit.link(context, 'telehealth.eVisit'), kit.link(context, 'appointments.schedule', { action: 'new', patient: 'self', care: 'urgent', when: 'asap' })],
        });
        return;
      }
    }
  }
}
