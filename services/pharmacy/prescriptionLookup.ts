import { NOT_VERIFIED, type MemberRef, type Verified } from '../member';

export const PRESCRIPTION_STATUSES = ['pendingAuthorization', 'tooSoon', 'readyForPickup', 'shipped', 'inProgress'] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];

export interface PrescriptionState {
  status: PrescriptionStatus;
}

/** Live refill status for a verified member; `rx` null = the member gave a name or no number. */
export interface PrescriptionLookup {
  status(member: MemberRef, rx: string | null): Promise<Verified<PrescriptionState>>;
}

/** The default until identity verification exists: never verified. */
export class UnverifiedPrescriptionLookup implements PrescriptionLookup {
  async status(): Promise<Verified<PrescriptionState>> {
    return NOT_VERIFIED;
  }
}
