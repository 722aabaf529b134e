import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';

/**
 * The answer to a nurse asked for in this chat, or to "I can't call (no minutes, no phone)", right
 * after the nurse line was given for a symptom (dialogs/nurseInChat.ts): nurses answer on the
 * phone line; a free way without phone minutes (an e-visit, a secure message to the care team,
 * when they answer); 911 works from any cell phone even without minutes or a plan. The hand-off
 * to a person follows it (MainDialog).
 */
export class NurseInChatReply {
  constructor(private readonly kit: DialogKit) {}

  async send(context: TurnContext): Promise<void> {
    const k = this.kit;
    const locale = k.locale(context);
    const nurse = k.profile.phone('nurseLine', locale);
    const text = k.text(context, 'nurseInChat.answer', {
      number: nurse.number,
      hours: nurse.hours,
      days: String(k.profile.data.careTeam.messageReplyBusinessDays),
      emergency: '911',
    });
    await k.send(context, { text, links: [k.link(context, 'telehealth.eVisit'), k.link(context, 'messaging.messageCareTeam')] });
  }
}
