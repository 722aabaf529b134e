import { NOT_VERIFIED, type MemberRef, type Verified } from '../member';

export interface UpcomingAppointments {
  /** How many appointments are booked from today on (no details: those stay on the portal). */
  count: number;
}

/** The member's appointments, once their identity is verified. */
export interface AppointmentLookup {
  upcoming(member: MemberRef): Promise<Verified<UpcomingAppointments>>;
}

/** The default until identity verification exists: never verified. */
export class UnverifiedAppointmentLookup implements AppointmentLookup {
  async upcoming(): Promise<Verified<UpcomingAppointments>> {
    return NOT_VERIFIED;
  }
}
