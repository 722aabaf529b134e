/**
 * Who is asking, as far as the assistant knows. Until the member has verified their identity
 * (a later piece of work), back ends answer `{ verified: false }` and dialogs explain and link to
 * the portal instead: nothing that identifies a member's health is shown to someone unverified.
 */
export interface MemberRef {
  channelId: string;
  /** The channel's id for the member (for SMS, the phone number): never shown or logged. */
  channelUserId: string;
}

export type Verified<T> = { verified: false } | { verified: true; value: T };

export const NOT_VERIFIED = { verified: false } as const;
