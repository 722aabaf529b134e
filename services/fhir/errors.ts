/**
 * What can go wrong talking to the FHIR server, as the rest of the assistant needs to know it:
 * - FhirUnavailable: timeout, network error, 5xx, 429, a body that is not the expected FHIR, the
 *   circuit open, the token endpoint failing — the member is sent to the portal;
 * - FhirNotFound (404, 410): an answer (no such record);
 * - FhirConflict (409, 412): someone else changed it first (a slot taken).
 * Messages never contain URLs or ids (they may name a patient).
 */
export type UnavailableKind = 'timeout' | 'error' | 'circuit_open' | 'malformed' | 'auth';

export class FhirUnavailable extends Error {
  constructor(
    readonly kind: UnavailableKind,
    readonly status?: number,
  ) {
    super(`FHIR server unavailable (${kind}${status ? ` ${status}` : ''})`);
    this.name = 'FhirUnavailable';
  }
}

export class FhirNotFound extends Error {
  constructor() {
    super('FHIR resource not found');
    this.name = 'FhirNotFound';
  }
}

export class FhirConflict extends Error {
  constructor(readonly status: number) {
    super(`FHIR conflict (${status})`);
    this.name = 'FhirConflict';
  }
}
