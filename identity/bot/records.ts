import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { MemberRecords, RecordAnswer, Subject } from '../../dialogs/common/memberRecords';
import type { Appointment, AppointmentLookup, Slot, SlotQuery } from '../../services/appointments/appointmentLookup';
import type { RecordKind } from '../../services/audit/auditLog';
import { NOT_VERIFIED, ok, problem, type BackendResult, type MemberDirectory, type VerifiedMember } from '../../services/member';
import type { Prescription, PrescriptionLookup, RefillOutcome } from '../../services/pharmacy/prescriptionLookup';
import type { IdentitySessions } from './sessions';
import type { TurnAudit } from './turnAudit';

export interface RecordsDeps {
  sessions: IdentitySessions;
  directory: MemberDirectory;
  prescriptions: PrescriptionLookup;
  appointments: AppointmentLookup;
  audit: TurnAudit;
  clock: () => number;
}

/**
 * The gate between dialogs and the back ends (MemberRecords): nothing is asked of a back end
 * unless this conversation has a verified member, and only about their own record or one the
 * back end says they may act for (proxy access) — anything else looks like "not found". Every
 * answer that shows a record is noted for the audit log. Changes carry an idempotency key made
 * from the conversation, the activity and what is changed, so a turn that TurnGuard runs again
 * (its state save collided) books, cancels or refills once.
 */
export class GatedMemberRecords implements MemberRecords {
  constructor(private readonly deps: RecordsDeps) {}

  verifiedMember(context: TurnContext): Promise<VerifiedMember | null> {
    return this.deps.sessions.current(context);
  }

  async subjects(context: TurnContext): Promise<RecordAnswer<Subject[]>> {
    const member = await this.deps.sessions.current(context);
    if (!member) return NOT_VERIFIED;
    const profile = await this.deps.directory.get(member.memberId);
    if (!profile.ok) return { verified: true, value: profile };
    const self: Subject = { memberId: member.memberId, givenName: profile.value?.givenName ?? '', self: true };
    const others = (profile.value?.proxyFor ?? []).map((p) => ({ memberId: p.memberId, givenName: p.givenName, self: false }));
    return { verified: true, value: ok([self, ...others]) };
  }

  prescriptions(context: TurnContext, subjectId: string): Promise<RecordAnswer<Prescription[]>> {
    return this.read(context, subjectId, 'prescriptions', 'read', () => this.deps.prescriptions.list(subjectId), (list) => list.length);
  }

  prescription(context: TurnContext, subjectId: string, rxNumber: string): Promise<RecordAnswer<Prescription | null>> {
    return this.read(context, subjectId, 'prescriptions', 'read', () => this.deps.prescriptions.status(subjectId, rxNumber), (p) => (p ? 1 : 0));
  }

  requestRefill(context: TurnContext, subjectId: string, prescriptionId: string): Promise<RecordAnswer<RefillOutcome>> {
    return this.read(context, subjectId, 'refillRequest', 'create', () => this.deps.prescriptions.requestRefill(subjectId, prescriptionId, this.key(context, `refill|${prescriptionId}`)), () => 1);
  }

  upcoming(context: TurnContext, subjectId: string): Promise<RecordAnswer<Appointment[]>> {
    const from = new Date(this.deps.clock()).toISOString();
    return this.read(context, subjectId, 'appointments', 'read', () => this.deps.appointments.upcoming(subjectId, from), (list) => list.length);
  }

  async freeSlots(context: TurnContext, query: SlotQuery): Promise<RecordAnswer<Slot[]>> {
    // Open times are nobody's record, but only a verified member books them.
    if (!(await this.deps.sessions.current(context))) return NOT_VERIFIED;
    return { verified: true, value: await this.deps.appointments.freeSlots(query) };
  }

  book(context: TurnContext, subjectId: string, slotId: string): Promise<RecordAnswer<Appointment>> {
    return this.read(context, subjectId, 'appointmentBooking', 'create', () => this.deps.appointments.book(subjectId, slotId, this.key(context, `book|${slotId}`)), () => 1);
  }

  cancel(context: TurnContext, subjectId: string, appointmentId: string): Promise<RecordAnswer<{ cancelled: Appointment }>> {
    return this.read(
      context,
      subjectId,
      'appointmentCancellation',
      'cancel',
      () => this.deps.appointments.cancel(subjectId, appointmentId, this.key(context, `cancel|${appointmentId}`)),
      () => 1,
    );
  }

  /** Checks who asks and for whom, asks the back end, and notes the disclosure. */
  private async read<T>(
    context: TurnContext,
    subjectId: string,
    record: RecordKind,
    action: 'read' | 'create' | 'cancel',
    call: () => Promise<BackendResult<T>>,
    count: (value: T) => number,
  ): Promise<RecordAnswer<T>> {
    const member = await this.deps.sessions.current(context);
    if (!member) return NOT_VERIFIED;
    if (!(await this.mayAccess(member, subjectId))) return { verified: true, value: problem('notFound') };
    const result = await call();
    if (result.ok) {
      this.deps.audit.disclosed(context, { event: 'phi.disclosure', actor: member.memberId, subject: subjectId, record, action, count: count(result.value) }, member.method);
    }
    return { verified: true, value: result };
  }

  private async mayAccess(member: VerifiedMember, subjectId: string): Promise<boolean> {
    if (subjectId === member.memberId) return true;
    const profile = await this.deps.directory.get(member.memberId);
    return profile.ok && Boolean(profile.value?.proxyFor.some((p) => p.memberId === subjectId));
  }

  /** Same turn, same change → same key (a re-run), whatever the store or instance. */
  private key(context: TurnContext, purpose: string): string {
    const { conversation, id, timestamp } = context.activity;
    const turn = id ?? (timestamp ? new Date(timestamp).toISOString() : '');
    return createHash('sha256').update(`${conversation?.id ?? ''}\u0000${turn}\u0000${purpose}`).digest('base64url').slice(0, 32);
  }
}
