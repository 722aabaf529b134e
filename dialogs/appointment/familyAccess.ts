import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import type { MemberRecords } from '../common/memberRecords';

/**
 * Booking for a family member (a child, a parent): a signed-in member the back end gives no proxy
 * access to anyone is told at once that the chat cannot book for them, and what works instead
 * (proxy access, the family member's own sign-in, the phone line), before the booking's questions
 * that could lead nowhere. Nobody signed in: nothing is asked of the back end (the booking goes on,
 * to the sign-in and the portal's page, where the patient is chosen).
 */
export class FamilyAccess {
  constructor(
    private readonly kit: DialogKit,
    private readonly records: Pick<MemberRecords, 'subjects'>,
  ) {}

  /** True when a verified member acts for nobody (the back end said so); false when unknown. */
  async none(context: TurnContext): Promise<boolean> {
    const subjects = await this.records.subjects(context);
    if (!subjects.verified || !subjects.value.ok) return false;
    return !subjects.value.value.some((s) => !s.self);
  }

  /** Says why the chat cannot book for them and what works, with the pages for it. */
  async explain(context: TurnContext): Promise<void> {
    const number = this.kit.profile.phone('memberServices', this.kit.locale(context)).number;
    await this.kit.send(context, {
      text: this.kit.text(context, 'appointment.noProxyBooking', { number }),
      links: [this.kit.link(context, 'signInHelp.sharedEmail'), this.kit.link(context, 'appointments.schedule', { action: 'new', patient: 'family' })],
    });
  }
}
