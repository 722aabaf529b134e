import { z } from 'zod';

/**
 * The parts of FHIR R4 resources the assistant reads, validated with zod (every other field is
 * allowed and ignored). A response that does not fit is treated as the back end being unwell:
 * the member gets the portal link, never a half-understood record.
 */

const dateTime = z.string().regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/, { error: 'expected a FHIR dateTime' });
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, { error: 'expected a FHIR instant' });

export const reference = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });
export const coding = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
export const codeableConcept = z.looseObject({ coding: z.array(coding).optional(), text: z.string().optional() });
export const identifier = z.looseObject({ system: z.string().optional(), value: z.string().optional(), type: codeableConcept.optional() });
const quantity = z.looseObject({ value: z.number().optional(), unit: z.string().optional(), code: z.string().optional() });
const meta = z.looseObject({ versionId: z.string().optional() }).optional();
const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, { error: 'expected a FHIR id' });

export const medicationRequestSchema = z.looseObject({
  resourceType: z.literal('MedicationRequest'),
  id,
  status: z.enum(['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown']),
  intent: z.string(),
  identifier: z.array(identifier).optional(),
  medicationCodeableConcept: codeableConcept.optional(),
  medicationReference: reference.optional(),
  subject: reference,
  dispenseRequest: z
    .looseObject({
      numberOfRepeatsAllowed: z.int().min(0).optional(),
      expectedSupplyDuration: quantity.optional(),
      performer: reference.optional(),
    })
    .optional(),
});
export type MedicationRequest = z.infer<typeof medicationRequestSchema>;

export const medicationDispenseSchema = z.looseObject({
  resourceType: z.literal('MedicationDispense'),
  id,
  status: z.enum(['preparation', 'in-progress', 'cancelled', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'declined', 'unknown']),
  authorizingPrescription: z.array(reference).optional(),
  daysSupply: quantity.optional(),
  whenPrepared: dateTime.optional(),
  whenHandedOver: dateTime.optional(),
  destination: reference.optional(),
  location: reference.optional(),
  performer: z.array(z.looseObject({ actor: reference })).optional(),
});
export type MedicationDispense = z.infer<typeof medicationDispenseSchema>;

const participant = z.looseObject({ actor: reference.optional(), status: z.string().optional() });

export const appointmentSchema = z.looseObject({
  resourceType: z.literal('Appointment'),
  id,
  meta,
  status: z.enum(['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist']),
  start: instant.optional(),
  end: instant.optional(),
  description: z.string().optional(),
  appointmentType: codeableConcept.optional(),
  serviceType: z.array(codeableConcept).optional(),
  serviceCategory: z.array(codeableConcept).optional(),
  participant: z.array(participant).min(1),
  slot: z.array(reference).optional(),
});
export type AppointmentResource = z.infer<typeof appointmentSchema>;

export const slotSchema = z.looseObject({
  resourceType: z.literal('Slot'),
  id,
  status: z.enum(['busy', 'free', 'busy-unavailable', 'busy-tentative', 'entered-in-error']),
  start: instant,
  end: instant,
  schedule: reference,
  serviceType: z.array(codeableConcept).optional(),
  appointmentType: codeableConcept.optional(),
});
export type SlotResource = z.infer<typeof slotSchema>;

export const scheduleSchema = z.looseObject({
  resourceType: z.literal('Schedule'),
  id,
  actor: z.array(reference).min(1),
  serviceType: z.array(codeableConcept).optional(),
});
export type ScheduleResource = z.infer<typeof scheduleSchema>;

export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id,
  active: z.boolean().optional(),
  name: z.array(z.looseObject({ given: z.array(z.string()).optional(), text: z.string().optional(), use: z.string().optional() })).optional(),
  telecom: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional(), use: z.string().optional() })).optional(),
});
export type PatientResource = z.infer<typeof patientSchema>;

/** Any resource: validated by type when the caller reads it. */
export const anyResource = z.looseObject({ resourceType: z.string(), id: id.optional() });

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  total: z.int().min(0).optional(),
  link: z.array(z.looseObject({ relation: z.string(), url: z.string() })).optional(),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: anyResource.optional(),
        search: z.looseObject({ mode: z.enum(['match', 'include', 'outcome']).optional() }).optional(),
      }),
    )
    .optional(),
});
export type Bundle = z.infer<typeof bundleSchema>;

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', { error: 'expected a bearer token' }),
  expires_in: z.coerce.number().int().min(1).optional(),
});
