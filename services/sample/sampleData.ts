import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { CARE_KINDS, VISIT_MODES } from '../appointments/appointmentLookup';
import { PRESCRIPTION_STATUSES } from '../pharmacy/prescriptionLookup';
import { isTimeZone } from '../../common/timeZone';

/**
 * The synthetic members of the embedded default (services/sample/members.json): a few members
 * with prescriptions in every status and upcoming appointments, so a new user can try every path.
 * Dates are relative to "today" so that there is always something upcoming.
 */

const memberId = z.string().regex(/^[A-Za-z0-9-]{3,64}$/, { error: 'expected a member id (letters, digits, dashes)' });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time HH:MM' });

const prescription = z.strictObject({
  id: z.string().min(1),
  rxNumber: z.string().regex(/^\d{4,20}$/),
  medication: z.string().min(1),
  status: z.enum(PRESCRIPTION_STATUSES),
  refillsLeft: z.int().min(0).nullable(),
  pharmacy: z.string().min(1).optional(),
  nextFillInDays: z.int().min(1).optional(),
  tracking: z.string().min(1).optional(),
});

const appointment = z.strictObject({
  id: z.string().min(1),
  inDays: z.int().min(0).max(365),
  at: clock,
  minutes: z.int().min(5).max(480),
  mode: z.enum(VISIT_MODES),
  description: z.string().min(1).optional(),
  clinician: z.string().min(1).optional(),
  location: z.string().min(1).optional(),
});

export const sampleDataSchema = z
  .strictObject({
    $comment: z.string().optional(),
    timeZone: z.string().refine(isTimeZone, { error: 'expected an IANA time zone such as America/Los_Angeles' }),
    members: z
      .array(
        z.strictObject({
          memberId,
          givenName: z.string().min(1),
          familyName: z.string().min(1),
          phone: z.string().regex(/^\+\d{8,15}$/, { error: 'expected an E.164 phone number such as +15035550101' }).optional(),
          teamsObjectIds: z.array(z.string().min(1)).default([]),
          proxyFor: z.array(memberId).default([]),
          prescriptions: z.array(prescription),
          appointments: z.array(appointment),
        }),
      )
      .min(1),
    schedule: z.strictObject({
      days: z.int().min(1).max(60),
      times: z.array(clock).min(1),
      minutes: z.int().min(5).max(240),
      clinicians: z.array(
        z.strictObject({
          name: z.string().min(1),
          location: z.string().min(1),
          care: z.array(z.enum(CARE_KINDS)).min(1),
          modes: z.array(z.enum(VISIT_MODES)).min(1),
        }),
      ),
    }),
  })
  .superRefine((data, ctx) => {
    const ids = new Set(data.members.map((m) => m.memberId));
    data.members.forEach((m, i) => {
      for (const other of m.proxyFor) {
        if (!ids.has(other)) ctx.addIssue({ code: 'custom', path: ['members', i, 'proxyFor'], message: `unknown member ${other}` });
      }
      m.prescriptions.forEach((p, j) => {
        if (p.status === 'tooSoon' && !p.nextFillInDays) {
          ctx.addIssue({ code: 'custom', path: ['members', i, 'prescriptions', j, 'nextFillInDays'], message: 'required when status is tooSoon' });
        }
      });
    });
  });

export type SampleData = z.infer<typeof sampleDataSchema>;

export class SampleDataError extends StartupError {}

export function loadSampleData(file: string = fromRoot('services', 'sample', 'members.json')): SampleData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SampleDataError(`Sample member data ${file} could not be read: ${(err as Error).message}`);
  }
  const parsed = sampleDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SampleDataError(`Sample member data ${file} is invalid: ${issues.join('; ')}.`);
  }
  return parsed.data;
}
