import type { Logger } from '../../common/logger';
import { problem, type BackendResult } from '../member';
import { FhirConflict, FhirNotFound, FhirUnavailable } from './errors';

/** Runs a FHIR-backed call and turns its failures into the answer the dialogs understand. */
export async function guarded<T>(logger: Logger, what: string, work: () => Promise<BackendResult<T>>): Promise<BackendResult<T>> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof FhirNotFound) return problem('notFound');
    if (err instanceof FhirConflict) return problem('conflict');
    if (!(err instanceof FhirUnavailable)) logger.error({ service: 'fhir', operation: what, err: { name: (err as Error)?.name } }, 'FHIR back end failed unexpectedly');
    return problem('unavailable');
  }
}

/** The display of the first reference of a kind ("Practitioner/…"), if any. */
export function displayOf(references: Array<{ reference?: string; display?: string } | undefined>, type: string): string | undefined {
  return references.find((r) => r?.reference?.startsWith(`${type}/`) && r.display)?.display;
}
