import type { Logger } from '../../common/logger';
import { ok, problem, type BackendResult } from '../member';
import type { Prescription, PrescriptionLookup, PrescriptionStatus, RefillOutcome } from '../pharmacy/prescriptionLookup';
import { addDays } from '../time';
import type { FhirClient } from './client';
import { guarded } from './guard';
import { medicationDispenseSchema, medicationRequestSchema, type MedicationDispense, type MedicationRequest } from './schemas';

export const IDEMPOTENCY_SYSTEM = 'urn:member-assistant:idempotency-key';
const DAY = 86_400_000;
/** A fill may be refilled once this share of its days' supply has passed (a common pharmacy rule). */
const REFILL_AT_SHARE = 0.75;
/** A mail-order fill handed to the carrier this many days ago or less is "shipped". */
const SHIPPED_DAYS = 10;

/**
 * Prescriptions from a FHIR R4 server: MedicationRequest (the prescription: medicine, Rx number,
 * refills allowed) and MedicationDispense (each fill: where, when prepared, handed over or
 * shipped, days' supply). How the status is derived, first match wins:
 *
 * | status               | from |
 * |----------------------|------|
 * | pendingAuthorization | MedicationRequest.status `draft` or `on-hold` (a renewal the clinician has not signed) |
 * | inProgress           | latest dispense `preparation`, or `in-progress` not yet prepared |
 * | readyForPickup       | latest dispense `in-progress` with `whenPrepared`, not handed over |
 * | shipped              | latest dispense `completed` with a `destination`, handed over ≤ 10 days ago |
 * | noRefillsLeft        | `numberOfRepeatsAllowed` minus the completed refills (fills after the first) is 0 |
 * | tooSoon              | last handed over + 75% of its `daysSupply` is after today (`nextFillDate`) |
 * | refillable           | otherwise |
 *
 * The Rx number is the MedicationRequest identifier typed "Rx" (or whose system mentions rx),
 * else the first all-digit identifier. A refill request is a Task (`code` fulfill, `focus` the
 * MedicationRequest) created with If-None-Exist on the idempotency key, for the pharmacy's
 * workflow to pick up.
 */
export class FhirPharmacy implements PrescriptionLookup {
  constructor(
    private readonly client: FhirClient,
    private readonly deps: { logger: Logger; clock: () => number },
  ) {}

  list(memberId: string): Promise<BackendResult<Prescription[]>> {
    return guarded(this.deps.logger, 'prescriptions.list', async () => ok(await this.load(memberId)));
  }

  status(memberId: string, rxNumber: string): Promise<BackendResult<Prescription | null>> {
    return guarded(this.deps.logger, 'prescriptions.status', async () => {
      const digits = rxNumber.replace(/\D/g, '');
      return ok((await this.load(memberId)).find((p) => p.rxNumber === digits) ?? null);
    });
  }

