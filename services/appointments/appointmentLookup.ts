import type { BackendResult } from '../member';

/** The kinds of care and visit modes the appointment dialog asks about (options in responses/). */
export const CARE_KINDS = ['primary', 'specialty', 'mentalHealth', 'urgent', 'vaccines', 'tests'] as const;
export type CareKind = (typeof CARE_KINDS)[number];
export const VISIT_MODES = ['inPerson', 'video', 'phone'] as const;
export type VisitMode = (typeof VISIT_MODES)[number];
/** Care given only at a clinic (a blood draw, an x-ray, a shot): never offered by video or phone. */
export const IN_PERSON_ONLY: readonly CareKind[] = ['vaccines', 'tests'];

export interface Appointment {
  id: string;
  /** ISO 8601 instant. */
  start: string;
  end?: string;
  mode: VisitMode;
  /** What it is for, as the back end names it ("Primary care", "Flu shot"). */
  description?: string;
  clinician?: string;
  location?: string;
}

/** A free time that can be booked. */
export interface Slot {
  id: string;
  start: string;
  end?: string;
  care: CareKind;
  mode: VisitMode;
  clinician?: string;
  location?: string;
}

export interface SlotQuery {
  care: CareKind;
  /** Only slots for this mode (unset: any). */
  mode?: VisitMode;
  /** ISO instants: the window to search. */
  from: string;
  to: string;
  limit: number;
}

/**
 * The scheduling back end, for a verified member (the caller makes sure of that). `book` and
 * `cancel` are not reads: the idempotency key makes a re-run of the same turn act once.
 * `book` answers `conflict` when the slot was taken meanwhile.
 */
export interface AppointmentLookup {
  /** Booked appointments from `from` (ISO instant) on, soonest first. */
  upcoming(memberId: string, from: string): Promise<BackendResult<Appointment[]>>;
  freeSlots(query: SlotQuery): Promise<BackendResult<Slot[]>>;
  book(memberId: string, slotId: string, idempotencyKey: string): Promise<BackendResult<Appointment>>;
  cancel(memberId: string, appointmentId: string, idempotencyKey: string): Promise<BackendResult<{ cancelled: Appointment }>>;
}
