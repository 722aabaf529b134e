import type { TurnContext } from 'botbuilder';
import type { Reply } from '../../channels/reply';
import type { DialogKit } from '../common/kit';
import { NO_RECORDS, type MemberRecords } from '../common/memberRecords';
import { PharmacyDayHours } from './pharmacyDayHours';
import type { SpecialAnswer } from './specialAnswer';

/**
 * When a pharmacy is open ("what time does the pharmacy close", "¿abre la farmacia el
 * domingo?"): the hours of the plan's pharmacies from the portal profile, the member's own
 * pharmacy first when their prescriptions name it, and the pharmacy locator. Never the pharmacy
 * phone line's hours: those answer "when can I call the pharmacy". With no pharmacy in the
 * profile, the hours depend on the location: the locator. A day asked ("y el domingo?" right after
 * them) gets each pharmacy's hours that day.
 */
export class PharmacyHoursAnswer implements SpecialAnswer {
  /**
   * `about`: their opening hours (`pharmacyHours`), or where they are (`pharmacyLocation`: "where
   * is the nearest pharmacy", "donde queda la farmacia": their addresses, the finder and the
   * pharmacy's line; never the line alone, nor the clinic finder).
   */
  constructor(
    private readonly kit: DialogKit,
    private readonly records: Pick<MemberRecords, 'verifiedMember' | 'prescriptions'> = NO_RECORDS,
    private readonly about: 'pharmacyHours' | 'pharmacyLocation' = 'pharmacyHours',
    private readonly days: PharmacyDayHours = new PharmacyDayHours(),
  ) {}

  async reply(context: TurnContext, text?: string): Promise<Reply> {
    const { kit, about } = this;
    const locale = kit.locale(context);
    const locator = kit.link(context, 'pharmacy.locator');
    const line = kit.profile.phone('pharmacy', locale);
    const all = kit.profile.pharmacies(locale);
    if (all.length === 0) return { text: kit.text(context, `contact.answer.${about}`, line), links: [locator] };
    const own = await this.ownPharmacy(context);
    const ordered = own ? [...all.filter((p) => p.name === own), ...all.filter((p) => p.name !== own)] : all;
    const day = about === 'pharmacyHours' ? this.days.asked(text) : undefined;
    const lines = ordered.map((p) => {
      const hours = day ? this.days.on(p.hours, day) : p.hours;
      return kit.text(context, p.name === own ? `contact.${about}.ownLine` : `contact.${about}.line`, { ...p, hours });
    });
    const intro = day ? kit.text(context, 'contact.pharmacyHours.dayIntro', { day: day[locale] }) : kit.text(context, `contact.${about}.intro`);
    return { text: [intro, ...lines, kit.text(context, `contact.${about}.others`, line)].join('\n'), links: [locator] };
  }

  /** The pharmacy most of the verified member's prescriptions go to, when it is one of the profile's. */
  private async ownPharmacy(context: TurnContext): Promise<string | null> {
    const member = await this.records.verifiedMember(context);
    if (!member) return null;
    const answer = await this.records.prescriptions(context, member.memberId);
    if (!answer.verified || !answer.value.ok) return null;
    const known = new Set(this.kit.profile.data.pharmacies.map((p) => p.name));
    const counts = new Map<string, number>();
    for (const rx of answer.value.value) if (rx.pharmacy && known.has(rx.pharmacy)) counts.set(rx.pharmacy, (counts.get(rx.pharmacy) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
}
