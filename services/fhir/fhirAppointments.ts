import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { fromRoot } from '../../common/paths';
import { CARE_KINDS, type Appointment, type AppointmentLookup, type CareKind, type Slot, type SlotQuery, type VisitMode } from '../appointments/appointmentLookup';
import { ok, problem, type BackendResult } from '../member';
import type { FhirClient } from './client';
import { displayOf, guarded } from './guard';
import { IDEMPOTENCY_SYSTEM } from './fhirPharmacy';
import { appointmentSchema, scheduleSchema, slotSchema, type AppointmentResource, type ScheduleResource, type SlotResource } from './schemas';

const careCodesSchema = z.strictObject({
  $comment: z.string().optional(),
  system: z.string().min(1),
  codes: z.strictObject(Object.fromEntries(CARE_KINDS.map((k) => [k, z.string().min(1)])) as Record<CareKind, z.ZodString>),
});
export type CareCodes = z.infer<typeof careCodesSchema>;

export class CareCodesError extends StartupError {}

export function loadCareCodes(file = fromRoot('services', 'fhir', 'care-codes.json')): CareCodes {
  try {
    return careCodesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    const detail = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
    throw new CareCodesError(`FHIR care codes ${file} are invalid: ${detail}`);
  }
}

type Concept = { coding?: Array<{ code?: string; system?: string; display?: string }>; text?: string };

/** Video when a coding is v3 ActCode VR (virtual) or the text says video / virtual; phone likewise; else in person. */
export function modeOf(concepts: Array<Concept | undefined>): VisitMode {
  const words = concepts.flatMap((c) => [c?.text ?? '', ...(c?.coding ?? []).flatMap((x) => [x.code ?? '', x.display ?? ''])]).join(' ');
  if (/\bVR\b|video|virtual|telehealth/i.test(words)) return 'video';
  if (/phone|telephone/i.test(words)) return 'phone';
  return 'inPerson';
}

/**
 * Appointments from a FHIR R4 server: the member's booked Appointments, free Slots (with their
 * Schedule, for the clinician and place) for a kind of care (care-codes.json), booking (POST
 * Appointment for the slot, conditional on the idempotency key) and cancelling (PUT with
 * status `cancelled`, If-Match the version read). A slot that is no longer free, or a version
 * changed meanwhile, is a `conflict`.
 */
export class FhirAppointments implements AppointmentLookup {
  constructor(
    private readonly client: FhirClient,
    private readonly deps: { logger: Logger; careCodes: CareCodes },
  ) {}

  upcoming(memberId: string, from: string): Promise<BackendResult<Appointment[]>> {
    return guarded(this.deps.logger, 'appointments.upcoming', async () => {
      const found = await this.client.search(
        'Appointment',
        { patient: `Patient/${memberId}`, date: `ge${from}`, status: 'booked,pending,arrived,checked-in', _sort: 'date', _count: '20' },
        appointmentSchema,
      );
      return ok(
        found.matches
          .filter((a) => a.start && Date.parse(a.start) >= Date.parse(from) && isParticipant(a, memberId))
          .sort((a, b) => Date.parse(a.start!) - Date.parse(b.start!))
          .map(toAppointment),
      );
    });
  }

  freeSlots(query: SlotQuery): Promise<BackendResult<Slot[]>> {
    return guarded(this.deps.logger, 'appointments.freeSlots', async () => {
      const { system, codes } = this.deps.careCodes;
      const found = await this.client.search(
        'Slot',
        {
          status: 'free',
          start: [`ge${query.from}`, `lt${query.to}`],
          'service-type': `${system}|${codes[query.care]}`,
          _include: 'Slot:schedule',
          _sort: 'start',
          _count: String(Math.min(100, query.limit * 4)),
        },
        slotSchema,
      );
      const slots = found.matches
        .filter((s) => s.status === 'free')
        .map((s) => toSlot(s, schedulesOf(found.included, s), query.care))
        .filter((s) => !query.mode || s.mode === query.mode)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      return ok(slots.slice(0, query.limit));
    });
  }

