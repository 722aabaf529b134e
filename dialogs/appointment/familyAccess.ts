import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import { PROXY_OFFERED } from '../followUpNews';
import type { MemberRecords } from '../common/memberRecords';
import { containsPhrase, fold } from '../common/text';
import type { NamedRelatives, Relation } from './namedRelatives';
import type { IdentityVerification } from '../identity/verification';

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
    private readonly relatives: NamedRelatives,
    /** Who is asking, the way their channel proves it without a question (Teams): asked only when a relative is named. */
    private readonly verification: Pick<IdentityVerification, 'route'>,
  ) {}

  /** True when a verified member acts for nobody (the back end said so); false when unknown. */
  async none(context: TurnContext): Promise<boolean> {
    const subjects = await this.records.subjects(context);
    if (!subjects.verified || !subjects.value.ok) return false;
    return !subjects.value.value.some((s) => !s.self);
  }

  /**
   * Says why the chat cannot book for them and what works, with the pages for it. The answer offers
   * proxy access: marked, so "how do I get that access?" next gets how (dialogs/followUpNews.ts).
   */
  async explain(context: TurnContext): Promise<void> {
    await this.kit.memory.remember(context, 'access', PROXY_OFFERED);
    const number = this.kit.profile.phone('memberServices', this.kit.locale(context)).number;
    await this.kit.send(context, {
      text: this.kit.text(context, 'appointment.noProxyBooking', { number }),
      links: [this.kit.link(context, 'signInHelp.sharedEmail'), this.kit.link(context, 'appointments.schedule', { action: 'new', patient: 'family' })],
    });
  }

  /**
   * "book for my mom": a parent, a spouse... named by how they are related, when the verified
   * member's proxies are known and none of them is named by name. The back end does not say how a
   * proxy is related, so such a relative is never taken to be one of them (Sam, a son, is not "my
   * mom"). Null when no such relative is named, when nobody is verified (nothing known) or when
   * the member has no proxy at all (the plain no-proxy answer says it).
   * `evenNamed`: a proxy named too does not make it theirs ("no, sam is my son, this is for my MOM").
   */
  async relativeNotOnAccount(context: TurnContext, text: string | undefined, evenNamed = false): Promise<{ relation: Relation; names: string[] } | null> {
    const relation = this.relatives.named(text);
    if (!relation || !text) return null;
    // Teams proves who is asking without a question: done now, so the proxies are known before any question.
    await this.verification.route(context);
    const subjects = await this.records.subjects(context);
    if (!subjects.verified || !subjects.value.ok) return null;
    const names = subjects.value.value.filter((s) => !s.self && s.givenName).map((s) => s.givenName);
    // No proxy at all: the plain "no proxy access" answer (`none`/`explain`) says it, with its links.
    if (names.length === 0) return null;
    return !evenNamed && names.some((name) => containsPhrase(fold(text), fold(name))) ? null : { relation, names };
  }

  /**
   * The relative is not on the member's account: said, with who can be booked for here, and how to
   * book for the relative (they sign in or call, or the member asks for proxy access). No other
   * member is offered instead.
   */
  async explainRelative(context: TurnContext, found: { relation: Relation; names: string[] }): Promise<void> {
    await this.kit.memory.remember(context, 'access', PROXY_OFFERED);
    const number = this.kit.profile.phone('memberServices', this.kit.locale(context)).number;
    const who = this.kit.text(context, `appointment.relative.${found.relation}`);
    await this.kit.send(context, {
      text: this.kit.text(context, 'appointment.relativeNotOnAccount', { who, names: found.names.join(', '), number }),
      links: [this.kit.link(context, 'signInHelp.sharedEmail'), this.kit.link(context, 'appointments.schedule', { action: 'new', patient: 'family' })],
    });
  }
}
