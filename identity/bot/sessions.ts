import { createHash } from 'node:crypto';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CodeChallenge } from '../core/codes';
import type { VerificationMethod, VerifiedMember } from '../../services/member';
import type { PendingRequest } from '../../dialogs/identity/verification';
import type { TurnAudit } from './turnAudit';

/**
 * What the conversation keeps about identity (conversation state, property `identity`): the
 * verified member id, how and until when; a code awaiting its answer (hashed); what to show once
 * the member signs in on the portal; a pending "forget me". Never the portal's assertion, never a
 * code, never a name. Bound to the channel user who verified (`user`, a hash of their channel id).
 */
export interface IdentityState {
  session?: { memberId: string; method: VerificationMethod; expiresAt: number; user: string };
  challenge?: CodeChallenge & { user: string };
  pending?: { request: PendingRequest; until: number };
  /** "forget me" asked; a yes before this time confirms. */
  forgetUntil?: number;
}

/** A short hash of who the channel says is writing (never the id itself). */
export function channelUser(context: TurnContext): string {
  const { channelId, from } = context.activity;
  return createHash('sha256').update(`${channelId}\u0000${from?.id ?? ''}`).digest('base64url').slice(0, 22);
}

/** Group chats (Teams channels, group conversations) never hold a verified identity. */
export function isGroupChat(context: TurnContext): boolean {
  return context.activity.conversation?.isGroup === true;
}

/**
 * Verified identity, per conversation, for a limited time (IDENTITY_TTL_MINUTES). `current`
 * answers null once it has expired (and forgets it), in a group chat, or for another channel user
 * than the one who verified.
 */
export class IdentitySessions {
  constructor(
    private readonly deps: { accessor: StatePropertyAccessor<IdentityState>; clock: () => number; ttlMs: number; audit: TurnAudit },
  ) {}

  async state(context: TurnContext): Promise<IdentityState> {
    return { ...(await this.deps.accessor.get(context, {})) };
  }

  async update(context: TurnContext, change: (state: IdentityState) => void): Promise<void> {
    const state = await this.state(context);
    change(state);
    if (Object.keys(state).length) await this.deps.accessor.set(context, state);
    else await this.deps.accessor.delete(context);
  }

  /**
   * Whether a one-time code sent to this member is awaited (SMS): a lone password-like message now
   * is taken for a password typed instead (pipeline/secretMasking.ts).
   */
  async codeAwaited(context: TurnContext): Promise<boolean> {
    const { challenge } = await this.state(context);
    return challenge !== undefined && challenge.user === channelUser(context) && challenge.expiresAt > this.deps.clock();
  }

  async current(context: TurnContext): Promise<VerifiedMember | null> {
    if (isGroupChat(context)) return null;
    const { session } = await this.state(context);
    if (!session) return null;
    if (session.expiresAt <= this.deps.clock()) {
      await this.update(context, (s) => delete s.session);
      this.deps.audit.now(context, { event: 'identity.ended', actor: session.memberId, reason: 'expired' }, session.method);
      return null;
    }
    if (session.user !== channelUser(context)) return null;
    return { memberId: session.memberId, method: session.method, expiresAt: session.expiresAt };
  }

  /** Verified now: held for the TTL. Replaces another member's session (audited). */
  async establish(context: TurnContext, memberId: string, method: VerificationMethod): Promise<VerifiedMember> {
    const previous = (await this.state(context)).session;
    if (previous && previous.memberId !== memberId) {
      this.deps.audit.now(context, { event: 'identity.ended', actor: previous.memberId, reason: 'replaced' }, previous.method);
    }
    const expiresAt = this.deps.clock() + this.deps.ttlMs;
    await this.update(context, (s) => {
      s.session = { memberId, method, expiresAt, user: channelUser(context) };
      delete s.challenge;
    });
    if (previous?.memberId !== memberId) this.deps.audit.now(context, { event: 'identity.verified', actor: memberId }, method);
    return { memberId, method, expiresAt };
  }

  /** Ends the session (sign out); the member it was, if any. */
  async end(context: TurnContext, reason: 'signOut' | 'forgotten'): Promise<VerifiedMember | null> {
    const member = await this.current(context);
    await this.update(context, (s) => {
      delete s.session;
      delete s.challenge;
      delete s.pending;
    });
    if (member) this.deps.audit.now(context, { event: 'identity.ended', actor: member.memberId, reason }, member.method);
    return member;
  }
}