  requestRefill(memberId: string, prescriptionId: string, idempotencyKey: string): Promise<BackendResult<RefillOutcome>> {
    return guarded(this.deps.logger, 'prescriptions.refill', async () => {
      const prescription = (await this.load(memberId)).find((p) => p.id === prescriptionId);
      if (!prescription) return problem('notFound');
      if (prescription.status !== 'refillable') return ok({ kind: 'notRefillable', prescription });
      await this.client.create(
        'Task',
        {
          resourceType: 'Task',
          identifier: [{ system: IDEMPOTENCY_SYSTEM, value: idempotencyKey }],
          status: 'requested',
          intent: 'order',
          priority: 'routine',
          code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }], text: 'Refill request' },
          focus: { reference: `MedicationRequest/${prescriptionId}` },
          for: { reference: `Patient/${memberId}` },
          authoredOn: new Date(this.deps.clock()).toISOString(),
          description: 'Refill requested by the member through the member assistant',
        },
        `identifier=${encodeURIComponent(`${IDEMPOTENCY_SYSTEM}|${idempotencyKey}`)}`,
      );
      return ok({
        kind: 'requested',
        prescription: { ...prescription, status: 'inProgress', refillsLeft: prescription.refillsLeft === null ? null : Math.max(0, prescription.refillsLeft - 1) },
      });
    });
  }

  private async load(memberId: string): Promise<Prescription[]> {
    const patient = `Patient/${memberId}`;
    const [requests, dispenses] = await Promise.all([
      this.client.search('MedicationRequest', { patient, status: 'active,on-hold,draft', intent: 'order', _count: '50' }, medicationRequestSchema),
      this.client.search('MedicationDispense', { patient, _count: '100' }, medicationDispenseSchema),
    ]);
    const today = new Date(this.deps.clock()).toISOString().slice(0, 10);
    return requests.matches.map((request) => this.toPrescription(request, dispenses.matches.filter((d) => authorizedBy(d, request.id)), today));
  }

  private toPrescription(request: MedicationRequest, dispenses: MedicationDispense[], today: string): Prescription {
    const fills = [...dispenses].sort((a, b) => timeOf(b) - timeOf(a));
    const latest = fills[0];
    const completed = fills.filter((d) => d.status === 'completed');
    const allowed = request.dispenseRequest?.numberOfRepeatsAllowed;
    const refillsLeft = allowed === undefined ? null : Math.max(0, allowed - Math.max(0, completed.length - 1));
    const pharmacy = latest?.performer?.[0]?.actor.display ?? latest?.location?.display ?? request.dispenseRequest?.performer?.display;
    let status: PrescriptionStatus;
    let nextFillDate: string | undefined;
    const lastHanded = completed.find((d) => d.whenHandedOver);
    if (request.status === 'draft' || request.status === 'on-hold') status = 'pendingAuthorization';
    else if (latest && (latest.status === 'preparation' || (latest.status === 'in-progress' && !latest.whenPrepared))) status = 'inProgress';
    else if (latest?.status === 'in-progress' && latest.whenPrepared && !latest.whenHandedOver) status = 'readyForPickup';
    else if (latest?.status === 'completed' && latest.destination && latest.whenHandedOver && Date.parse(today) - Date.parse(latest.whenHandedOver.slice(0, 10)) <= SHIPPED_DAYS * DAY) {
      status = 'shipped';
    } else if (refillsLeft === 0 && completed.length > 0) status = 'noRefillsLeft';
    else if (lastHanded?.whenHandedOver && lastHanded.daysSupply?.value) {
      const next = addDays(lastHanded.whenHandedOver.slice(0, 10), Math.ceil(lastHanded.daysSupply.value * REFILL_AT_SHARE));
      if (next > today) {
        status = 'tooSoon';
        nextFillDate = next;
      } else status = 'refillable';
    } else status = 'refillable';
    return {
      id: request.id,
      rxNumber: rxNumberOf(request),
      medication: request.medicationCodeableConcept?.text ?? request.medicationCodeableConcept?.coding?.[0]?.display ?? request.medicationReference?.display ?? 'Prescription',
      status,
      refillsLeft,
      ...(pharmacy ? { pharmacy } : {}),
      ...(nextFillDate ? { nextFillDate } : {}),
    };
  }
}

function authorizedBy(dispense: MedicationDispense, requestId: string): boolean {
  return (dispense.authorizingPrescription ?? []).some((r) => r.reference === `MedicationRequest/${requestId}` || r.reference?.endsWith(`/MedicationRequest/${requestId}`));
}

function timeOf(d: MedicationDispense): number {
  return Date.parse(d.whenHandedOver ?? d.whenPrepared ?? '') || 0;
}

function rxNumberOf(request: MedicationRequest): string {
  const ids = request.identifier ?? [];
  const typed = ids.find((i) => /\brx\b|prescription/i.test(`${i.type?.text ?? ''} ${i.type?.coding?.map((c) => c.code).join(' ') ?? ''} ${i.system ?? ''}`));
  const digits = (typed ?? ids.find((i) => /^\d[\d-]*$/.test(i.value ?? '')))?.value?.replace(/\D/g, '');
  return digits || request.id.replace(/\D/g, '');
}
