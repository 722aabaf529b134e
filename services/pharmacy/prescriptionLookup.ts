import type { BackendResult } from '../member';

/**
 * A prescription's state, as the assistant explains it:
 * - pendingAuthorization: a renewal waits for the clinician;
 * - tooSoon: most of the last fill is still left (`nextFillDate` says when);
 * - readyForPickup: filled, waiting at the pharmacy;
 * - shipped: on its way by mail;
 * - inProgress: the pharmacy is filling it;
 * - noRefillsLeft: a new prescription is needed;
 * - refillable: can be refilled now.
 */
export const PRESCRIPTION_STATUSES = [
  'pendingAuthorization',
  'tooSoon',
  'readyForPickup',
  'shipped',
  'inProgress',
  'noRefillsLeft',
  'refillable',
] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];

export interface Prescription {
  /** The back end's id (FHIR MedicationRequest id). */
  id: string;
  /** The Rx number on the label (digits). */
  rxNumber: string;
  /** As the back end names it: "Lisinopril 10 mg tablet". */
  medication: string;
  status: PrescriptionStatus;
  /** Refills left on the prescription (null: unknown). */
  refillsLeft: number | null;
  /** Where it is picked up from or sent by. */
  pharmacy?: string;
  /** tooSoon: the first day it can be refilled (YYYY-MM-DD). */
  nextFillDate?: string;
  /** shipped: the carrier's tracking number. */
  tracking?: string;
}

export type RefillOutcome =
  | { kind: 'requested'; prescription: Prescription }
  /** The back end will not refill it now (too soon, no refills left, pending): why, as a status. */
  | { kind: 'notRefillable'; prescription: Prescription };

/**
 * The pharmacy back end, for a member whose identity is verified (the caller makes sure of that,
 * and that `memberId` is theirs or one they have proxy access to). Reads may be retried;
 * `requestRefill` is not a read: the idempotency key (the turn's activity and conversation) makes
 * a re-run of the same turn request the refill once.
 */
export interface PrescriptionLookup {
  list(memberId: string): Promise<BackendResult<Prescription[]>>;
  /** One prescription by the Rx number on its label; null: the member has none with that number. */
  status(memberId: string, rxNumber: string): Promise<BackendResult<Prescription | null>>;
  requestRefill(memberId: string, prescriptionId: string, idempotencyKey: string): Promise<BackendResult<RefillOutcome>>;
}

/** What can be refilled now. */
export const isRefillable = (p: Prescription) => p.status === 'refillable';
