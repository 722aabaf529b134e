import type { Logger } from '../../common/logger';
import { normalizePhone, ok, type BackendResult, type MemberDirectory, type MemberProfile } from '../member';
import type { FhirClient } from './client';
import { FhirNotFound } from './errors';
import { guarded } from './guard';
import { patientSchema, type PatientResource } from './schemas';

/**
 * Members from a FHIR R4 server: the member id is the Patient id (the portal's `sub`). The first
 * name is `name.given[0]`; the number on file is the mobile `telecom` (or the first phone). A
 * number shared by several active patients (a family phone) matches nobody: a code sent there
 * would not prove who is asking. Proxy access has no single standard place in FHIR: in FHIR mode
 * members see their own records only. Teams users are mapped by TEAMS_MEMBER_MAP.
 */
export class FhirDirectory implements MemberDirectory {
  constructor(
    private readonly client: FhirClient,
    private readonly deps: { logger: Logger },
  ) {}

  get(memberId: string): Promise<BackendResult<MemberProfile | null>> {
    return guarded(this.deps.logger, 'members.get', async () => {
      try {
        const patient = await this.client.read('Patient', memberId, patientSchema);
        return ok(patient.active === false ? null : toProfile(patient));
      } catch (err) {
        if (err instanceof FhirNotFound) return ok(null);
        throw err;
      }
    });
  }

  findByPhone(phone: string): Promise<BackendResult<MemberProfile | null>> {
    return guarded(this.deps.logger, 'members.findByPhone', async () => {
      const e164 = normalizePhone(phone);
      const national = e164.startsWith('+1') ? e164.slice(2) : e164;
      for (const value of [...new Set([e164, national])]) {
        const found = await this.client.search('Patient', { phone: value, active: 'true', _count: '2' }, patientSchema);
        const matching = found.matches.filter((p) => p.active !== false && phonesOf(p).includes(e164));
        if (matching.length > 1) return ok(null);
        if (matching.length === 1) return ok(toProfile(matching[0]!));
      }
      return ok(null);
    });
  }

  async findByTeamsUser(): Promise<BackendResult<MemberProfile | null>> {
    return ok(null); // mapped by TEAMS_MEMBER_MAP (see MappedTeamsDirectory)
  }
}

function phonesOf(patient: PatientResource): string[] {
  return (patient.telecom ?? []).filter((t) => t.system === 'phone' || t.system === 'sms').map((t) => normalizePhone(t.value ?? ''));
}

function toProfile(patient: PatientResource): MemberProfile {
  const name = patient.name?.find((n) => n.use === 'usual') ?? patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  const telecom = patient.telecom ?? [];
  const mobile = telecom.find((t) => (t.system === 'phone' || t.system === 'sms') && t.use === 'mobile') ?? telecom.find((t) => t.system === 'phone' || t.system === 'sms');
  return {
    memberId: patient.id,
    givenName: name?.given?.[0] ?? name?.text?.split(/\s+/)[0] ?? '',
    ...(mobile?.value ? { phone: normalizePhone(mobile.value) } : {}),
    proxyFor: [],
  };
}