  book(memberId: string, slotId: string, idempotencyKey: string): Promise<BackendResult<Appointment>> {
    return guarded(this.deps.logger, 'appointments.book', async () => {
      const slot = await this.client.read('Slot', slotId, slotSchema);
      if (slot.status !== 'free') return problem('conflict');
      const schedule = await this.client.read('Schedule', idOf(slot.schedule.reference, 'Schedule'), scheduleSchema).catch(() => undefined);
      const created = await this.client.create(
        'Appointment',
        {
          resourceType: 'Appointment',
          identifier: [{ system: IDEMPOTENCY_SYSTEM, value: idempotencyKey }],
          status: 'booked',
          start: slot.start,
          end: slot.end,
          slot: [{ reference: `Slot/${slot.id}` }],
          ...(slot.serviceType ? { serviceType: slot.serviceType } : {}),
          ...(slot.appointmentType ? { appointmentType: slot.appointmentType } : {}),
          participant: [
            { actor: { reference: `Patient/${memberId}` }, status: 'accepted', required: 'required' },
            ...(schedule?.actor ?? []).map((actor) => ({ actor, status: 'accepted' })),
          ],
        },
        `identifier=${encodeURIComponent(`${IDEMPOTENCY_SYSTEM}|${idempotencyKey}`)}`,
      );
      const parsed = appointmentSchema.safeParse(created);
      if (parsed.success) return ok(toAppointment(parsed.data));
      // Created, but the server did not return it: describe it from the slot.
      return ok({ ...toSlot(slot, schedule ? [schedule] : [], 'primary'), id: `Slot/${slot.id}` });
    });
  }

  cancel(memberId: string, appointmentId: string, idempotencyKey: string): Promise<BackendResult<{ cancelled: Appointment }>> {
    void idempotencyKey; // PUT of the cancelled state is idempotent by itself
    return guarded(this.deps.logger, 'appointments.cancel', async () => {
      const current = await this.client.read('Appointment', appointmentId, appointmentSchema);
      if (!isParticipant(current, memberId)) return problem('notFound');
      if (current.status !== 'cancelled') {
        const { meta: _meta, ...resource } = current;
        await this.client.update(
          'Appointment',
          appointmentId,
          { ...resource, status: 'cancelled', cancelationReason: { text: 'Cancelled by the member through the member assistant' } },
          current.meta?.versionId ? `W/"${current.meta.versionId}"` : undefined,
        );
      }
      return ok({ cancelled: toAppointment(current) });
    });
  }
}

function isParticipant(appointment: AppointmentResource, memberId: string): boolean {
  return appointment.participant.some((p) => p.actor?.reference === `Patient/${memberId}`);
}

function idOf(reference: string | undefined, type: string): string {
  const match = new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(reference ?? '');
  return match?.[1] ?? '';
}

function schedulesOf(included: Map<string, unknown>, slot: SlotResource): ScheduleResource[] {
  const schedule = scheduleSchema.safeParse(included.get(`Schedule/${idOf(slot.schedule.reference, 'Schedule')}`));
  return schedule.success ? [schedule.data] : [];
}

function toAppointment(a: AppointmentResource): Appointment {
  const actors = a.participant.map((p) => p.actor);
  const clinician = displayOf(actors, 'Practitioner');
  const location = displayOf(actors, 'Location');
  const description = a.serviceType?.[0]?.text ?? a.appointmentType?.text ?? a.description;
  return {
    id: a.id,
    start: a.start!,
    ...(a.end ? { end: a.end } : {}),
    mode: modeOf([a.appointmentType, ...(a.serviceType ?? []), ...(a.serviceCategory ?? [])]),
    ...(description ? { description } : {}),
    ...(clinician ? { clinician } : {}),
    ...(location ? { location } : {}),
  };
}

function toSlot(s: SlotResource, schedules: ScheduleResource[], care: CareKind): Slot {
  const actors = schedules.flatMap((sc) => sc.actor);
  const clinician = displayOf(actors, 'Practitioner');
  const location = displayOf(actors, 'Location');
  return {
    id: s.id,
    start: s.start,
    end: s.end,
    care,
    mode: modeOf([s.appointmentType, ...(s.serviceType ?? [])]),
    ...(clinician ? { clinician } : {}),
    ...(location ? { location } : {}),
  };
}
