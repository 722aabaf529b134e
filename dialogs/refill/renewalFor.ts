import type { TurnContext } from 'botbuilder';
import type { Prescription } from '../../services/pharmacy/prescriptionLookup';
import type { DialogKit } from '../common/kit';
import type { MemberRecords } from '../common/memberRecords';
import { named } from '../common/mentions';

/** Where the medicine a renewal request is about came from: the message, or the answer before. */
export interface RenewalTarget {
  prescription: Prescription;
  /** The message names it (matched against the member's own prescriptions). */
  named: boolean;
}

/** Conversation memory step holding the prescription id the last refill answer was about (never a name). */
export const LAST_RX_STEP = 'rxId';

/**
 * Which of the signed-in member's own prescriptions a renewal asked of the chat is about ("can you
 * renew my albuterol", "can you ask my dr to renew it"): the one the message names, else the one
 * the previous refill answer was about (its id, remembered in conversation memory), else none.
 * Reads the member's prescriptions again (MemberRecords checks the sign-in and audits what is
 * shown); nobody signed in, or a back end that cannot answer, is none.
 */
export class RenewalFor {
  constructor(
    private readonly kit: DialogKit,
    private readonly records: MemberRecords,
  ) {}

  async which(context: TurnContext, text: string, lastId: string | undefined): Promise<RenewalTarget | null> {
    const member = await this.records.verifiedMember(context);
    if (!member) return null;
    const all = await this.records.prescriptions(context, member.memberId);
    if (!all.verified || !all.value.ok) return null;
    const list = all.value.value;
    const mentioned = named(text, list, (p) => this.kit.medicines.described(p.medication));
    if (mentioned.length === 1) return { prescription: mentioned[0]!, named: true };
    const before = lastId ? list.find((p) => p.id === lastId) : undefined;
    return before ? { prescription: before, named: false } : null;
  }
}
