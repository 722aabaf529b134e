import type { Appointment, AppointmentLookup, CareKind, Slot, SlotQuery } from '../appointments/appointmentLookup';
import { normalizePhone, ok, problem, type BackendResult, type MemberDirectory, type MemberProfile } from '../member';
import type { Prescription, PrescriptionLookup, RefillOutcome } from '../pharmacy/prescriptionLookup';
import { addDays, zonedDate, zonedTime } from '../time';
import { loadSampleData, type SampleData } from './sampleData';

type SampleMember = SampleData['members'][number];

interface MemberRecords {
  member: SampleMember;
  prescriptions: Prescription[];
  appointments: Appointment[];
}

/**
 * The embedded default back end: the synthetic members of services/sample/members.json, in
 * memory (changes — refills, bookings, cancellations — last until the assistant restarts).
 * Implements the directory, the pharmacy and the scheduling ports. Non-read calls honour their
 * idempotency key: the same key gets the same answer and acts once.
 */
export class SampleBackend implements MemberDirectory, PrescriptionLookup, AppointmentLookup {
  private readonly records = new Map<string, MemberRecords>();
  private readonly done = new Map<string, BackendResult<unknown>>();
  /** Slot instants taken (clinician|start), by bookings made here. */
  private readonly taken = new Set<string>();
  private readonly timeZone: string;

  constructor(
    private readonly data: SampleData = loadSampleData(),
    private readonly clock: () => number = Date.now,
  ) {
    this.timeZone = data.timeZone;
    const today = zonedDate(new Date(clock()), this.timeZone);
    for (const member of data.members) {
      this.records.set(member.memberId, {
        member,
        prescriptions: member.prescriptions.map(({ nextFillInDays, ...p }) => ({
          ...p,
          ...(nextFillInDays ? { nextFillDate: addDays(today, nextFillInDays) } : {}),
        })),
        appointments: member.appointments.map((a) => {
          const start = zonedTime(addDays(today, a.inDays), a.at, this.timeZone);
          return {
            id: a.id,
            start: start.toISOString(),
            end: new Date(start.getTime() + a.minutes * 60_000).toISOString(),
            mode: a.mode,
            ...(a.description ? { description: a.description } : {}),
            ...(a.clinician ? { clinician: a.clinician } : {}),
            ...(a.location ? { location: a.location } : {}),
          };
        }),
      });
    }
  }

  // --- directory ----------------------------------------------------------------------------

  private profile(member: SampleMember): MemberProfile {
    return {
      memberId: member.memberId,
      givenName: member.givenName,
      ...(member.phone ? { phone: member.phone } : {}),
      proxyFor: member.proxyFor.map((id) => ({ memberId: id, givenName: this.records.get(id)!.member.givenName })),
    };
  }

  async get(memberId: string): Promise<BackendResult<MemberProfile | null>> {
    const found = this.records.get(memberId);
    return ok(found ? this.profile(found.member) : null);
  }

  async findByPhone(phone: string): Promise<BackendResult<MemberProfile | null>> {
    const wanted = normalizePhone(phone);
    const found = this.data.members.find((m) => m.phone && m.phone === wanted);
    return ok(found ? this.profile(found) : null);
  }

  async findByTeamsUser(aadObjectId: string): Promise<BackendResult<MemberProfile | null>> {
    const wanted = aadObjectId.toLowerCase();
    const found = this.data.members.find((m) => m.teamsObjectIds.some((id) => id.toLowerCase() === wanted));
    return ok(found ? this.profile(found) : null);
  }

  /** The sample members, for the demo portal's sign-in page. */
  members(): Array<{ memberId: string; name: string }> {
    return this.data.members.map((m) => ({ memberId: m.memberId, name: `${m.givenName} ${m.familyName}` }));
  }

  // --- pharmacy -----------------------------------------------------------------------------

  async list(memberId: string): Promise<BackendResult<Prescription[]>> {
    const found = this.records.get(memberId);
    return found ? ok(found.prescriptions.map((p) => ({ ...p }))) : problem('notFound');
  }

  async status(memberId: string, rxNumber: string): Promise<BackendResult<Prescription | null>> {
    const found = this.records.get(memberId);
    if (!found) return problem('notFound');
    const digits = rxNumber.replace(/\D/g, '');
    const prescription = found.prescriptions.find((p) => p.rxNumber === digits);
    return ok(prescription ? { ...prescription } : null);
  }

