/**
 * Who is asking, and what the back ends answer. Plain TypeScript: no framework types.
 *
 * A member is anonymous until their identity is verified (the portal's signed assertion on Web
 * Chat, their Entra ID on Teams or a sign-in, a one-time code on SMS). Nothing that identifies a
 * member's health is shown to someone unverified: back ends are only asked about a verified
 * member's own record, or a record the back end says they may act for (proxy access).
 */
export type Verified<T> = { verified: false } | { verified: true; value: T };

export const NOT_VERIFIED = { verified: false } as const;

export const VERIFICATION_METHODS = ['portal', 'teams', 'oauth', 'smsCode'] as const;
/** How the member proved who they are: portal assertion, Teams (Entra ID), Teams sign-in, SMS code. */
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** A verified member, as held per conversation: the id, how, and until when. Nothing else. */
export interface VerifiedMember {
  memberId: string;
  method: VerificationMethod;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** A member as the directory knows them: enough to greet them and to reach them for a code. */
export interface MemberProfile {
  memberId: string;
  /** First name, to greet ("You're signed in, Alex"). */
  givenName: string;
  /** The mobile number on file (E.164), where a one-time code may be sent. */
  phone?: string;
  /** Other members whose records this member may see and act on (parent of a minor, caregiver). */
  proxyFor: Array<{ memberId: string; givenName: string }>;
}

/** Why a back end could not answer. `unavailable` (down, slow, nonsense): send the member to the portal. */
export type BackendProblem = 'unavailable' | 'notFound' | 'conflict';

export type BackendResult<T> = { ok: true; value: T } | { ok: false; problem: BackendProblem };

export const ok = <T>(value: T): BackendResult<T> => ({ ok: true, value });
export const problem = <T = never>(kind: BackendProblem): BackendResult<T> => ({ ok: false, problem: kind });

/** Finds members: by id (the portal's `sub`), by the phone number on file, by Teams (Entra ID) user. */
export interface MemberDirectory {
  get(memberId: string): Promise<BackendResult<MemberProfile | null>>;
  findByPhone(phone: string): Promise<BackendResult<MemberProfile | null>>;
  findByTeamsUser(aadObjectId: string): Promise<BackendResult<MemberProfile | null>>;
}

/** US numbers as E.164 ("(503) 555-0101", "5035550101", "+1 503…" → "+15035550101"); others as given. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (/^\+\d{8,15}$/.test(digits)) return digits;
  if (/^1\d{10}$/.test(digits)) return `+${digits}`;
  if (/^\d{10}$/.test(digits)) return `+1${digits}`;
  return digits;
}
