import type { TurnContext } from 'botbuilder';
import type { VerifiedMember } from '../../services/member';

/**
 * How a member can prove who they are on the channel they are on, now:
 * - verified: already (or just now, from their Teams identity);
 * - portal: sign in on the portal page that hosts the chat (Web Chat), then come back;
 * - oauth: a sign-in card (Teams, with a configured OAuth connection);
 * - smsCode: a one-time code to the number on file (`hint`: its last digits);
 * - none: not possible here (`reason` says why, for the explanation).
 */
export type VerifyRoute =
  | { kind: 'verified'; member: VerifiedMember }
  | { kind: 'portal' }
  | { kind: 'oauth'; connectionName: string }
  | { kind: 'smsCode'; hint: string }
  | { kind: 'none'; reason: 'groupChat' | 'notOnFile' | 'unavailable' | 'notConfigured' };

/** What the identity gate found in this turn's message while a code was awaited. */
export type CodeCheck = 'verified' | 'wrong' | 'expired' | 'locked' | 'notACode';

/**
 * What the dialogs were about to show when the member had to sign in first: the topic, and for
 * prescriptions what they needed and the words that may name the medicine ("metformin"), kept
 * only until the sign-in (or its deadline, or "sign out" / "forget me") to find it in their list.
 */
export type PendingRequest =
  | { topic: 'prescriptions'; need?: 'status' | 'refillNow' | 'whyPending' | 'renewal'; words?: string[] }
  | { topic: 'appointments' };

export interface IdentityVerification {
  route(context: TurnContext): Promise<VerifyRoute>;
  /**
   * False while the number on file has had its codes for the hour (the limit): no code is offered
   * then, since sending one would be refused.
   */
  canSendCode(context: TurnContext): Promise<boolean>;
  /** Sends a code to the number on file (in this SMS conversation). */
  sendCode(context: TurnContext): Promise<'sent' | 'throttled' | 'unavailable'>;
  /** The verdict on the code typed in this turn (the gate has checked and masked it). */
  codeCheck(context: TurnContext): CodeCheck;
  /** Forgets a code that is no longer awaited (the member gave up). */
  dropCode(context: TurnContext): Promise<void>;
  /** A token from the Teams sign-in card: verified like a portal assertion. */
  completeSignIn(context: TurnContext, token: string): Promise<VerifiedMember | null>;
  /** Remember what to show once the member signs in on the portal (Web Chat). */
  rememberPending(context: TurnContext, request: PendingRequest): Promise<void>;
}

export const NO_VERIFICATION: IdentityVerification = {
  route: async () => ({ kind: 'none', reason: 'notConfigured' }),
  canSendCode: async () => false,
  sendCode: async () => 'unavailable',
  codeCheck: () => 'notACode',
  dropCode: async () => undefined,
  completeSignIn: async () => null,
  rememberPending: async () => undefined,
};