  async requestRefill(memberId: string, prescriptionId: string, idempotencyKey: string): Promise<BackendResult<RefillOutcome>> {
    return this.once(`refill|${idempotencyKey}`, () => {
      const prescription = this.records.get(memberId)?.prescriptions.find((p) => p.id === prescriptionId);
      if (!prescription) return problem('notFound');
      if (prescription.status !== 'refillable') return ok({ kind: 'notRefillable', prescription: { ...prescription } });
      prescription.status = 'inProgress';
      if (prescription.refillsLeft !== null) prescription.refillsLeft = Math.max(0, prescription.refillsLeft - 1);
      return ok({ kind: 'requested', prescription: { ...prescription } });
    });
  }

  // --- appointments -------------------------------------------------------------------------

  async upcoming(memberId: string, from: string): Promise<BackendResult<Appointment[]>> {
    const found = this.records.get(memberId);
    if (!found) return problem('notFound');
    const since = Date.parse(from);
    return ok(
      found.appointments
        .filter((a) => Date.parse(a.start) >= since)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
        .map((a) => ({ ...a })),
    );
  }

  async freeSlots(query: SlotQuery): Promise<BackendResult<Slot[]>> {
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const slots = this.allSlots().filter(
      (s) => s.care === query.care && (!query.mode || s.mode === query.mode) && Date.parse(s.start) >= from && Date.parse(s.start) < to,
    );
    return ok(slots.slice(0, query.limit));
  }

  async book(memberId: string, slotId: string, idempotencyKey: string): Promise<BackendResult<Appointment>> {
    return this.once(`book|${idempotencyKey}`, () => {
      const found = this.records.get(memberId);
      if (!found) return problem('notFound');
      const slot = this.allSlots().find((s) => s.id === slotId);
      if (!slot) return problem('conflict');
      this.taken.add(`${slot.clinician}|${slot.start}`);
      const appointment: Appointment = {
        id: `appt-${memberId}-${found.appointments.length + 1}-${Date.parse(slot.start)}`,
        start: slot.start,
        ...(slot.end ? { end: slot.end } : {}),
        mode: slot.mode,
        description: careDescription(slot.care),
        ...(slot.clinician ? { clinician: slot.clinician } : {}),
        ...(slot.location && slot.mode === 'inPerson' ? { location: slot.location } : {}),
      };
      found.appointments.push(appointment);
      return ok({ ...appointment });
    });
  }

  async cancel(memberId: string, appointmentId: string, idempotencyKey: string): Promise<BackendResult<{ cancelled: Appointment }>> {
    return this.once(`cancel|${idempotencyKey}`, () => {
      const found = this.records.get(memberId);
      const index = found?.appointments.findIndex((a) => a.id === appointmentId) ?? -1;
      if (!found || index < 0) return problem('notFound');
      const [cancelled] = found.appointments.splice(index, 1);
      if (cancelled!.clinician) this.taken.delete(`${cancelled!.clinician}|${cancelled!.start}`);
      return ok({ cancelled: cancelled! });
    });
  }

  /** Free slots from tomorrow on: every clinician, at the schedule's times, for each care and mode they offer. */
  private allSlots(): Slot[] {
    const { schedule } = this.data;
    const today = zonedDate(new Date(this.clock()), this.timeZone);
    const booked = new Set([...this.taken, ...[...this.records.values()].flatMap((r) => r.appointments.map((a) => `${a.clinician}|${a.start}`))]);
    const slots: Slot[] = [];
    for (let day = 1; day <= schedule.days; day++) {
      const date = addDays(today, day);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const time of schedule.times) {
        const start = zonedTime(date, time, this.timeZone);
        const end = new Date(start.getTime() + schedule.minutes * 60_000);
        schedule.clinicians.forEach((clinician, index) => {
          if (booked.has(`${clinician.name}|${start.toISOString()}`)) return;
          for (const care of clinician.care) {
            for (const mode of clinician.modes) {
              slots.push({
                id: `slot-${index}-${date}-${time.replace(':', '')}-${care}-${mode}`,
                start: start.toISOString(),
                end: end.toISOString(),
                care,
                mode,
                clinician: clinician.name,
                location: clinician.location,
              });
            }
          }
        });
      }
    }
    return slots;
  }

  private once<T>(key: string, act: () => BackendResult<T>): BackendResult<T> {
    const previous = this.done.get(key) as BackendResult<T> | undefined;
    if (previous) return previous;
    const result = act();
    if (result.ok) this.done.set(key, result);
    return result;
  }
}

const CARE_NAMES: Record<CareKind, string> = {
  primary: 'Primary care',
  specialty: 'Specialty care',
  mentalHealth: 'Mental health',
  urgent: 'Same-day care',
  vaccines: 'Vaccines',
  tests: 'Tests and labs',
};
const careDescription = (care: CareKind) => CARE_NAMES[care];

