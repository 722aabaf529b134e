import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Appointment, Slot, SlotQuery } from '../../services/appointments/appointmentLookup';
import type { BackendResult, Verified, VerifiedMember } from '../../services/member';
import type { Prescription, RefillOutcome } from '../../services/pharmacy/prescriptionLookup';
import type { DialogKit } from './kit';

/** Someone whose records the verified member may see: themselves, or a member they act for. */
export interface Subject {
  memberId: string;
  givenName: string;
  self: boolean;
}

/** `{ verified: false }`: nobody verified in this conversation, so nothing was asked of the back end. */
export type RecordAnswer<T> = Verified<BackendResult<T>>;

/**
 * The only way dialogs reach a member's records. Every call checks, for this turn, that the
 * conversation has a verified member (and that the record is theirs or one they have proxy access
 * to), passes an idempotency key for changes, and notes a disclosure for the audit log, written
 * when the reply that shows it is delivered.
 */
export interface MemberRecords {
  verifiedMember(context: TurnContext): Promise<VerifiedMember | null>;
  /** The verified member first, then the members they have proxy access to. */
  subjects(context: TurnContext): Promise<RecordAnswer<Subject[]>>;
  prescriptions(context: TurnContext, subjectId: string): Promise<RecordAnswer<Prescription[]>>;
  prescription(context: TurnContext, subjectId: string, rxNumber: string): Promise<RecordAnswer<Prescription | null>>;
  requestRefill(context: TurnContext, subjectId: string, prescriptionId: string): Promise<RecordAnswer<RefillOutcome>>;
  upcoming(context: TurnContext, subjectId: string): Promise<RecordAnswer<Appointment[]>>;
  freeSlots(context: TurnContext, query: SlotQuery): Promise<RecordAnswer<Slot[]>>;
  book(context: TurnContext, subjectId: string, slotId: string): Promise<RecordAnswer<Appointment>>;
  cancel(context: TurnContext, subjectId: string, appointmentId: string): Promise<RecordAnswer<{ cancelled: Appointment }>>;
}

/** No verification configured: nobody is ever verified (the dialogs explain and link). */
export const NO_RECORDS: MemberRecords = {
  verifiedMember: async () => null,
  subjects: async () => ({ verified: false }),
  prescriptions: async () => ({ verified: false }),
  prescription: async () => ({ verified: false }),
  requestRefill: async () => ({ verified: false }),
  upcoming: async () => ({ verified: false }),
  freeSlots: async () => ({ verified: false }),
  book: async () => ({ verified: false }),
  cancel: async () => ({ verified: false }),
};

/**
 * A records call that gave no data: if nobody is verified any more (the sign-in ended meanwhile),
 * say so with the sign-in link and end; otherwise the back end failed, which `unavailable` answers.
 */
export async function answerWithoutRecords(
  kit: DialogKit,
  step: WaterfallStepContext,
  answer: RecordAnswer<unknown>,
  unavailable: () => Promise<DialogTurnResult>,
): Promise<DialogTurnResult> {
  if (answer.verified) return unavailable();
  await kit.memory.noteSignInAsked(step.context);
  await kit.send(step.context, { text: kit.text(step.context, 'identity.ended'), links: [kit.link(step.context, 'signIn')] });
  return step.endDialog();
}
